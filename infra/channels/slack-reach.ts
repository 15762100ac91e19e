import type { Reach } from '../../core/ports/reach.js';
import type { TenantTx } from '../db/database.js';

/** Slack reaches a person when the tenant has connected a workspace and the person is linked to a Slack user. */
export async function slackReach({ trx, tenantId }: TenantTx): Promise<Reach> {
  const slack = await trx('slack_installations').where({ tenant_id: tenantId }).first('id');
  if (!slack) return { channel: 'slack', connected: false, reaches: () => false };
  const linked = new Set<string>(await trx('users').where({ tenant_id: tenantId }).whereNotNull('slack_user_id').pluck('id'));
  return { channel: 'slack', connected: true, reaches: (userId) => linked.has(userId) };
}
