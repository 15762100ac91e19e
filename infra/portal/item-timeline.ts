import type { TenantTx } from '../db/database.js';

export interface TimelineLine { at: Date; when: string; text: string }

export async function loadItemTimeline({ trx, tenantId }: TenantTx, instanceId: string): Promise<TimelineLine[]> {
  const rows: { occurred_at: Date; action: string; actor_label: string | null }[] = await trx('audit_log').where({ tenant_id: tenantId, object_type: 'instance', object_id: instanceId }).orderBy('seq').select('occurred_at', 'action', 'actor_label');
  return rows.map((r) => ({ at: r.occurred_at, when: r.occurred_at.toISOString(), text: `${r.actor_label ?? ''} ${r.action}` }));
}
