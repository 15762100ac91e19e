import type { Client } from '@microsoft/teams.api';
import { toThreadedConversationId } from '@microsoft/teams.apps';
import { itemCard, itemPortalLink } from '../../core/chat/item-card.js';
import type { ChatPorts } from '../../core/chat/ports.js';
import type { ChatText } from '../../core/chat/text.js';
import type { ItemThreadState } from '../../core/ports/item-threads.js';
import type { TeamsConversations } from '../../core/ports/teams-conversations.js';
import type { TeamsTenantBinding } from '../../core/ports/teams-tenants.js';
import { errorText } from './activity.js';
import { decisionCard, rootCard } from './cards/item.js';
import { cardMessage } from './cards/message.js';
import type { TeamsDeps } from './deps.js';

/** A connector client for a service URL, speaking as the tenant's Teams app (the outbox's clients). */
export type ConnectorFor = (binding: TeamsTenantBinding, serviceUrl: string) => Client;

export interface ItemThreadDeps extends Pick<TeamsDeps, 'clock' | 'logger' | 'publicUrl'> {
  chat: Pick<ChatPorts, 'threads'>;
  conversations: Pick<TeamsConversations, 'find'>;
  connector: ConnectorFor;
}

/** An item's reply chain in its channel, under the item's lock, with a client on its channel's connector. */
interface OpenThread {
  client: Client;
  item: ItemThreadState & { thread: NonNullable<ItemThreadState['thread']> };
  /** The reply chain's conversation id (`<channel>;messageid=<root>`). */
  replies: string;
}

/**
 * Runs `work` on the item's reply chain under the item's row lock (as the outbox posts and updates
 * there); an item without a root card yet, or whose channel the bot is no longer in, has nothing
 * to tell. A failure is logged, never the person's answer: it runs after their request was answered.
 */
async function inThread(deps: ItemThreadDeps, binding: TeamsTenantBinding, instanceId: string, what: string, work: (thread: OpenThread) => Promise<void>): Promise<void> {
  try {
    await deps.chat.threads.withThread(binding.tenantId, instanceId, 'teams', async (item) => {
      if (!item?.thread) return { result: undefined };
      const kept = await deps.conversations.find(binding.tenantId, item.thread.conversation);
      if (!kept) return { result: undefined };
      const thread = { ...item, thread: item.thread };
      await work({ client: deps.connector(binding, kept.serviceUrl), item: thread, replies: toThreadedConversationId(thread.thread.conversation, thread.thread.thread) });
      return { result: undefined };
    });
  } catch (error) {
    deps.logger.warn({ instanceId, error: errorText(error) }, `Teams: ${what} failed`);
  }
}

/** The root card as everyone sees it now (read-only: each viewer's buttons come with their refresh). */
const currentRoot = (deps: ItemThreadDeps, item: OpenThread['item']) =>
  cardMessage(rootCard(itemCard(item.facts, deps.clock.now(), itemPortalLink(deps.publicUrl, item.facts.instanceId))));

/**
 * After a decision taken on a card: the item's root card shows it (updated in place), and the
 * thread shows the outcome, as in Slack: the review requests of the decided version (`review`)
 * become the outcome, with no buttons left; with none of them in Teams, or for a change that
 * answers no review (not applicable, reopened), the outcome is a reply in the thread.
 */
export function tellItemThread(deps: ItemThreadDeps, binding: TeamsTenantBinding, instanceId: string, outcome: ChatText, review?: { evidenceId: string }): Promise<void> {
  return inThread(deps, binding, instanceId, 'telling the item\'s thread of a decision', async ({ client, item, replies }) => {
    await client.conversations.updateActivity(item.thread.conversation, item.thread.thread, currentRoot(deps, item));
    const requests = review ? await deps.chat.threads.reviewRequests(binding.tenantId, 'teams', { instanceId, evidenceId: review.evidenceId }) : [];
    for (const request of requests) await client.conversations.updateActivity(replies, request.message, cardMessage(decisionCard(outcome)));
    if (requests.length === 0) await client.conversations.createActivity(replies, cardMessage(decisionCard(outcome)));
  });
}

/** Something said in the item's thread (evidence received from a personal chat). */
export function sayInItemThread(deps: ItemThreadDeps, binding: TeamsTenantBinding, instanceId: string, said: ChatText): Promise<void> {
  return inThread(deps, binding, instanceId, 'a reply in the item\'s thread', async ({ client, replies }) => {
    await client.conversations.createActivity(replies, cardMessage(decisionCard(said)));
  });
}
