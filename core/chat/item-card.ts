import { formatDate, todayIn } from '../engine/dates.js';
import { ragOf, type Rag } from '../engine/rag.js';
import { itemName, periodWords } from '../engine/labels.js';
import { feeWaiverPhrase } from '../engine/relief.js';
import { canTransition, STATUS_LABEL } from '../engine/status.js';
import type { ItemFacts } from '../ports/item-threads.js';
import type { ChatText, Span } from './text.js';

const NOBODY = 'nobody assigned';

/** An item's card: the root message of its thread, kept current (updated in place on every change). */
export interface ItemCard {
  instanceId: string;
  /** The obligation's name, with the form in force for the item's period (read by the store, see labels.ts). */
  title: string;
  /** The item in one line (notifications, previews). */
  summary: ChatText;
  /** Entity and period; the due date; the status. */
  facts: ChatText[];
  /** Who prepares and approves it (each chat adds how proof reaches the item there: PROOF_WAY.card). */
  people: ChatText;
  rag: Rag;
  /** The item in the portal. */
  link: string;
  /** The chat accounts of its preparer and approver, where linked: whose view of the card depends on who they are. */
  accounts: string[];
  /** The buttons it offers beside View details. */
  actions: { markNotApplicable: boolean; reopen: boolean };
}

function due(f: ItemFacts): ChatText {
  const parts: ChatText = [{ bold: 'Due:' }, ` ${formatDate(f.dueDate)}`];
  if (f.extendedDueDate) parts.push(` · extended from ${formatDate(f.statutoryDueDate)}`, ...(f.extensionReference ? [' (', f.extensionReference, ')'] : []));
  else if (f.workingDueDate) parts.push(` · statutory ${formatDate(f.statutoryDueDate)}, next working day`);
  // A waiver is about the late fee, not the date: the due date (and the RAG) stay as they are.
  if (f.feeWaiver) parts.push(` · ${feeWaiverPhrase(f.feeWaiver)}`);
  return parts;
}

function status(f: ItemFacts, rag: Rag): ChatText {
  const approved = f.status === 'approved';
  const mark: Span = approved ? { icon: 'done' } : { rag };
  return [
    mark, ' ', { bold: STATUS_LABEL[f.status] ?? f.status }, approved && f.approvedLate ? ' (late)' : '',
    ...(f.filingReference ? [' · ref ', f.filingReference] : []),
  ];
}

/** The item's web page, for everyone who may see it (the link on its card and in its notifications). */
export const itemPortalLink = (publicUrl: string, instanceId: string) => `${publicUrl}/items/${instanceId}`;

/** The card of an item as of `now` (its RAG is the tenant's today's). */
export function itemCard(f: ItemFacts, now: Date, link: string): ItemCard {
  const rag = ragOf(f.status, f.dueDate, todayIn(f.timezone, now), f.amberWindowDays);
  const label = STATUS_LABEL[f.status] ?? f.status;
  return {
    instanceId: f.instanceId,
    title: f.name,
    summary: [itemName(f), ` · due ${formatDate(f.dueDate)} · ${label}`],
    facts: [[{ bold: f.entityName }, ...(f.registration ? [' · ', f.registration] : []), ' · period ', { bold: periodWords(f.periodName ?? f.periodKey) }], due(f), status(f, rag)],
    people: [
      'Preparer: ', { person: f.owner, nobody: NOBODY }, ' · Approver: ', { person: f.approver, nobody: NOBODY },
    ],
    rag,
    link,
    accounts: [...new Set([f.owner.chatId, f.approver.chatId].filter((id): id is string => id !== null))],
    actions: { markNotApplicable: canTransition(f.status, 'mark_not_applicable'), reopen: canTransition(f.status, 'reopen') },
  };
}
