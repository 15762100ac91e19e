import type { App } from '@slack/bolt';
import type { Runtime } from '../../../../app/runtime.js';
import { handleThreadUpload, type SharedFile } from '../../evidence-upload.js';

/** A file dropped in a thread: evidence when the thread is an item's (Bolt has already acknowledged the event). */
export function registerFileShare(app: App, runtime: Runtime, apiUrl?: string): void {
  app.event('message', async ({ event, context, client }) => {
    const message = event as { subtype?: string; thread_ts?: string; channel: string; user?: string; files?: SharedFile[] };
    if (message.subtype !== 'file_share' || !message.thread_ts || !message.user || !message.files?.length) return;
    await handleThreadUpload(runtime, client, {
      tenantId: context.tenantId as string, channel: message.channel, threadTs: message.thread_ts, slackUserId: message.user,
      files: message.files, botToken: context.botToken as string,
    }, apiUrl);
  });
}
