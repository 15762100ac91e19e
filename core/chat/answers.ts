import { addDays, formatDate, type IsoDate } from '../engine/dates.js';
import type { ItemLine, MyItems, StatusSummary } from '../ports/work-reads.js';
import { itemList, type ItemList } from './lists.js';
import type { ChatPlatform } from './ports.js';
import { PROOF_WAY } from './proof.js';
import type { ChatText } from './text.js';

/** An evidence version someone can approve or reject from where they see it. */
export interface ReviewRef {
  instanceId: string;
  evidenceId: string;
  version: number;
}

/** What awaits the person's approval (in their home), each with the review buttons of its thread. */
export interface ApprovalsPart {
  kind: 'approvals';
  title: string;
  items: { line: ChatText; review: ReviewRef | null }[];
  empty: ChatText;
  more: ChatText | null;
}

/** A part of an answer, in reading order; each chat lays the parts out its own way. */
export type AnswerPart =
  | ApprovalsPart
  | { kind: 'title'; text: string }
  /** Small print. */
  | { kind: 'note'; text: ChatText }
  /** Lines read together. */
  | { kind: 'paragraph'; lines: ChatText[] }
  | { kind: 'divider' }
  | { kind: 'list'; list: ItemList };

/** An answer to a command: a one-line summary (notifications, previews) and its parts. */
export interface ChatAnswer {
  summary: ChatText;
  parts: AnswerPart[];
}

const title = (text: string): AnswerPart => ({ kind: 'title', text });
const note = (text: ChatText): AnswerPart => ({ kind: 'note', text });
const paragraph = (...lines: ChatText[]): AnswerPart => ({ kind: 'paragraph', lines });
const list = (l: ItemList): AnswerPart => ({ kind: 'list', list: l });
const DIVIDER: AnswerPart = { kind: 'divider' };

export function statusAnswer(summary: StatusSummary, scope: string): ChatAnswer {
  const t = summary.totals;
  const on = formatDate(summary.today);
  const perEntity = summary.entities.map((e): ChatText => [
    { bold: e.entityName }, '  ', { rag: 'red' }, ` ${e.red}  `, { rag: 'amber' }, ` ${e.amber}  `, { rag: 'green' }, ` ${e.green}`,
  ]);
  return {
    summary: [`Compliance status on ${on}: ${t.red} red, ${t.amber} amber, ${t.green} green`],
    parts: [
      title(`Compliance status · ${scope}`),
      note([`On ${on}  ·  `, { rag: 'red' }, ` ${t.red} overdue  `, { rag: 'amber' }, ` ${t.amber} due soon or rejected  `, { rag: 'green' }, ` ${t.green} on track or done`]),
      perEntity.length ? paragraph(...perEntity) : paragraph(['No compliance items yet. Ask your admin to assign obligations to your entities.']),
      DIVIDER,
      list(itemList('Most urgent', summary.urgent, 10, ['Nothing open. ', { icon: 'celebrate' }])),
    ],
  };
}

/**
 * What is due within the days asked, the overdue items apart: each list has its own count and its
 * own first lines, so a long overdue list never hides what falls due this week.
 */
export function dueAnswer(items: ItemLine[], days: number, today: IsoDate): ChatAnswer {
  const by = formatDate(addDays(today, days));
  const overdue = items.filter((i) => i.dueDate < today);
  const coming = items.filter((i) => i.dueDate >= today);
  return {
    summary: [`${coming.length} open item(s) due by ${by}, ${overdue.length} overdue`],
    parts: [
      title(`Due in the next ${days} day${days === 1 ? '' : 's'}`),
      ...(overdue.length ? [list(itemList(`Overdue (${overdue.length})`, overdue, 15, [])), DIVIDER] : []),
      list(itemList(`Due by ${by} (${coming.length})`, coming, 15, ['Nothing due. ', { icon: 'celebrate' }])),
    ],
  };
}

export function mineAnswer(mine: MyItems): ChatAnswer {
  return {
    summary: [`You have ${mine.toPrepare.length} item(s) to prepare and ${mine.toApprove.length} awaiting your approval`],
    parts: [
      title('Your compliance work'),
      list(itemList(`To prepare (${mine.toPrepare.length})`, mine.toPrepare, 20, ['Nothing to prepare.'])),
      DIVIDER,
      list(itemList(`Awaiting your approval (${mine.toApprove.length})`, mine.toApprove, 20, ['Nothing waiting for you.'])),
    ],
  };
}

/** The commands, and (first) what was wrong with the one asked for, if anything. */
export function helpAnswer(platform: ChatPlatform, problem?: ChatText): ChatAnswer {
  return {
    summary: ['Compliance OS commands'],
    parts: [
      ...(problem ? [paragraph([{ icon: 'warning' }, ' ', ...problem])] : []),
      paragraph(
        [{ usage: 'status [entity]' }, '  red / amber / green per entity and the most urgent items'],
        [{ usage: 'due [days]' }, '  open items due in the next days (default 7)'],
        [{ usage: 'mine' }, '  what you have to prepare or approve'],
        [{ usage: 'home' }, '  your work at a glance, with what awaits your approval'],
        [{ usage: 'help' }, '  this list'],
      ),
      note([`Reminders and approvals arrive in each item's thread; ${PROOF_WAY[platform.chat].help}.`]),
    ],
  };
}

export function unknownPersonAnswer(platform: ChatPlatform): ChatAnswer {
  const p = platform.name;
  return {
    summary: ['Compliance OS does not know you yet.'],
    parts: [paragraph([{ icon: 'wave' }, ` Compliance OS does not know your ${p} account yet. Ask your compliance admin to add you with the email address you use in ${p}; your first command after that links you automatically.`])],
  };
}

const NO_ROLE = 'You have no role in Compliance OS yet, so there is nothing to show. Ask your compliance admin.';
export const noRoleAnswer = (): ChatAnswer => ({ summary: [NO_ROLE], parts: [paragraph([NO_ROLE])] });
