import { webApi } from '@slack/bolt';
import { itemCard, type ItemCard } from '../../core/chat/item-card.js';
import { changesOwnItems, kindWords } from '../../core/notifications/kinds.js';
import type { MessageContext } from '../../core/notifications/message.js';
import { slackProblem, type SlackTarget } from '../../core/notifications/delivery-problem.js';
import { DeliveryError } from '../../core/notifications/retry.js';
import type { Channel } from '../../core/ports/channel.js';
import { escalationBatchMessage, escalationMessage, rootMessage, threadReply } from './blocks/item.js';
import { workAssignedMessage } from './blocks/work-assigned.js';
import type { SlackChannelDeps } from './deps.js';
import { publishHome } from './home.js';
import { apiUrlOption } from './ids.js';
import { INSTALLATION_TTL_MS, cachedFor } from '../common/ttl-cache.js';

/** Slack errors that will not go away by trying again. */
const PERMANENT = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'account_inactive', 'token_revoked', 'no_permission',
  'user_not_found', 'user_disabled', 'missing_scope', 'invalid_blocks', 'msg_too_long', 'cannot_dm_bot',
]);

/** A permanent failure of ours (nothing was asked of Slack), with what an admin can fix. */
const refused = (message: string, reason: string, where: SlackTarget) => new DeliveryError(message, true, undefined, slackProblem(reason, where));

function deliveryError(error: unknown, where: SlackTarget): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; message?: string };
  if (e.code === 'slack_webapi_rate_limited_error') return new DeliveryError('Slack rate limited the request', false, (e.retryAfter ?? 30) * 1000);
  if (e.code === 'slack_webapi_platform_error') {
    const reason = e.data?.error ?? 'unknown_error';
    const permanent = PERMANENT.has(reason);
    return new DeliveryError(`Slack: ${reason}`, permanent, undefined, permanent ? slackProblem(reason, where) : undefined);
  }
  return new DeliveryError(`Slack request failed: ${e.message ?? String(error)}`, false);
}

/** An item's thread in Slack, with its card as read under the lock. */
interface ItemThread {
  channel: string;
  ts: string;
  card: ItemCard;
  /** The root was just posted, so it is current. */
  created: boolean;
}

/**
 * Delivers notifications in Slack: one thread per item (root message in the entity's channel,
 * kept current; reminders as replies that mention the person), and CFO escalations as DMs with
 * an Acknowledge button. Errors are sorted into permanent and retryable for the outbox.
 */
export function createSlackChannel(deps: SlackChannelDeps): Channel {
  const clients = new Map<string, webApi.WebClient>();
  const clientFor = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      // The outbox retries with backoff; the client itself does not.
      client = new webApi.WebClient(token, { ...apiUrlOption(deps.apiUrl), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
      clients.set(token, client);
    }
    return client;
  };

  // Read from the database at most once a minute per tenant, like the Bolt app's authorize.
  const installationFor = cachedFor(INSTALLATION_TTL_MS, (tenantId) => deps.installations.forTenant(tenantId));

  /**
   * The item's thread and its card as it is now, posting the root message first if it has none
   * (once, whatever the concurrency; `created` says it was just posted, so it is current).
   */
  function ensureThread(client: webApi.WebClient, tenantId: string, instanceId: string, link: string, now: Date, where: SlackTarget): Promise<ItemThread> {
    return deps.chat.threads.withThread<ItemThread>(tenantId, instanceId, 'slack', async (item) => {
      if (!item) throw new DeliveryError('the item no longer exists', true);
      const card = itemCard(item.facts, now, link);
      const channel = item.conversation;
      if (!channel) {
        const entity = item.facts.entityName;
        throw refused(`no Slack channel is set for ${entity}: set one in the portal or run npm run cli -- slack channel --tenant <slug> --entity "${entity}" --channel C…`, 'no_channel', { entityName: entity });
      }
      where.channel = channel;
      if (item.thread) return { result: { channel, ts: item.thread.thread, card, created: false } };
      const root = await client.chat.postMessage({ channel, ...rootMessage(card) });
      return { result: { channel, ts: root.ts!, card, created: true }, posted: { conversation: channel, thread: root.ts! } };
    });
  }

  return {
    name: 'slack',
    async send(m: MessageContext) {
      // Where the message was going, for the admins' alert if Slack refuses it.
      const where: SlackTarget = { entityName: m.item?.entityName ?? null, person: m.recipient.name };
      try {
        const install = await installationFor(m.tenantId);
        if (!install) throw refused('this tenant has no Slack workspace connected', 'no_workspace', where);
        const client = clientFor(install.botToken);
        const now = deps.clock.now();
        if (m.notification.kind === 'thread_opened' && m.item) {
          // The item's notice has begun: its thread is posted so proof can be dropped there; nobody is mentioned.
          const thread = await ensureThread(client, m.tenantId, m.item.id, m.links.item!, now, where);
          return { providerRef: thread.ts };
        }
        if (!m.recipient.slackUserId) throw refused('the recipient is not linked to a Slack user', 'not_linked', where);
        if (!m.item || m.notification.kind === 'escalation') {
          where.entityName = null;
          const dm = await client.conversations.open({ users: m.recipient.slackUserId });
          const message = m.items && m.notification.kind === 'escalation' ? escalationBatchMessage(m.items)
            : m.item ? escalationMessage(m.item)
              : m.notification.kind === 'work_assigned' ? workAssignedMessage(m) : { text: kindWords(m.notification) };
          const sent = await client.chat.postMessage({ channel: dm.channel!.id!, ...message });
          // New items are on the person's App Home list: refresh it.
          if (changesOwnItems(m.notification)) await publishHome(deps.chat, client, m.tenantId, m.recipient.userId, m.recipient.slackUserId, now);
          return { providerRef: sent.ts };
        }
        // The dispatcher builds the item's link whenever the message has an item.
        const thread = await ensureThread(client, m.tenantId, m.item.id, m.links.item!, now, where);
        const reply = await client.chat.postMessage({ channel: thread.channel, thread_ts: thread.ts, ...threadReply(m) });
        // Keep the root current: status, dates and RAG as read under the lock (a root just posted already is).
        if (!thread.created) await client.chat.update({ channel: thread.channel, ts: thread.ts, ...rootMessage(thread.card) });
        // The person's App Home lists their items: refresh it when one of them changed.
        if (changesOwnItems(m.notification)) await publishHome(deps.chat, client, m.tenantId, m.recipient.userId, m.recipient.slackUserId, now);
        return { providerRef: reply.ts };
      } catch (error) {
        throw deliveryError(error, where);
      }
    },
  };
}
