import { person } from '../../core/engine/reminders.js';
import type { Actor } from '../../core/engine/access.js';
import type { IsoDate } from '../../core/engine/dates.js';
import { OPEN_STATUSES } from '../../core/engine/status.js';
import { actorRef } from '../../core/use-cases/instance-guard.js';
import { appendAudit } from '../audit/audit-store.js';
import type { TenantTx } from '../db/database.js';
import { enqueueNotifications } from '../outbox/enqueue.js';
import { SCHEDULE_MATCHES_ENTITY, scheduleRelation } from './schedule-sql.js';
import { tenantSchedule } from './schedule-inputs.js';

export interface DateChange {
  instanceId: string;
  masterId: string;
  periodKey: string;
  ownerUserId: string | null;
  oldDueDate: IsoDate;
  newDueDate: IsoDate;
  statutoryDueDate: IsoDate;
  extendedDueDate: IsoDate | null;
  extensionReference: string | null;
}

/**
 * Brings the dates of open instances in line with the current rules, extensions and holidays.
 * Closed items (approved, not applicable) keep their dates. Each moved item is audited and its
 * owner told; with `preview` nothing is written and the moves are only listed.
 */
export async function recomputeOpenInstances(
  tx: TenantTx,
  scope: { masterIds?: string[] },
  actor: Actor,
  options: { preview?: boolean } = {},
): Promise<DateChange[]> {
  const { trx, tenantId } = tx;
  const open = trx('compliance_instances').where({ tenant_id: tenantId }).whereIn('status', OPEN_STATUSES);
  if (scope.masterIds) open.whereIn('master_id', scope.masterIds);
  const span = await open.clone().select(trx.raw('min(period_start) AS from_date, max(period_start) AS to_date')).first();
  const masterIds: string[] = scope.masterIds ?? (await open.clone().distinct().pluck('master_id'));
  if (!span?.from_date || masterIds.length === 0) return [];
  const schedule = await tenantSchedule(tx, masterIds, { periodsFrom: span.from_date, periodsTo: span.to_date, dueFrom: '0001-01-01' });
  if (schedule.length === 0) return [];

  const changes = `
    SELECT i.id, i.master_id, i.period_key, i.owner_user_id, i.due_date AS old_due_date,
           s.statutory, s.extended, s.ext_ref, s.working, COALESCE(s.working, s.extended, s.statutory) AS new_due_date
    FROM compliance_instances i
    JOIN entities e ON e.tenant_id = i.tenant_id AND e.id = i.entity_id
    JOIN ? ON s.master_id = i.master_id AND s.period_key = i.period_key AND ${SCHEDULE_MATCHES_ENTITY}
    WHERE i.tenant_id = ? AND i.status = ANY (?)
      AND (i.statutory_due_date, i.extended_due_date, i.extension_reference, i.working_due_date)
          IS DISTINCT FROM (s.statutory, s.extended, s.ext_ref, s.working)`;
  const bindings = [scheduleRelation(trx, schedule), tenantId, [...OPEN_STATUSES]];
  const sql = options.preview
    ? `${changes} ORDER BY new_due_date`
    : `WITH c AS (${changes} FOR UPDATE OF i)
       UPDATE compliance_instances i
       SET statutory_due_date = c.statutory, extended_due_date = c.extended, extension_reference = c.ext_ref, working_due_date = c.working
       FROM c WHERE i.tenant_id = ? AND i.id = c.id
       RETURNING c.*`;
  const { rows } = await trx.raw(sql, options.preview ? bindings : [...bindings, tenantId]);
  const moved: DateChange[] = rows.map((r: Record<string, string | null>) => ({
    instanceId: r.id!, masterId: r.master_id!, periodKey: r.period_key!, ownerUserId: r.owner_user_id,
    oldDueDate: r.old_due_date!, newDueDate: r.new_due_date!, statutoryDueDate: r.statutory!,
    extendedDueDate: r.extended, extensionReference: r.ext_ref,
  }));
  if (options.preview || moved.length === 0) return moved;

  await appendAudit(tx, moved.map((m) => ({
    actor: actorRef(actor), action: 'instance.due_date_changed', objectType: 'instance', objectId: m.instanceId,
    before: { dueDate: m.oldDueDate },
    after: { dueDate: m.newDueDate, statutoryDueDate: m.statutoryDueDate, extendedDueDate: m.extendedDueDate, reference: m.extensionReference },
  })));
  await enqueueNotifications(tx, moved.map((m) => ({
    kind: 'due_date_changed',
    to: person(m.ownerUserId, 'owner'),
    instanceId: m.instanceId,
    dedupKey: `due_date_changed:${m.instanceId}:${m.newDueDate}`,
    payload: { oldDueDate: m.oldDueDate, newDueDate: m.newDueDate, reference: m.extensionReference },
  })));
  return moved;
}
