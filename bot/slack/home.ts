import type { types, webApi } from '@slack/bolt';
import { todayIn } from '../../core/engine/dates.js';
import type { Database } from '../../core/infra/db/database.js';
import { myItems, recentlyCompleted } from '../../core/infra/engine/item-queries.js';
import { loadTenantSettings } from '../../core/infra/stores/tenant-settings.js';
import { context, divider, header, itemList, section } from './blocks/common.js';

type KnownBlock = types.KnownBlock;

/** The App Home: my items by RAG, what awaits my approval, what was recently completed. */
export async function homeView(db: Database, tenantId: string, userId: string | null, now: Date): Promise<{ type: 'home'; blocks: KnownBlock[] }> {
  if (!userId) {
    return {
      type: 'home',
      blocks: [header('Compliance OS'), section('Compliance OS does not know your Slack account yet. Ask your compliance admin to add you with the email address you use in Slack.')],
    };
  }
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
        ...itemList(`To prepare (${mine.toPrepare.length})`, mine.toPrepare, 15, 'Nothing to prepare. :tada:'),
        divider(),
        ...itemList(`Awaiting your approval (${mine.toApprove.length})`, mine.toApprove, 10, 'Nothing waiting for you.'),
        divider(),
        ...itemList('Completed in the last 14 days', done, 8, 'Nothing completed recently.'),
        context('Use `/compliance status` for the whole group, `/compliance due` for what is coming.'),
      ],
    };
  });
}

export async function publishHome(db: Database, client: webApi.WebClient, tenantId: string, userId: string | null, slackUserId: string, now = new Date()): Promise<void> {
  await client.views.publish({ user_id: slackUserId, view: await homeView(db, tenantId, userId, now) });
}
