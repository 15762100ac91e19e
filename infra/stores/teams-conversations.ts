import type { TeamsConversationRef, TeamsConversations } from '../../core/ports/teams-conversations.js';
import type { Database } from '../db/database.js';

interface ConversationRow {
  conversation_id: string;
  conversation_type: TeamsConversationRef['conversationType'];
  aad_tenant_id: string;
  service_url: string;
  user_id: string | null;
  reference: Record<string, unknown>;
  home_activity_id: string | null;
}
const COLUMNS = ['conversation_id', 'conversation_type', 'aad_tenant_id', 'service_url', 'user_id', 'reference', 'home_activity_id'];

const refOf = (row: ConversationRow | undefined): TeamsConversationRef | undefined => row && {
  conversationId: row.conversation_id, conversationType: row.conversation_type, aadTenantId: row.aad_tenant_id,
  serviceUrl: row.service_url, userId: row.user_id, reference: row.reference, homeActivityId: row.home_activity_id,
};

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
    find: (tenantId, conversationId) => db.withTenant(tenantId, async ({ trx }) =>
      refOf(await trx('teams_conversations').where({ tenant_id: tenantId, conversation_id: conversationId }).first(...COLUMNS))),
    personalOf: (tenantId, userId) => db.withTenant(tenantId, async ({ trx }) =>
      refOf(await trx('teams_conversations').where({ tenant_id: tenantId, user_id: userId, conversation_type: 'personal' }).orderBy('updated_at', 'desc').first(...COLUMNS))),
    keepHome: (tenantId, conversationId, activityId) => db.withTenant(tenantId, async ({ trx }) => {
      await trx('teams_conversations').where({ tenant_id: tenantId, conversation_id: conversationId, conversation_type: 'personal' }).update({ home_activity_id: activityId });
    }),
    serviceUrlOf: (tenantId) => db.withTenant(tenantId, async ({ trx }) => {
      const row: { service_url: string } | undefined = await trx('teams_conversations').where({ tenant_id: tenantId }).orderBy('updated_at', 'desc').first('service_url');
      return row?.service_url;
    }),
  };
}
