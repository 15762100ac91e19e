import type { TeamsConversations } from '../../core/ports/teams-conversations.js';
import type { Database } from '../db/database.js';

/** Teams conversations on this database, in the tenant's scope. */
export function teamsConversations(db: Database): TeamsConversations {
  return {
    remember: (tenantId, c) => db.withTenant(tenantId, async ({ trx }) => {
      // A channel belongs to the entity whose Teams channel it is (none yet: the admin sets it later).
      const entity: { id: string } | undefined = c.conversationType === 'channel'
        ? await trx('entities').where({ tenant_id: tenantId, teams_channel_id: c.conversationId }).first('id')
        : undefined;
      await trx('teams_conversations')
        .insert({
          tenant_id: tenantId, conversation_id: c.conversationId, conversation_type: c.conversationType, aad_tenant_id: c.aadTenantId,
          service_url: c.serviceUrl, entity_id: entity?.id ?? null, user_id: c.userId, reference: JSON.stringify(c.reference),
        })
        .onConflict(['tenant_id', 'conversation_id'])
        .merge(['conversation_type', 'aad_tenant_id', 'service_url', 'entity_id', 'user_id', 'reference', 'updated_at']);
    }),
    forget: (tenantId, conversationId) => db.withTenant(tenantId, async ({ trx }) => {
      await trx('teams_conversations').where({ tenant_id: tenantId, conversation_id: conversationId }).delete();
    }),
  };
}
