import { formatDate } from '../engine/dates.js';
import { itemName, periodWords } from '../engine/labels.js';
import { feeWaiverPhrase, type FeeWaiver } from '../engine/relief.js';
import { kindWords, reasonOf, type Notification } from './kinds.js';

/** Everything a channel needs to deliver one notification, already looked up. */
export interface MessageContext {
  /** The outbox row: providers carry it back (SendGrid custom_args) for tracing. */
  notificationId: string;
  tenantId: string;
  /** What happened, with its typed payload. */
  notification: Notification;
  tenantName: string;
  timezone: string;
  /** The person, with their account in each chat (null: not linked there). */
  recipient: { userId: string | null; name: string | null; email: string | null; slackUserId: string | null; teamsUserId: string | null };
  item: {
    id: string;
    code: string;
    name: string;
    entityName: string;
    /** What it is owed per (a GSTIN, TAN, …, or "no TAN recorded"); null for the entity's own. */
    registration: string | null;
    periodKey: string;
    /** The period as the law in force names it ("TY 2026-27"); the key when absent. */
    periodName?: string;
    dueDate: string;
    statutoryDueDate: string;
    extensionReference: string | null;
    /** An MCA fee waiver for the period, shown beside the due date it leaves alone. */
    feeWaiver?: FeeWaiver | null;
    status: string;
  } | null;
  links: { item: string | null; acknowledge: string | null };
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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
    default: return kindWords(n);
  }
}

/** Lines that explain the notification beyond the item's facts, in full sentences (email). */
function detail(n: Notification): string[] {
  const lines: string[] = [];
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

/** Plain-text and HTML bodies with the item, entity, period, due date, status and a link. */
export function renderEmail(ctx: MessageContext): RenderedMessage {
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
  const greeting = ctx.recipient.name ? `Hello ${ctx.recipient.name},` : 'Hello,';
  const text = [
    greeting, '', title, '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...(extra.length ? ['', ...extra] : []),
    ...(ctx.links.item ? ['', `Open: ${ctx.links.item}`] : []),
    ...(ctx.links.acknowledge ? [`Acknowledge (stops the repeats): ${ctx.links.acknowledge}`] : []),
    '', '— Compliance OS',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<h2 style="margin:0 0 8px">${escapeHtml(title)}</h2>`,
    facts.length ? `<table>${facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` : '',
    ...extra.map((line) => `<p>${escapeHtml(line)}</p>`),
    ctx.links.item ? `<p><a href="${escapeHtml(ctx.links.item)}">Open the item</a></p>` : '',
    ctx.links.acknowledge ? `<p><a href="${escapeHtml(ctx.links.acknowledge)}">Acknowledge this escalation</a> (stops the repeats)</p>` : '',
    '<p style="color:#666">— Compliance OS</p>',
  ].filter(Boolean).join('\n');
  return { subject, text, html };
}
