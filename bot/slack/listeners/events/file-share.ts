import type { App } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { answerWhenDatabaseDown } from '../../database-down.js';
import { handleThreadUpload, type SharedFile } from '../../evidence-upload.js';

const NOT_RECORDED = ':x: Compliance OS cannot reach its database right now, so this file was not recorded. Nothing was kept; please drop it in the thread again in a minute.';

/** A file dropped in a thread: evidence when the thread is an item's (Bolt has already acknowledged the event). */
export function registerFileShare(app: App, runtime: Runtime, apiUrl?: string): void {
  app.event('message', async ({ event, context, client }) => {
    const message = event as { subtype?: string; thread_ts?: string; parent_user_id?: string; channel: string; user?: string; files?: SharedFile[] };
    if (message.subtype !== 'file_share' || !message.thread_ts || !message.user || !message.files?.length) return;
    await answerWhenDatabaseDown(runtime, 'file in a thread', () => handleThreadUpload(runtime, client, {
      tenantId: context.tenantId as string, channel: message.channel, threadTs: message.thread_ts!, slackUserId: message.user!,
      files: message.files!, botToken: context.botToken as string,
    }, apiUrl), async () => {
      // Without the database an item's thread cannot be told from any other: answer only under the bot's own messages (item roots are).
      if (context.botUserId && message.parent_user_id === context.botUserId) {
        await client.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts!, text: NOT_RECORDED });
      }
    });
  });
}
