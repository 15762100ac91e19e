import type { App } from '@slack/bolt';
import { answerWhenDatabaseDown } from '../../database-down.js';
import type { ListenerDeps } from '../../deps.js';
import { handleThreadUpload } from '../../evidence-upload.js';
import { fileShare, readContext } from '../../schemas.js';

const NOT_RECORDED = ':x: Compliance OS cannot reach its database right now, so this file was not recorded. Nothing was kept; please drop it in the thread again in a minute.';

/** A file dropped in a thread: evidence when the thread is an item's (Bolt has already acknowledged the event). */
export function registerFileShare(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, context, client }) => {
    const parsed = fileShare.safeParse(event);
    if (!parsed.success) return;
    const message = parsed.data;
    const { tenantId, botToken, botUserId } = readContext(context);
    await answerWhenDatabaseDown(deps, 'file in a thread', () => handleThreadUpload(deps.chat, client, {
      tenantId, channel: message.channel, threadTs: message.thread_ts, slackUserId: message.user, files: message.files, botToken: botToken ?? '',
    }, deps.apiUrl), async () => {
      // Without the database an item's thread cannot be told from any other: answer only under the bot's own messages (item roots are).
      if (botUserId && message.parent_user_id === botUserId) {
        await client.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts, text: NOT_RECORDED });
      }
    });
  });
}
