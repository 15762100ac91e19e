import type { Client } from '@microsoft/teams.api';
import { toThreadedConversationId } from '@microsoft/teams.apps';
import { homeView } from '../../core/chat/home.js';
import { itemCard, type ItemCard } from '../../core/chat/item-card.js';
import { teamsProblem, type TeamsTarget } from '../../core/notifications/delivery-problem.js';
import { changesOwnItems, kindWords } from '../../core/notifications/kinds.js';
import type { MessageContext } from '../../core/notifications/message.js';
import { DeliveryError } from '../../core/notifications/retry.js';
import type { Channel } from '../../core/ports/channel.js';
import type { TeamsTenantBinding } from '../../core/ports/teams-tenants.js';
import { INSTALLATION_TTL_MS, cachedFor } from '../common/ttl-cache.js';
import { errorText } from './activity.js';
import { homeCard } from './cards/answer.js';
import { escalationBatchCard, escalationCard, rootCard, threadReplyCard } from './cards/item.js';
import { cardMessage, card, paragraph } from './cards/message.js';
import { esc } from './cards/text.js';
import { workAssignedCard } from './cards/work-assigned.js';
import { connectorClients, credentialsOf } from './connector.js';
import { teamsDeliveryError } from './delivery-error.js';
import type { TeamsChannelDeps } from './deps.js';
import { personalChat } from './personal-chat.js';

/** A permanent failure of ours (nothing was asked of Teams), with what an admin can fix. */
const refused = (message: string, reason: string, where: TeamsTarget) => new DeliveryError(message, true, undefined, teamsProblem(reason, where));

/** An item's reply chain in its Teams channel, with its card as read under the lock. */
interface ItemThread {
  client: Client;
  channel: string;
  /** The root card's activity id (numeric: the reply chain is `<channel>;messageid=<root>`). */
  root: string;
  card: ItemCard;
  /** The root was just posted, so it is current. */
  created: boolean;
}

/**
 * Delivers notifications in Teams as Slack does in Slack: one reply chain per item (its root card
 * in the entity's channel, posted once under the item's lock and kept current; reminders as
 * replies that @mention the person), and CFO escalations and new work in the person's personal
 * chat, opened by the bot when none is kept. Connector errors are sorted into permanent and
 * retryable for the outbox (delivery-error.ts); each call has a timeout.
 */
export function createTeamsChannel(deps: TeamsChannelDeps): Channel {
  const clientFor = connectorClients(deps.settings, deps.logger, deps.timeoutMs);
  // Read from the database at most once a minute per tenant, like the receiving app's bindings.
  const bindingOf = cachedFor(INSTALLATION_TTL_MS, (tenantId) => deps.tenants.forTenant(tenantId));

  /** The item's reply chain and its card as it is now, posting the root card first if it has none (once, whatever the concurrency). */
  function ensureThread(binding: TeamsTenantBinding, m: MessageContext & { item: object }, where: TeamsTarget): Promise<ItemThread> {
    const now = deps.clock.now();
    return deps.chat.threads.withThread<ItemThread>(m.tenantId, m.item.id, 'teams', async (item) => {
      if (!item) throw new DeliveryError('the item no longer exists', true);
      // The dispatcher builds the item's link whenever the message has an item.
      const card = itemCard(item.facts, now, m.links.item!);
      const channel = item.conversation;
      const entity = item.facts.entityName;
      if (!channel) throw refused(`no Teams channel is set for ${entity}: set one in the portal (Entities → Teams channel)`, 'no_channel', { entityName: entity });
      where.conversation = channel;
      const kept = await deps.conversations.find(m.tenantId, channel);
      if (!kept) throw refused(`Compliance OS was never added to the team of ${entity}'s Teams channel`, 'not_installed', where);
      const client = clientFor(credentialsOf(binding, deps.settings), kept.serviceUrl);
      if (item.thread) return { result: { client, channel, root: item.thread.thread, card, created: false } };
      const root = await client.conversations.createActivity(channel, cardMessage(rootCard(card)));
      return { result: { client, channel, root: root.id, card, created: true }, posted: { conversation: channel, thread: root.id } };
    });
  }

  /** The person's personal chat with the bot (personal-chat.ts), with this tenant's app. */
  function personalChatFor(binding: TeamsTenantBinding, m: MessageContext, aadObjectId: string, where: TeamsTarget) {
    const credentials = credentialsOf(binding, deps.settings);
    return personalChat(deps.conversations, (serviceUrl) => clientFor(credentials, serviceUrl), m.tenantId,
      { userId: m.recipient.userId!, aadObjectId, name: m.recipient.name }, { appId: credentials.appId, aadTenantId: binding.aadTenantId },
      (conversation) => (where.conversation = conversation));
  }

  /**
   * The person's home card, updated in place when their own items changed (as Slack's Home tab
   * is). The message itself was delivered: a home that could not be updated is logged, not a
   * reason to send the message again.
   */
  async function refreshHome(binding: TeamsTenantBinding, tenantId: string, userId: string): Promise<void> {
    try {
      const home = await deps.conversations.personalOf(tenantId, userId);
      if (!home?.homeActivityId) return;
      const view = await homeView(deps.chat, tenantId, userId, deps.clock.now());
      await clientFor(credentialsOf(binding, deps.settings), home.serviceUrl).conversations.updateActivity(home.conversationId, home.homeActivityId, cardMessage(homeCard(view)));
    } catch (error) {
      deps.logger.warn({ tenantId, error: errorText(error) }, 'a Teams home card could not be updated');
    }
  }

  /** What goes to the person's personal chat (a message about no one item, or an escalation). */
  function personalCard(m: MessageContext) {
    if (m.items && m.notification.kind === 'escalation') return escalationBatchCard(m.items);
    if (m.item) return escalationCard(m.item);
    if (m.notification.kind === 'work_assigned') return workAssignedCard(m);
    return card([paragraph(esc(kindWords(m.notification)))], []);
  }

  return {
    name: 'teams',
    async send(m: MessageContext) {
      // Where the message was going, for the admins' alert if Teams refuses it.
      const where: TeamsTarget = { entityName: m.item?.entityName ?? null, person: m.recipient.name, conversation: null };
      try {
        const binding = await bindingOf(m.tenantId);
        if (!binding) throw refused('this tenant has no Microsoft 365 organisation connected for Teams', 'no_binding', where);
        if (m.notification.kind === 'thread_opened' && m.item) {
          // The item's notice has begun: its reply chain is started; nobody is mentioned.
          const thread = await ensureThread(binding, { ...m, item: m.item }, where);
          return { providerRef: thread.root };
        }
        const aadObjectId = m.recipient.teamsUserId;
        const userId = m.recipient.userId;
        if (!aadObjectId || !userId) throw refused('the recipient is not linked to a Teams account', 'not_linked', where);
        let sent: { id: string };
        if (!m.item || m.notification.kind === 'escalation') {
          where.entityName = null;
          const chat = await personalChatFor(binding, m, aadObjectId, where);
          sent = await chat.client.conversations.createActivity(chat.conversationId, cardMessage(personalCard(m)));
        } else {
          const thread = await ensureThread(binding, { ...m, item: m.item }, where);
          sent = await thread.client.conversations.createActivity(toThreadedConversationId(thread.channel, thread.root), cardMessage(threadReplyCard(m)));
          // Keep the root current: status, dates and RAG as read under the lock (a root just posted already is).
          if (!thread.created) await thread.client.conversations.updateActivity(thread.channel, thread.root, cardMessage(rootCard(thread.card)));
        }
        if (changesOwnItems(m.notification)) await refreshHome(binding, m.tenantId, userId);
        return { providerRef: sent.id };
      } catch (error) {
        throw teamsDeliveryError(error, where, deps.clock.now());
      }
    },
  };
}
