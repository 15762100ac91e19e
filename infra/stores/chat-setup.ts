import type { ChatSetup } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';

/** A tenant's Slack set-up in PostgreSQL: channels on entities (or the tenant), Slack ids on people. */
export function chatSetup({ trx, tenantId }: TenantTx): ChatSetup {
  const owner = (entityId: string | null) => (entityId ? trx('entities').where({ tenant_id: tenantId, id: entityId }) : trx('tenants').where({ id: tenantId }));
  return {
    slackChannel: async (entityId) => (await owner(entityId).first('slack_channel_id'))?.slack_channel_id ?? null,
    async setSlackChannel(entityId, channel) {
      await owner(entityId).update({ slack_channel_id: channel });
    },
    unlinkedPeople: () => trx('users').where({ tenant_id: tenantId, is_active: true }).whereNull('slack_user_id').select('id', 'email'),
    async linkSlackAccounts(links) {
      for (const link of links) await trx('users').where({ tenant_id: tenantId, id: link.userId }).update({ slack_user_id: link.slackUserId });
    },
  };
}
