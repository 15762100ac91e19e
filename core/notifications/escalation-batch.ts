import type { ChatText } from '../chat/text.js';
import { formatDate } from '../engine/dates.js';
import { periodWords } from '../engine/labels.js';
import { entityWithRegistration } from '../engine/registrations.js';
import type { MessageContext } from './message-context.js';

type Item = NonNullable<MessageContext['item']>;

/**
 * How many items one chat message lists, each with its own Acknowledge: Slack allows 50 blocks a
 * message (a heading, one block per item, a closing note). The rest are counted, with a link to
 * the full list; email has no such limit and lists every item.
 */
export const CHAT_LIST_LIMIT = 45;


/** "was due 20 Nov 2026, still pending". */
export const overdueWords = (i: Item): string => `was due ${formatDate(i.dueDate)}, still ${i.status.replace(/_/g, ' ')}`;

/** The heading of a batch of escalations. */
export const escalationHeadline = (count: number): string => `Overdue: ${count} item${count === 1 ? '' : 's'} escalated to you`;

/** The batch as chat shows it: a lead, one line per listed item, how many more, and that it repeats. */
export function escalationBatchText(items: Item[]): { lead: ChatText; lines: { item: Item; text: ChatText }[]; more: number; note: ChatText } {
  const listed = items.slice(0, CHAT_LIST_LIMIT);
  return {
    lead: [{ icon: 'escalation' }, ' ', { bold: escalationHeadline(items.length) }],
    lines: listed.map((item) => ({ item, text: [{ bold: item.name }, ` · ${entityWithRegistration(item.entityName, item.registration)} · ${periodWords(item.periodName ?? item.periodKey)}`, '\n', overdueWords(item)] })),
    more: items.length - listed.length,
    note: ['Each repeats until someone acknowledges it.'],
  };
}
