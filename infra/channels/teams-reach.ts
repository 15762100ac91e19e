import type { ChatReachSql } from './chat-reach-sql.js';

/** Teams reaches a person when the tenant has bound its Microsoft 365 organisation and the person is linked to a Teams account (AAD object id). */
export const teamsReach: ChatReachSql = {
  channel: 'teams',
  connected: (tenantId) => `EXISTS (SELECT 1 FROM teams_tenants tt WHERE tt.tenant_id = ${tenantId})`,
  linked: 'u.teams_user_id IS NOT NULL',
  threaded: 'i.teams_activity_id IS NOT NULL',
};
