import type { webApi } from '@slack/bolt';
import type { Database } from '../../infra/db/database.js';

/**
 * The product user behind a Slack user: by their linked Slack id, else by the email Slack has
 * for them (users.info), which is then linked. Only active people count, and nothing is kept
 * between requests: a deactivation (or an admin adding someone) takes effect on the very next
 * request. The look-up is one indexed read (users are unique by tenant and Slack id).
 */
export async function resolveSlackUser(db: Database, client: webApi.WebClient, tenantId: string, slackUserId: string): Promise<string | null> {
  const linked: string | null = await db.withTenant(tenantId, ({ trx }) =>
    trx('users').where({ tenant_id: tenantId, slack_user_id: slackUserId, is_active: true }).first('id').then((r) => r?.id ?? null));
  if (linked) return linked;
  const info = await client.users.info({ user: slackUserId });
  const email = info.user?.profile?.email;
  if (!email) return null;
  return db.withTenant(tenantId, async ({ trx }) => {
    const [byEmail] = await trx('users')
      .where({ tenant_id: tenantId, is_active: true }).whereRaw('lower(email) = lower(?)', [email]).whereNull('slack_user_id')
      .update({ slack_user_id: slackUserId }).returning('id');
    return byEmail?.id ?? null;
  });
}
