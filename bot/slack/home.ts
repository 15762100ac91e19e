import type { types, webApi } from '@slack/bolt';
import { todayIn } from '../../core/engine/dates.js';
import type { Database } from '../../infra/db/database.js';
import { myItems, recentlyCompleted, type ItemLine } from '../../infra/engine/item-queries.js';
import { loadTenantSettings } from '../../infra/stores/tenant-settings.js';
import { context, divider, header, itemLine, itemList, section } from './blocks/common.js';
import { reviewButtons } from './blocks/item.js';
import { evidenceRef } from './ids.js';

type KnownBlock = types.KnownBlock;

const APPROVALS_WITH_BUTTONS = 10;

/** Each item awaiting my approval with the same Approve / Reject buttons as its thread. */
function approvalBlocks(items: ItemLine[]): KnownBlock[] {
  const title = `*Awaiting your approval (${items.length})*`;
  if (items.length === 0) return [section(`${title}\nNothing waiting for you.`)];
  const blocks: KnownBlock[] = [section(title)];
  for (const item of items.slice(0, APPROVALS_WITH_BUTTONS)) {
    blocks.push(section(itemLine(item)));
    if (item.evidence) blocks.push(reviewButtons(evidenceRef(item.instanceId, item.evidence.id, 'home'), item.evidence.version));
  }
  if (items.length > APPROVALS_WITH_BUTTONS) blocks.push(context(`…and ${items.length - APPROVALS_WITH_BUTTONS} more, each in its item's thread.`));
  return blocks;
}

type HomeView = { type: 'home'; blocks: KnownBlock[] };

/** A Home that only says one thing (built without the database). */
const messageHome = (markdown: string): HomeView => ({ type: 'home', blocks: [header('Compliance OS'), section(markdown)] });

/**
 * The App Home: my items by RAG, what awaits my approval (with the review buttons), what was
 * recently completed. `notice` shows the outcome of a button pressed here, at the top.
 */
async function homeView(db: Database, tenantId: string, userId: string | null, now: Date, notice?: string): Promise<HomeView> {
  if (!userId) return messageHome('Compliance OS does not know your Slack account yet. Ask your compliance admin to add you with the email address you use in Slack.');
  return db.withTenant(tenantId, async (tx) => {
    const settings = await loadTenantSettings(tx);
    const today = todayIn(settings.timezone, now);
    const mine = await myItems(tx, userId, today, settings.amberWindowDays);
    const done = await recentlyCompleted(tx, userId, today, 14, settings.amberWindowDays);
    const byRag = (rag: string) => mine.toPrepare.filter((i) => i.rag === rag).length;
    return {
      type: 'home',
      blocks: [
        header('Your compliance work'),
        context(`${byRag('red')} overdue · ${byRag('amber')} due soon or rejected · ${byRag('green')} on track · updated ${today}`),
        ...(notice ? [section(notice)] : []),
        ...itemList(`To prepare (${mine.toPrepare.length})`, mine.toPrepare, 15, 'Nothing to prepare. :tada:'),
        divider(),
        ...approvalBlocks(mine.toApprove),
        divider(),
        ...itemList('Completed in the last 14 days', done, 8, 'Nothing completed recently.'),
        context('Use `/compliance status` for the whole group, `/compliance due` for what is coming.'),
      ],
    };
  });
}

export async function publishHome(
  db: Database, client: webApi.WebClient, tenantId: string, userId: string | null, slackUserId: string, now = new Date(), notice?: string,
): Promise<void> {
  await client.views.publish({ user_id: slackUserId, view: await homeView(db, tenantId, userId, now, notice) });
}

/** Shows one message in the person's Home, e.g. when their items cannot be read right now. */
export async function publishNotice(client: webApi.WebClient, slackUserId: string, markdown: string): Promise<void> {
  await client.views.publish({ user_id: slackUserId, view: messageHome(markdown) });
}
