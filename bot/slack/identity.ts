import type { webApi } from '@slack/bolt';
import type { Database } from '../../core/infra/db/database.js';

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { userId: string; at: number }>();

/**
 * The product user behind a Slack user: by their linked Slack id, else by the email Slack has
 * for them (users.info), which is then linked. Matches are cached for a few minutes; misses are
 * not, so someone an admin has just added is linked by their very next command.
 */
export async function resolveSlackUser(db: Database, client: webApi.WebClient, tenantId: string, slackUserId: string): Promise<string | null> {
  const key = `${tenantId}:${slackUserId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.userId;
  let userId: string | null = await db.withTenant(tenantId, ({ trx }) =>
    trx('users').where({ tenant_id: tenantId, slack_user_id: slackUserId, is_active: true }).first('id').then((r) => r?.id ?? null));
  if (!userId) {
    const info = await client.users.info({ user: slackUserId });
    const email = info.user?.profile?.email;
    if (email) {
      userId = await db.withTenant(tenantId, async ({ trx }) => {
        const [linked] = await trx('users')
          .where({ tenant_id: tenantId, is_active: true }).whereRaw('lower(email) = lower(?)', [email]).whereNull('slack_user_id')
          .update({ slack_user_id: slackUserId }).returning('id');
        return linked?.id ?? null;
      });
    }
  }
  if (userId) cache.set(key, { userId, at: Date.now() });
  return userId;
}

export const forgetSlackUsers = () => cache.clear();
