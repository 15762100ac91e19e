import { readNotification, type Notification } from '../notifications/kinds.js';
import type { ItemHistory, TimelineNotification } from './history.js';
import { capitalised, channelWords, clause, codeWords, dayOf } from './words.js';

/** What a message is called in a sentence: "Reminder", "Review request for version 2". */
function noticeName(n: Notification): string {
  switch (n.kind) {
    case 'due_soon': return 'Reminder';
    case 'due_today': return 'Due-today reminder';
    case 'escalation': return 'Escalation';
    case 'thread_opened': return 'Item thread';
    case 'review_requested': return n.payload.version === undefined ? 'Review request' : `Review request for version ${n.payload.version}`;
    case 'approved': return n.payload.late ? 'Approval notice (filed late)' : 'Approval notice';
    case 'rejected': return 'Rejection notice';
    case 'due_date_changed': return `Notice of the new due date (${dayOf(n.payload.newDueDate) ?? n.payload.newDueDate})`;
    case 'not_applicable': return 'Not-applicable notice';
    case 'reopened': return 'Reopening notice';
    case 'assigned': return n.payload.as ? `Notice of assignment as ${n.payload.as}` : 'Assignment notice';
    case 'work_assigned': return 'New-work notice';
    case 'weekly_digest': return 'Weekly digest';
    case 'delivery_alert': return 'Delivery alert';
    default: return `${capitalised(codeWords(n.name))} message`;
  }
}

/** When a message's line stands: sent when it was sent, given up when it failed, queued while it waits. */
export function noticeMoment(n: TimelineNotification): Date {
  if (n.status === 'sent') return n.sentAt ?? n.updatedAt;
  if (n.status === 'failed' || n.status === 'dead') return n.updatedAt;
  return n.createdAt;
}

/**
 * A message sent (or not) about the item, as a sentence: "Reminder sent to Priya Preparer by
 * Slack", "Escalated to Meera CFO by email", with why it went by email when a chat refused it and
 * whom it went to in place of a missing person.
 */
export function noticeSentence(row: TimelineNotification, names: Pick<ItemHistory, 'people'>): string {
  const n = readNotification(row.kind, row.payload);
  const channel = channelWords(row.channel);
  if (n.kind === 'thread_opened') {
    if (row.status === 'sent') return `Item thread opened in ${channel}`;
    return row.status === 'pending' ? `Item thread in ${channel} waiting to be opened` : `Item thread could not be opened in ${channel}`;
  }
  const recipient = row.recipientUserId ? names.people.get(row.recipientUserId) ?? 'someone no longer listed' : undefined;
  const to = recipient ? ` to ${recipient}` : '';
  const notes = [
    n.addressedTo?.missing && ` (no ${n.addressedTo.missing} is assigned)`,
    n.fallback && `, because ${channelWords(n.fallback.from)} could not deliver it: ${clause(n.fallback.problem)}`,
  ].filter(Boolean).join('');
  const name = noticeName(n);
  switch (row.status) {
    case 'sent': return n.kind === 'escalation' ? `Escalated${to} by ${channel}${notes}` : `${name} sent${to} by ${channel}${notes}`;
    case 'failed': return `${name}${to} by ${channel} could not be delivered${notes}`;
    case 'dead': return `${name}${to} by ${channel} could not be delivered after repeated tries${notes}`;
    default: return `${name}${to} by ${channel} waiting to be sent${notes}`;
  }
}
