import type { TeamsUploadPrompt, TeamsUploadPrompts } from '../../core/ports/teams-upload-prompts.js';
import type { Database } from '../db/database.js';

/** Upload prompts in Teams personal chats on this database, in the tenant's scope. */
export function teamsUploadPrompts(db: Database): TeamsUploadPrompts {
  return {
    add: (tenantId, p) => db.withTenant(tenantId, async ({ trx }) => {
      await trx('teams_upload_prompts').insert({
        tenant_id: tenantId, user_id: p.userId, instance_id: p.instanceId, conversation_id: p.conversationId, activity_id: p.activityId, expires_at: p.expiresAt,
      });
    }),
    pending: (tenantId, userId, now, quoted) => db.withTenant(tenantId, async ({ trx }) => {
      const open = () => trx('teams_upload_prompts').where({ tenant_id: tenantId, user_id: userId }).where('expires_at', '>', now);
      const pick = (q: ReturnType<typeof open>) => q.orderBy('created_at', 'desc').first('id', 'instance_id', 'activity_id');
      const row: { id: string; instance_id: string; activity_id: string } | undefined = (quoted ? await pick(open().where({ activity_id: quoted })) : undefined) ?? await pick(open());
      return row && ({ id: row.id, instanceId: row.instance_id, activityId: row.activity_id } satisfies TeamsUploadPrompt);
    }),
    answered: (tenantId, id) => db.withTenant(tenantId, async ({ trx }) => {
      await trx('teams_upload_prompts').where({ tenant_id: tenantId, id }).delete();
    }),
  };
}
