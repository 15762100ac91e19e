import { formatDate } from '../engine/dates.js';
import { periodWords } from '../engine/labels.js';
import { entityWithRegistration } from '../engine/registrations.js';
import type { InstanceStatus } from '../engine/status.js';
import type { ItemLine } from '../ports/work-reads.js';
import type { ChatText } from './text.js';

const STATUS_WORD: Record<InstanceStatus, string> = {
  pending: 'pending', submitted: 'awaiting approval', approved: 'approved', rejected: 'rejected', not_applicable: 'not applicable',
};

/** A titled list of items, cut at a length a chat message can carry. */
export interface ItemList {
  title: string;
  lines: ChatText[];
  /** What the list says when it has no items. */
  empty: ChatText;
  /** Said under a list that was cut. */
  more: ChatText | null;
}

type Listed = Pick<ItemLine, 'rag' | 'name' | 'periodKey' | 'periodName' | 'entityName' | 'registration' | 'dueDate' | 'status'>;

/** One item on one line: RAG, name, entity (and the registration it is owed per), period, due date and status. */
export const itemLine = (i: Listed): ChatText => [
  { rag: i.rag }, ' ', { bold: i.name }, ' · ', entityWithRegistration(i.entityName, i.registration), ' · ', periodWords(i.periodName ?? i.periodKey), ` · due ${formatDate(i.dueDate)} · `, { italic: STATUS_WORD[i.status] ?? i.status },
];

export function itemList(title: string, items: Listed[], maxItems: number, empty: ChatText): ItemList {
  const shown = items.slice(0, maxItems);
  const hidden = items.length - shown.length;
  return {
    title,
    lines: shown.map(itemLine),
    empty,
    more: hidden > 0 ? [`…and ${hidden} more. Narrow it down, e.g. `, { command: 'status <entity>' }, '.'] : null,
  };
}
