import { todayIn } from '../engine/dates.js';
import type { ItemLine, WorkReads } from '../ports/work-reads.js';
import type { AnswerPart, ApprovalsPart, ReviewRef } from './answers.js';
import { itemLine, itemList } from './lists.js';
import type { ChatPlatform } from './ports.js';
import type { ChatText } from './text.js';

export type { ApprovalsPart, ReviewRef };

/** A person's home in a chat (Slack's App Home, a Teams card), as data. */
export interface HomeView {
  parts: AnswerPart[];
}

const APPROVALS_WITH_BUTTONS = 10;
const COMPLETED_DAYS = 14;

function approvals(items: ItemLine[]): ApprovalsPart {
  return {
    kind: 'approvals',
    title: `Awaiting your approval (${items.length})`,
    items: items.slice(0, APPROVALS_WITH_BUTTONS).map((item) => ({
      line: itemLine(item),
      review: item.evidence ? { instanceId: item.instanceId, evidenceId: item.evidence.id, version: item.evidence.version } : null,
    })),
    empty: ['Nothing waiting for you.'],
    more: items.length > APPROVALS_WITH_BUTTONS ? [`…and ${items.length - APPROVALS_WITH_BUTTONS} more, each in its item's thread.`] : null,
  };
}

/** A home that only says one thing (it needs no database: also for when the database is down). */
export const messageHome = (text: ChatText): HomeView => ({ parts: [{ kind: 'title', text: 'Compliance OS' }, { kind: 'paragraph', lines: [text] }] });

/**
 * The home: the person's items by RAG, what awaits their approval (with the review buttons),
 * what was recently completed. `notice` shows the outcome of a button pressed there, at the top.
 */
export async function homeView(
  ports: { platform: ChatPlatform; reads: WorkReads }, tenantId: string, userId: string | null, now: Date, notice?: ChatText,
): Promise<HomeView> {
  const p = ports.platform.name;
  if (!userId) return messageHome([`Compliance OS does not know your ${p} account yet. Ask your compliance admin to add you with the email address you use in ${p}.`]);
  return ports.reads.read(tenantId, async (view) => {
    const settings = await view.settings();
    const today = todayIn(settings.timezone, now);
    const mine = await view.myItems(userId, today, settings.amberWindowDays);
    const done = await view.recentlyCompleted(userId, today, COMPLETED_DAYS, settings.amberWindowDays);
    const byRag = (rag: string) => mine.toPrepare.filter((i) => i.rag === rag).length;
    return {
      parts: [
        { kind: 'title', text: 'Your compliance work' },
        { kind: 'note', text: [`${byRag('red')} overdue · ${byRag('amber')} due soon or rejected · ${byRag('green')} on track · updated ${today}`] },
        ...(notice ? [{ kind: 'paragraph' as const, lines: [notice] }] : []),
        { kind: 'list', list: itemList(`To prepare (${mine.toPrepare.length})`, mine.toPrepare, 15, ['Nothing to prepare. ', { icon: 'celebrate' }]) },
        { kind: 'divider' },
        approvals(mine.toApprove),
        { kind: 'divider' },
        { kind: 'list', list: itemList(`Completed in the last ${COMPLETED_DAYS} days`, done, 8, ['Nothing completed recently.']) },
        { kind: 'note', text: ['Use ', { command: 'status' }, ' for the whole group, ', { command: 'due' }, ' for what is coming.'] },
      ],
    };
  });
}
