import { formatDate } from '../engine/dates.js';

/** Everything a channel needs to deliver one notification, already looked up. */
export interface MessageContext {
  /** The outbox row: providers carry it back (SendGrid custom_args) for tracing. */
  notificationId: string;
  tenantId: string;
  kind: string;
  tenantName: string;
  timezone: string;
  recipient: { userId: string | null; name: string | null; email: string | null; slackUserId: string | null };
  item: {
    id: string;
    code: string;
    name: string;
    entityName: string;
    periodKey: string;
    dueDate: string;
    statutoryDueDate: string;
    extensionReference: string | null;
    status: string;
  } | null;
  payload: Record<string, unknown>;
  links: { item: string | null; acknowledge: string | null };
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function headline(ctx: MessageContext): string {
  const p = ctx.payload;
  switch (ctx.kind) {
    case 'due_soon': return 'Due soon';
    case 'due_today': return 'Due today';
    case 'escalation': return 'Overdue: escalated to you';
    case 'review_requested': return `Ready for your review (version ${p.version ?? '?'})`;
    case 'approved': return p.late ? 'Approved (filed late)' : 'Approved';
    case 'rejected': return 'Rejected: please upload a corrected file';
    case 'due_date_changed': return 'Due date changed';
    case 'not_applicable': return 'Marked not applicable';
    case 'reopened': return 'Reopened: evidence needed again';
    case 'assigned': return `You are now the ${String(p.as ?? 'owner')} of this item`;
    case 'weekly_digest': return 'Weekly compliance digest';
    default: return ctx.kind.replace(/_/g, ' ');
  }
}

/** Lines that explain the notification beyond the item's facts. */
function detail(ctx: MessageContext): string[] {
  const p = ctx.payload;
  const lines: string[] = [];
  if (p.addressedTo && typeof p.addressedTo === 'object' && 'missing' in p.addressedTo) {
    lines.push(`No ${String((p.addressedTo as { missing: string }).missing)} is assigned to this item, so you are told instead. Please assign one.`);
  }
  if (['rejected', 'not_applicable', 'reopened'].includes(ctx.kind) && typeof p.reason === 'string') lines.push(`Reason: ${p.reason}`);
  if (ctx.kind === 'due_date_changed') {
    lines.push(`Moved from ${formatDate(String(p.oldDueDate))} to ${formatDate(String(p.newDueDate))}${p.reference ? ` (${String(p.reference)})` : ''}.`);
  }
  if (ctx.kind === 'escalation') lines.push('Reminders repeat until someone acknowledges this escalation.');
  if (ctx.kind === 'weekly_digest' && Array.isArray(p.lines)) lines.push(...(p.lines as string[]));
  return lines;
}

/** Plain-text and HTML bodies with the item, entity, period, due date, status and a link. */
export function renderEmail(ctx: MessageContext): RenderedMessage {
  const title = headline(ctx);
  const item = ctx.item;
  const facts: [string, string][] = item
    ? [
      ['Obligation', `${item.name} (${item.code})`],
      ['Entity', item.entityName],
      ['Period', item.periodKey],
      ['Due date', formatDate(item.dueDate) + (item.dueDate !== item.statutoryDueDate ? ` (statutory ${formatDate(item.statutoryDueDate)}${item.extensionReference ? `, extended by ${item.extensionReference}` : ''})` : '')],
      ['Status', item.status.replace(/_/g, ' ')],
    ]
    : [];
  const subject = item
    ? `[${ctx.tenantName}] ${title}: ${item.code} ${item.periodKey}, ${item.entityName} (due ${formatDate(item.dueDate)})`
    : `[${ctx.tenantName}] ${title}`;
  const extra = detail(ctx);
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
