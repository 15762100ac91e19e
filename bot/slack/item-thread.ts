import type { webApi } from '@slack/bolt';
import { itemCard, itemPortalLink } from '../../core/chat/item-card.js';
import type { ChatText } from '../../core/chat/text.js';
import { rootMessage } from './blocks/item.js';
import { md } from './blocks/text.js';
import type { SlackDeps } from './deps.js';

/**
 * After a change made from Slack itself (a reopen): the item's root message shows it as it is now
 * and the thread is told what happened, under the item's lock like the outbox's own updates. An
 * item with no thread yet has nothing to update.
 */
export async function tellItemThread(deps: Pick<SlackDeps, 'chat' | 'clock' | 'publicUrl'>, client: webApi.WebClient, tenantId: string, instanceId: string, said: ChatText): Promise<void> {
  await deps.chat.threads.withThread(tenantId, instanceId, 'slack', async (item) => {
    if (!item?.thread) return { result: undefined };
    const { conversation: channel, thread: ts } = item.thread;
    await client.chat.update({ channel, ts, ...rootMessage(itemCard(item.facts, deps.clock.now(), itemPortalLink(deps.publicUrl, instanceId))) });
    await client.chat.postMessage({ channel, thread_ts: ts, text: md(said) });
    return { result: undefined };
  });
}
