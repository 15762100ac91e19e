import { apiUrlOption } from './ids.js';
import { webApi } from '@slack/bolt';
import type { Knex } from 'knex';
import { ragOf } from '../../core/engine/rag.js';
import { todayIn } from '../../core/engine/dates.js';
import type { Channel } from '../../core/ports/channel.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { slackInstallationForTenant } from '../../infra/stores/slack-installations.js';
import type { MessageContext } from '../../core/notifications/message.js';
import { DeliveryError } from '../../core/notifications/retry.js';
import { escalationMessage, rootMessage, threadReply, type ItemCard } from './blocks/item.js';
import { publishHome } from './home.js';
import { INSTALLATION_TTL_MS, cachedFor } from './ttl-cache.js';

/** Notifications that mean the recipient's own list of items changed. */
const HOME_CHANGING_KINDS = new Set(['review_requested', 'approved', 'rejected', 'due_date_changed', 'not_applicable', 'reopened', 'assigned']);

/** Slack errors that will not go away by trying again. */
const PERMANENT = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'account_inactive', 'token_revoked', 'no_permission',
  'user_not_found', 'user_disabled', 'missing_scope', 'invalid_blocks', 'msg_too_long', 'cannot_dm_bot',
]);

function deliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; message?: string };
  if (e.code === 'slack_webapi_rate_limited_error') return new DeliveryError('Slack rate limited the request', false, (e.retryAfter ?? 30) * 1000);
  if (e.code === 'slack_webapi_platform_error') {
    const reason = e.data?.error ?? 'unknown_error';
    return new DeliveryError(`Slack: ${reason}`, PERMANENT.has(reason));
  }
  return new DeliveryError(`Slack request failed: ${e.message ?? String(error)}`, false);
}

export interface SlackChannelDeps {
  db: Database;
  box: SecretBox;
  apiUrl?: string;
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
  const installationFor = cachedFor(INSTALLATION_TTL_MS, (tenantId) => slackInstallationForTenant(deps.db, deps.box, tenantId));

  async function itemCard(trx: Knex.Transaction, tenantId: string, instanceId: string, link: string, now: Date): Promise<ItemCard & { threadTs: string | null; channel: string | null }> {
    const row = await trx('compliance_instances as i')
      .join('compliance_masters as m', 'm.id', 'i.master_id')
      .join('entities as e', function () { this.on('e.tenant_id', 'i.tenant_id').andOn('e.id', 'i.entity_id'); })
      .join('tenants as t', 't.id', 'i.tenant_id')
      .leftJoin('users as o', function () { this.on('o.tenant_id', 'i.tenant_id').andOn('o.id', 'i.owner_user_id'); })
      .leftJoin('users as a', function () { this.on('a.tenant_id', 'i.tenant_id').andOn('a.id', 'i.approver_user_id'); })
      .where({ 'i.tenant_id': tenantId, 'i.id': instanceId })
      .first('i.id', 'm.code', 'm.name', 'e.name as entity_name', 'i.period_key', 'i.statutory_due_date', 'i.extended_due_date',
        'i.extension_reference', 'i.working_due_date', 'i.due_date', 'i.status', 'i.approved_late', 'i.filing_reference',
        'i.slack_thread_ts', 'i.slack_channel_id', 'e.slack_channel_id as entity_channel', 't.slack_channel_id as tenant_channel',
        't.timezone', 't.amber_window_days', 'o.slack_user_id as owner_slack', 'o.name as owner_name', 'a.slack_user_id as approver_slack', 'a.name as approver_name');
    if (!row) throw new DeliveryError('the item no longer exists', true);
    return {
      instanceId: row.id, code: row.code, name: row.name, entityName: row.entity_name, periodKey: row.period_key,
      statutoryDueDate: row.statutory_due_date, extendedDueDate: row.extended_due_date, extensionReference: row.extension_reference,
      workingDueDate: row.working_due_date, dueDate: row.due_date, status: row.status,
      rag: ragOf(row.status, row.due_date, todayIn(row.timezone, now), row.amber_window_days),
      ownerSlackId: row.owner_slack, ownerName: row.owner_name, approverSlackId: row.approver_slack, approverName: row.approver_name,
      approvedLate: row.approved_late, filingReference: row.filing_reference,
      link,
      threadTs: row.slack_thread_ts, channel: row.slack_channel_id ?? row.entity_channel ?? row.tenant_channel,
    };
  }

  /**
   * The item's thread and its card as it is now, posting the root message first if it has none
   * (once, whatever the concurrency; `created` says it was just posted, so it is current).
   */
  async function ensureThread(
    client: webApi.WebClient, tenantId: string, instanceId: string, link: string, now: Date,
  ): Promise<{ channel: string; ts: string; card: ItemCard; created: boolean }> {
    return deps.db.withSystem(async (trx) => {
      await trx('compliance_instances').where({ id: instanceId }).forUpdate().first('id');
      const card = await itemCard(trx, tenantId, instanceId, link, now);
      if (!card.channel) {
        throw new DeliveryError(`no Slack channel is set for ${card.entityName}: run npm run cli -- slack channel --tenant <slug> --entity "${card.entityName}" --channel C…`, true);
      }
      if (card.threadTs) return { channel: card.channel, ts: card.threadTs, card, created: false };
      const root = await client.chat.postMessage({ channel: card.channel, ...rootMessage(card) });
      await trx('compliance_instances').where({ id: instanceId }).update({ slack_channel_id: card.channel, slack_thread_ts: root.ts });
      return { channel: card.channel, ts: root.ts!, card, created: true };
    });
  }

  return {
    name: 'slack',
    async send(m: MessageContext) {
      try {
        const install = await installationFor(m.tenantId);
        if (!install) throw new DeliveryError('this tenant has no Slack workspace connected', true);
        if (!m.recipient.slackUserId) throw new DeliveryError('the recipient is not linked to a Slack user', true);
        const client = clientFor(install.botToken);
        const now = new Date();
        if (!m.item || m.kind === 'escalation') {
          const dm = await client.conversations.open({ users: m.recipient.slackUserId });
          const message = m.item ? escalationMessage(m) : { text: m.kind.replace(/_/g, ' ') };
          const sent = await client.chat.postMessage({ channel: dm.channel!.id!, ...message });
          return { providerRef: sent.ts };
        }
        // The dispatcher builds the item's link whenever the message has an item.
        const thread = await ensureThread(client, m.tenantId, m.item.id, m.links.item!, now);
        const reply = await client.chat.postMessage({ channel: thread.channel, thread_ts: thread.ts, ...threadReply(m) });
        // Keep the root current: status, dates and RAG as read under the lock (a root just posted already is).
        if (!thread.created) await client.chat.update({ channel: thread.channel, ts: thread.ts, ...rootMessage(thread.card) });
        // The person's App Home lists their items: refresh it when one of them changed.
        if (HOME_CHANGING_KINDS.has(m.kind)) await publishHome(deps.db, client, m.tenantId, m.recipient.userId, m.recipient.slackUserId, now);
        return { providerRef: reply.ts };
      } catch (error) {
        throw deliveryError(error);
      }
    },
  };
}
