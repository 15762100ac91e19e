import type { types, webApi } from '@slack/bolt';
import type { ChatPorts } from '../../core/chat/ports.js';
import type { ChatText } from '../../core/chat/text.js';
import { section } from './blocks/common.js';
import { md } from './blocks/text.js';
import type { SlackLogger } from './deps.js';

/** A decision's outcome in place of the review request it answers: its words, and no buttons left to press. */
export function decisionMessage(outcome: ChatText): { text: string; blocks: types.KnownBlock[] } {
  const text = md(outcome);
  return { text, blocks: [section(text)] };
}

/**
 * After a decision taken away from the review request (a modal, the App Home), each request for
 * that version posted in an item's thread is updated to show the outcome, as a press in the
 * thread replaces its own message. A message Slack no longer has is logged and left.
 */
export async function closeReviewRequests(
  chat: Pick<ChatPorts, 'threads'>, client: webApi.WebClient, logger: SlackLogger,
  tenantId: string, review: { instanceId: string; evidenceId: string }, outcome: ChatText,
): Promise<void> {
  for (const message of await chat.threads.reviewRequests(tenantId, 'slack', review)) {
    try {
      await client.chat.update({ channel: message.conversation, ts: message.message, ...decisionMessage(outcome) });
    } catch (error) {
      logger.warn({ err: (error as Error).message, channel: message.conversation, ts: message.message }, 'Slack review request could not be updated with its decision');
    }
  }
}
