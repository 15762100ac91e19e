import { PROOF_WAY } from '../chat/proof.js';
import type { Icon, ChatText } from '../chat/text.js';
import type { ChatKind } from '../ports/chat-people.js';
import { formatDate } from '../engine/dates.js';
import { periodWords } from '../engine/labels.js';
import { entityWithRegistration } from '../engine/registrations.js';
import { kindWords, reasonOf, type Notification, type NotificationKind } from './kinds.js';
import type { MessageContext } from './message.js';

/** A notification as a chat shows it in the item's thread: what happened, why, and what to press. */
export interface ChatNotification {
  lead: ChatText;
  details: ChatText[];
  /** The evidence version to approve or reject, when the notification asks for a review. */
  review: { evidenceId: string; version: number | string | undefined } | null;
}

/** A reply's first words per kind, with how proof reaches the item in that chat. */
const leads = (proof: { send: string; resend: string }): Partial<Record<NotificationKind, [Icon, string]>> => ({
  due_soon: ['due_soon', `Due in a few days: please prepare and ${proof.send}.`],
  due_today: ['due_today', 'Due today.'],
  review_requested: ['review', 'Ready for your review.'],
  approved: ['done', 'Approved.'],
  rejected: ['refused', `Rejected: please ${proof.resend}.`],
  due_date_changed: ['calendar', 'The due date changed.'],
  not_applicable: ['not_applicable', 'Marked not applicable.'],
  reopened: ['reopened', 'Reopened: it needs evidence again.'],
  assigned: ['assigned', 'This item is now yours.'],
});
const LEAD: Record<ChatKind, ReturnType<typeof leads>> = { slack: leads(PROOF_WAY.slack), teams: leads(PROOF_WAY.teams) };

/** Shorter than the email's sentences: the thread already shows the item. */
function details(n: Notification): ChatText[] {
  const lines: ChatText[] = [];
  const reason = reasonOf(n);
  if (reason !== undefined) lines.push(['Reason: ', reason]);
  if (n.kind === 'assigned') lines.push(['You are its ', n.payload.as ?? 'owner', '.']);
  if (n.kind === 'due_date_changed') {
    const { oldDueDate, newDueDate, reference } = n.payload;
    lines.push([`${formatDate(oldDueDate)} → `, { bold: formatDate(newDueDate) }, ...(reference ? [' (', reference, ')'] : [])]);
  }
  if (n.addressedTo?.missing) lines.push(['No ', n.addressedTo.missing, ' is assigned: please assign one.']);
  return lines;
}

/** The notification as a reply in the item's thread in `chat` says it. */
export function chatNotification(n: Notification, chat: ChatKind = 'slack'): ChatNotification {
  const lead = n.kind === 'other' ? undefined : LEAD[chat][n.kind];
  return {
    lead: lead ? [{ icon: lead[0] }, ` ${lead[1]}`] : [kindWords(n)],
    details: details(n),
    review: n.kind === 'review_requested' && n.payload.evidenceId !== undefined ? { evidenceId: n.payload.evidenceId, version: n.payload.version } : null,
  };
}

/** A CFO's escalation, sent to them directly: the item in one sentence, and that it repeats. */
export function escalationText(item: NonNullable<MessageContext['item']>): { text: ChatText; note: ChatText } {
  return {
    text: [
      { icon: 'escalation' }, ' Overdue: ', { bold: item.name }, ' (', periodWords(item.periodName ?? item.periodKey), ') for ', { bold: entityWithRegistration(item.entityName, item.registration) },
      ` was due ${formatDate(item.dueDate)} and is still ${item.status.replace(/_/g, ' ')}.`,
    ],
    note: ['This repeats until someone acknowledges it.'],
  };
}
