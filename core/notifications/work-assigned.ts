import type { ChatText } from '../chat/text.js';
import { formatDate } from '../engine/dates.js';
import { itemName, periodWords } from '../engine/labels.js';
import { entityWithRegistration } from '../engine/registrations.js';
import type { PayloadOf } from './kinds.js';
import type { MessageContext } from './message-context.js';

type Item = NonNullable<MessageContext['item']>;
type HeldAs = PayloadOf<'work_assigned'>['items'][number]['as'];

/** One listed item with the part the person plays in it. */
export interface ListedWork {
  item: Item;
  as: HeldAs;
}

const ROLE: Record<HeldAs, string> = { owner: 'you prepare', approver: 'you approve', both: 'you prepare and approve' };

/** "New work assigned: 7 items" (an email's subject and heading, a chat's fallback text). */
export const workAssignedHeadline = (count: number): string => `New work assigned: ${count} item${count === 1 ? '' : 's'}`;

/**
 * The items a work_assigned notification lists, as the dispatcher loaded them (nearest due first,
 * then by name and entity), each with the part the person plays; an item deleted since is left
 * out and counted among the rest.
 */
export function listedWork(payload: PayloadOf<'work_assigned'>, items: Item[] | undefined): { listed: ListedWork[]; more: number } {
  const roleOf = new Map(payload.items.map((i) => [i.instanceId, i.as]));
  const listed = (items ?? []).flatMap((item) => {
    const as = roleOf.get(item.id);
    return as ? [{ item, as }] : [];
  });
  return { listed, more: Math.max(0, payload.count - listed.length) };
}

/** The sentence above the list. */
export const workAssignedIntro = (payload: PayloadOf<'work_assigned'>): string =>
  `You are named on ${payload.count === 1 ? '1 new item' : `${payload.count} new items`}; the nearest is due ${formatDate(payload.nearestDue)}.`;

/** "and 3 more" under the list, or nothing when every item is listed. */
export const moreLine = (more: number): string | null => (more > 0 ? `and ${more} more` : null);

const where = (i: Item) => `${entityWithRegistration(i.entityName, i.registration)} · ${periodWords(i.periodName ?? i.periodKey)}`;

/** "TDS deposit · Demo Manufacturing · Nov 2026 · due 7 Dec 2026 (you prepare)" */
export const workLine = ({ item, as }: ListedWork): string => `${itemName(item)} · due ${formatDate(item.dueDate)} (${ROLE[as]})`;

/** The same line for a chat, the name and the due date in bold. */
export const workChatLine = ({ item, as }: ListedWork): ChatText =>
  [{ bold: item.name }, ` · ${where(item)} · due `, { bold: formatDate(item.dueDate) }, ` (${ROLE[as]})`];
