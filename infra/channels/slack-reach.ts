import type { ChatReachSql } from './chat-reach-sql.js';

/** Slack reaches a person when the tenant has connected a workspace and the person is linked to a Slack user. */
export const slackReach: ChatReachSql = {
  channel: 'slack',
  connected: (tenantId) => `EXISTS (SELECT 1 FROM slack_installations si WHERE si.tenant_id = ${tenantId})`,
  linked: 'u.slack_user_id IS NOT NULL',
  threaded: 'i.slack_thread_ts IS NOT NULL',
};
