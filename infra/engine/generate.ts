import type { Actor } from '../../core/engine/access.js';
import type { IsoDate } from '../../core/engine/dates.js';
import { generationWindow } from '../../core/engine/schedule.js';
import { actorRef } from '../../core/use-cases/instance-guard.js';
import { appendAudit } from '../audit/audit-store.js';
import type { TenantTx } from '../db/database.js';
import { SCHEDULE_MATCHES_ENTITY, scheduleRelation } from './schedule-sql.js';
import { tenantSchedule } from './schedule-inputs.js';

export interface GenerationResult {
  created: number;
  scheduleRows: number;
  window: { periodsFrom: IsoDate; periodsTo: IsoDate; dueFrom: IsoDate };
}

/**
 * Creates the tenant's instances for the horizon in one statement: the schedule (masters ×
 * periods) joined with active assignments. Idempotent: the unique key makes a second run create nothing.
 */
export async function generateInstances(tx: TenantTx, asOf: IsoDate, actor: Actor): Promise<GenerationResult> {
  const { trx, tenantId } = tx;
  const tenant = await trx('tenants').where({ id: tenantId }).first('generation_horizon_months', 'tracking_start_date');
  const window = generationWindow(asOf, tenant.generation_horizon_months, tenant.tracking_start_date);
  const masterIds: string[] = await trx('assignments').where({ tenant_id: tenantId, is_active: true }).distinct().pluck('master_id');
  const schedule = await tenantSchedule(tx, masterIds, window);
  if (schedule.length === 0) return { created: 0, scheduleRows: 0, window };

  const result = await trx.raw(
    `INSERT INTO compliance_instances (tenant_id, entity_id, master_id, period_key, period_start, period_end,
       statutory_due_date, extended_due_date, extension_reference, working_due_date, owner_user_id, approver_user_id, slack_channel_id)
     SELECT a.tenant_id, a.entity_id, a.master_id, s.period_key, s.period_start, s.period_end,
       s.statutory, s.extended, s.ext_ref, s.working, a.owner_user_id, a.approver_user_id, e.slack_channel_id
     FROM ? 
     JOIN assignments a ON a.tenant_id = ? AND a.master_id = s.master_id AND a.is_active
     JOIN entities e ON e.tenant_id = a.tenant_id AND e.id = a.entity_id AND e.is_active AND ${SCHEDULE_MATCHES_ENTITY}
     ON CONFLICT (tenant_id, entity_id, master_id, period_key) DO NOTHING`,
    [scheduleRelation(trx, schedule), tenantId],
  );
  const created: number = result.rowCount ?? 0;
  if (created > 0) {
    await appendAudit(tx, {
      actor: actorRef(actor), action: 'instances.generated', objectType: 'tenant', objectId: tenantId,
      after: { asOf, created, ...window },
    });
  }
  return { created, scheduleRows: schedule.length, window };
}
