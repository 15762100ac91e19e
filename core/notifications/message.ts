import { formatDate } from '../engine/dates.js';
import { escalationHeadline, overdueWords } from './escalation-batch.js';
import { itemName, periodWords } from '../engine/labels.js';
import { feeWaiverPhrase } from '../engine/relief.js';
import { kindWords, reasonOf, type Fallback, type Notification } from './kinds.js';
import { listedRungs, type ListingKind } from './listing.js';
import type { MessageContext } from './message-context.js';
import { listedWork, moreLine, workAssignedHeadline, workAssignedIntro, workLine } from './work-assigned.js';

export type { MessageContext } from './message-context.js';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The chats as people call them, for an email sent in a chat's place. */
const CHAT_NAME: Record<string, string> = { slack: 'Slack', teams: 'Teams' };

/** Why this came by email: the chat that could not deliver it, and what stops it. */
const fallbackLine = (f: Fallback) => `Sent by email because ${CHAT_NAME[f.from] ?? f.from} could not deliver it: ${f.problem}`;

/** The notification's title (an email's subject and heading). */
export function headline(n: Notification): string {
  switch (n.kind) {
    case 'due_soon': return 'Due soon';
    case 'due_today': return 'Due today';
    case 'escalation': return 'Overdue: escalated to you';
    case 'review_requested': return `Ready for your review (version ${n.payload.version ?? '?'})`;
    case 'approved': return n.payload.late ? 'Approved (filed late)' : 'Approved';
    case 'rejected': return 'Rejected: please upload a corrected file';
    case 'due_date_changed': return 'Due date changed';
    case 'not_applicable': return 'Marked not applicable';
    case 'reopened': return 'Reopened: evidence needed again';
    case 'assigned': return `You are now the ${n.payload.as ?? 'owner'} of this item`;
    case 'weekly_digest': return 'Weekly compliance digest';
    case 'delivery_alert': return 'Messages are not reaching people: please fix';
    case 'work_assigned': return workAssignedHeadline(n.payload.count);
    default: return kindWords(n);
  }
}

/** Lines that explain the notification beyond the item's facts, in full sentences (email). */
function detail(n: Notification): string[] {
  const lines: string[] = [];
  if (n.fallback) lines.push(fallbackLine(n.fallback));
  if (n.kind === 'delivery_alert') lines.push(n.payload.problem, 'You are told once a day while this lasts.');
  if (n.addressedTo?.missing) lines.push(`No ${n.addressedTo.missing} is assigned to this item, so you are told instead. Please assign one.`);
  const reason = reasonOf(n);
  if (reason !== undefined) lines.push(`Reason: ${reason}`);
  if (n.kind === 'due_date_changed') {
    const { oldDueDate, newDueDate, reference } = n.payload;
    lines.push(`Moved from ${formatDate(oldDueDate)} to ${formatDate(newDueDate)}${reference ? ` (${reference})` : ''}.`);
  }
  if (n.kind === 'escalation') lines.push('Reminders repeat until someone acknowledges this escalation.');
  if (n.kind === 'weekly_digest' && n.payload.lines) lines.push(...n.payload.lines);
  return lines;
}

/** How a batch of items reads by email, per kind: its title, what it asks, and each item's line. */
interface BatchWords {
  title: string;
  intro: string;
  line: (i: NonNullable<MessageContext['items']>[number]) => string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function batchWords(kind: ListingKind, count: number): BatchWords {
  if (kind === 'escalation') {
    return { title: escalationHeadline(count), intro: 'These items are overdue. Each reminder repeats until someone acknowledges it.', line: overdueWords };
  }
  const due = (i: { dueDate: string }) => `due ${formatDate(i.dueDate)}`;
  return kind === 'due_soon'
    ? { title: `Due soon: ${plural(count, 'filing')} to prepare`, intro: 'Please prepare these and upload the proof of filing on each item\'s page.', line: due }
    : { title: `Due today: ${plural(count, 'item')} awaiting approval`, intro: 'These are due today: please review and approve each one\'s proof once it is uploaded.', line: due };
}

/** A batch (escalations, reminders): every item listed with its page, and for escalations its own acknowledgement link. */
function renderBatch(ctx: MessageContext, kind: ListingKind, items: NonNullable<MessageContext['items']>): RenderedMessage {
  const { title, intro: asks, line } = batchWords(kind, items.length);
  const greeting = ctx.recipient.name ? `Hello ${ctx.recipient.name},` : 'Hello,';
  const ack = (id: string) => ctx.links.acknowledgeItems?.[id];
  const open = (id: string) => ctx.links.items?.[id];
  const missing = ctx.notification.addressedTo?.missing;
  const intro = [
    ...(ctx.notification.fallback ? [fallbackLine(ctx.notification.fallback)] : []),
    missing ? `No ${missing} is assigned, so you are told instead.` : asks,
  ].join(' ');
  const text = [
    greeting, '', title, '', intro, '',
    ...items.flatMap((i) => [
      `- ${itemName(i)}: ${line(i)}.`,
      ...(open(i.id) ? [`  Open: ${open(i.id)}`] : []),
      ...(ack(i.id) ? [`  Acknowledge (stops the repeats): ${ack(i.id)}`] : []),
    ]),
    '', '— Compliance OS',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<h2 style="margin:0 0 8px">${escapeHtml(title)}</h2>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<ul>',
    ...items.map((i) => `<li><strong>${escapeHtml(itemName(i))}</strong>: ${escapeHtml(line(i))}.`
      + (open(i.id) ? ` <a href="${escapeHtml(open(i.id)!)}">Open</a>` : '')
      + (ack(i.id) ? ` · <a href="${escapeHtml(ack(i.id)!)}">Acknowledge</a>` : '') + '</li>'),
    '</ul>',
    '<p style="color:#666">— Compliance OS</p>',
  ].join('\n');
  return { subject: `[${ctx.tenantName}] ${title}`, text, html };
}

/** New work: a sentence, then one line per listed item and how many more (text, and HTML as a list). */
function workList(ctx: MessageContext): { text: string[]; html: string[] } {
  const n = ctx.notification;
  if (n.kind !== 'work_assigned') return { text: [], html: [] };
  const { listed, more } = listedWork(n.payload, ctx.items);
  const lines = listed.map(workLine);
  const rest = moreLine(more);
  return {
    text: [workAssignedIntro(n.payload), '', ...lines.map((l) => `- ${l}`), ...(rest ? [rest] : [])],
    html: [
      `<p>${escapeHtml(workAssignedIntro(n.payload))}</p>`,
      lines.length ? `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '',
      rest ? `<p>${escapeHtml(rest)}</p>` : '',
    ],
  };
}

/** Plain-text and HTML bodies with the item, entity, period, due date, status and a link. */
export function renderEmail(ctx: MessageContext): RenderedMessage {
  const listing = listedRungs(ctx.notification);
  if (ctx.items && listing) return renderBatch(ctx, listing.kind, ctx.items);
  const title = headline(ctx.notification);
  const item = ctx.item;
  const facts: [string, string][] = item
    ? [
      ['Obligation', item.name],
      ['Entity', item.entityName],
      ...(item.registration ? [['Registration', item.registration] as [string, string]] : []),
      ['Period', periodWords(item.periodName ?? item.periodKey)],
      ['Due date', formatDate(item.dueDate) + (item.dueDate !== item.statutoryDueDate ? ` (statutory ${formatDate(item.statutoryDueDate)}${item.extensionReference ? `, extended by ${item.extensionReference}` : ''})` : '')
        + (item.feeWaiver ? `; ${feeWaiverPhrase(item.feeWaiver)}` : '')],
      ['Status', item.status.replace(/_/g, ' ')],
    ]
    : [];
  const subject = item
    ? `[${ctx.tenantName}] ${title}: ${itemName(item)} (due ${formatDate(item.dueDate)})`
    : `[${ctx.tenantName}] ${title}`;
  const extra = detail(ctx.notification);
  const work = workList(ctx);
  const openLabel = ctx.item ? 'Open the item' : 'Open your items';
  const greeting = ctx.recipient.name ? `Hello ${ctx.recipient.name},` : 'Hello,';
  const text = [
    greeting, '', title, '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...work.text,
    ...(extra.length ? ['', ...extra] : []),
    ...(ctx.links.item ? ['', `${ctx.item ? 'Open' : openLabel}: ${ctx.links.item}`] : []),
    ...(ctx.links.acknowledge ? [`Acknowledge (stops the repeats): ${ctx.links.acknowledge}`] : []),
    '', '— Compliance OS',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<h2 style="margin:0 0 8px">${escapeHtml(title)}</h2>`,
    facts.length ? `<table>${facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` : '',
    ...work.html,
    ...extra.map((line) => `<p>${escapeHtml(line)}</p>`),
    ctx.links.item ? `<p><a href="${escapeHtml(ctx.links.item)}">${openLabel}</a></p>` : '',
    ctx.links.acknowledge ? `<p><a href="${escapeHtml(ctx.links.acknowledge)}">Acknowledge this escalation</a> (stops the repeats)</p>` : '',
    '<p style="color:#666">— Compliance OS</p>',
  ].filter(Boolean).join('\n');
  return { subject, text, html };
}
