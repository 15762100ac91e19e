import type { ChatKind } from '../../core/ports/chat-people.js';
import type { ChatSetup } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';

/** Each chat's channel column (on entities; Slack's also on the tenant, its fallback). */
const COLUMN: Record<ChatKind, string> = { slack: 'slack_channel_id', teams: 'teams_channel_id' };

/** A tenant's chat set-up in PostgreSQL: channels on entities (or the tenant), Slack ids on people. */
export function chatSetup({ trx, tenantId }: TenantTx): ChatSetup {
  const owner = (entityId: string | null) => (entityId ? trx('entities').where({ tenant_id: tenantId, id: entityId }) : trx('tenants').where({ id: tenantId }));
  return {
    channelOf: async (chat, entityId) => (await owner(entityId).first(`${COLUMN[chat]} as channel`))?.channel ?? null,
    async setChannel(chat, entityId, channel) {
      await owner(entityId).update({ [COLUMN[chat]]: channel });
      // A Teams channel the bot was already added to now holds this entity's threads.
      if (chat === 'teams') await trx('teams_conversations').where({ tenant_id: tenantId, conversation_id: channel }).update({ entity_id: entityId });
    },
    unlinkedPeople: () => trx('users').where({ tenant_id: tenantId, is_active: true }).whereNull('slack_user_id').select('id', 'email'),
    async linkSlackAccounts(links) {
      for (const link of links) await trx('users').where({ tenant_id: tenantId, id: link.userId }).update({ slack_user_id: link.slackUserId });
    },
  };
}
