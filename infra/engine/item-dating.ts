import { OPEN_STATUSES } from '../../core/engine/status.js';
import { NEW_WORK_LISTED, type DateChange, type ItemDating, type NewWork } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';
import { scheduleMatches, scheduleRelation, targetsRelation } from './schedule-sql.js';
import { tenantSchedule } from './schedule-inputs.js';

/** An item's place in SQL: its registration's (placeOf in core/engine/registrations.ts), else its entity's. */
const REGISTRATION_PLACE = {
  state: 'COALESCE(r.state, e.state)',
  district: 'CASE WHEN r.id IS NULL THEN e.district ELSE COALESCE(r.district, CASE WHEN COALESCE(r.state, e.state) = e.state THEN e.district END) END',
};

/** One person's new items from generate's statement; a run that named nobody returns one row of nulls. */
interface NewWorkRow {
  created: number;
  overdue: number;
  user_id: string | null;
  count: number | null;
  nearest_due: string | null;
  items: NewWork['items'] | null;
}

/**
 * Generation and re-dating in PostgreSQL: the pure schedule (masters × periods) travels as one
 * relation and meets the tenant's assignments or open items in one statement.
 */
export function itemDating(tx: TenantTx): ItemDating {
  const { trx, tenantId } = tx;
  return {
    async generationSettings() {
      const tenant = await trx('tenants').where({ id: tenantId }).first('generation_horizon_months', 'tracking_start_date');
      return { horizonMonths: tenant.generation_horizon_months, trackingStartDate: tenant.tracking_start_date };
    },

    async setTrackingStart(day) {
      await trx('tenants').where({ id: tenantId }).update({ tracking_start_date: day });
    },

    async generate(window, today) {
      const masterIds: string[] = await trx('assignments').where({ tenant_id: tenantId, is_active: true }).distinct().pluck('master_id');
      const { rows: schedule, targets, perRegistration } = await tenantSchedule(tx, masterIds, window);
      if (schedule.length === 0) return { created: 0, overdue: 0, scheduleRows: 0, newWork: [] };
      // A master owed per entity makes one item per assignment; one owed per registration makes
      // the items its targets name (one per matching registration, or the entity's own when it
      // has none of the kind), dated by the registration's state.
      // The new rows come back through RETURNING and are grouped per person in the same statement
      // (who got what, nearest due first), so telling people costs no second pass over the items.
      const { rows } = await trx.raw(
        `WITH created AS (
           INSERT INTO compliance_instances (tenant_id, entity_id, master_id, period_key, period_start, period_end,
             statutory_due_date, extended_due_date, extension_reference, working_due_date, owner_user_id, approver_user_id, slack_channel_id,
             registration_id)
           SELECT a.tenant_id, a.entity_id, a.master_id, s.period_key, s.period_start, s.period_end,
             s.statutory, s.extended, s.ext_ref, s.working, a.owner_user_id, a.approver_user_id, e.slack_channel_id, t.registration_id
           FROM ?
           JOIN assignments a ON a.tenant_id = ? AND a.master_id = s.master_id AND a.is_active
           JOIN entities e ON e.tenant_id = a.tenant_id AND e.id = a.entity_id AND e.is_active
           LEFT JOIN ? ON t.master_id = a.master_id AND t.entity_id = a.entity_id
           WHERE (t.master_id IS NOT NULL OR a.master_id <> ALL (?::uuid[])) AND ${scheduleMatches({ state: 'COALESCE(t.state, e.state)', district: 'CASE WHEN t.master_id IS NULL THEN e.district ELSE t.district END' })}
           ON CONFLICT ON CONSTRAINT compliance_instances_item_key DO NOTHING
           RETURNING id, owner_user_id, approver_user_id, due_date),
         held AS (
           SELECT owner_user_id AS user_id, id, due_date, 'owner' AS role FROM created WHERE owner_user_id IS NOT NULL
           UNION ALL
           SELECT approver_user_id, id, due_date, 'approver' FROM created WHERE approver_user_id IS NOT NULL),
         per_item AS (
           SELECT user_id, id, due_date, CASE WHEN count(*) > 1 THEN 'both' ELSE min(role) END AS held_as,
                  row_number() OVER (PARTITION BY user_id ORDER BY due_date, id) AS n
           FROM held GROUP BY user_id, id, due_date),
         people AS (
           SELECT user_id, count(*)::int AS count, min(due_date) AS nearest_due,
                  json_agg(json_build_object('instanceId', id, 'as', held_as) ORDER BY due_date, id) FILTER (WHERE n <= ?) AS items
           FROM per_item GROUP BY user_id)
         SELECT c.created, c.overdue, p.user_id, p.count, p.nearest_due, p.items
         FROM (SELECT count(*)::int AS created, count(*) FILTER (WHERE due_date < ?::date)::int AS overdue FROM created) c LEFT JOIN people p ON true`,
        [scheduleRelation(trx, schedule), tenantId, targetsRelation(trx, targets), perRegistration, NEW_WORK_LISTED, today],
      );
      const newWork = (rows as NewWorkRow[]).filter((r) => r.user_id !== null)
        .map((r): NewWork => ({ userId: r.user_id!, count: r.count!, nearestDue: r.nearest_due!, items: r.items! }));
      return { created: rows[0]?.created ?? 0, overdue: rows[0]?.overdue ?? 0, scheduleRows: schedule.length, newWork };
    },

    async redateOpen(scope, mode) {
      const open = trx('compliance_instances').where({ tenant_id: tenantId }).whereIn('status', OPEN_STATUSES);
      if (scope.masterIds) open.whereIn('master_id', scope.masterIds);
      const span = await open.clone().select(trx.raw('min(period_start) AS from_date, max(period_start) AS to_date')).first();
      const masterIds: string[] = scope.masterIds ?? (await open.clone().distinct().pluck('master_id'));
      if (!span?.from_date || masterIds.length === 0) return [];
      const { rows: schedule } = await tenantSchedule(tx, masterIds, { periodsFrom: span.from_date, periodsTo: span.to_date, dueFrom: '0001-01-01' });
      if (schedule.length === 0) return [];

      const changes = `
        SELECT i.id, i.master_id, i.period_key, i.owner_user_id, i.due_date AS old_due_date, s.period_start, s.period_end,
               s.statutory, s.extended, s.ext_ref, s.working, COALESCE(s.working, s.extended, s.statutory) AS new_due_date
        FROM compliance_instances i
        JOIN entities e ON e.tenant_id = i.tenant_id AND e.id = i.entity_id
        LEFT JOIN registrations r ON r.tenant_id = i.tenant_id AND r.id = i.registration_id
        JOIN ? ON s.master_id = i.master_id AND s.period_key = i.period_key AND ${scheduleMatches(REGISTRATION_PLACE)}
        WHERE i.tenant_id = ? AND i.status = ANY (?)
          AND (i.statutory_due_date, i.extended_due_date, i.extension_reference, i.working_due_date, i.period_start, i.period_end)
              IS DISTINCT FROM (s.statutory, s.extended, s.ext_ref, s.working, s.period_start, s.period_end)`;
      const bindings = [scheduleRelation(trx, schedule), tenantId, [...OPEN_STATUSES]];
      const preview = mode === 'preview';
      const sql = preview
        ? `${changes} ORDER BY new_due_date`
        : `WITH c AS (${changes} FOR UPDATE OF i)
           UPDATE compliance_instances i
           SET statutory_due_date = c.statutory, extended_due_date = c.extended, extension_reference = c.ext_ref, working_due_date = c.working,
               -- A recorded event's period is its day (events.ts): it moves with the event; other periods never change.
               period_start = c.period_start, period_end = c.period_end
           FROM c WHERE i.tenant_id = ? AND i.id = c.id
           RETURNING c.*`;
      const { rows } = await trx.raw(sql, preview ? bindings : [...bindings, tenantId]);
      return rows.map((r: Record<string, string | null>): DateChange => ({
        instanceId: r.id!, masterId: r.master_id!, periodKey: r.period_key!, ownerUserId: r.owner_user_id ?? null,
        oldDueDate: r.old_due_date!, newDueDate: r.new_due_date!, statutoryDueDate: r.statutory!,
        extendedDueDate: r.extended ?? null, extensionReference: r.ext_ref ?? null,
      }));
    },

    async adoptEntityItems(registrationId) {
      const { rows } = await trx.raw(
        `UPDATE compliance_instances i SET registration_id = r.id
         FROM registrations r, compliance_masters m
         WHERE r.tenant_id = ? AND r.id = ? AND r.is_active
           AND i.tenant_id = r.tenant_id AND i.entity_id = r.entity_id AND i.registration_id IS NULL
           AND m.id = i.master_id AND m.owed_per = r.kind
           AND NOT EXISTS (SELECT 1 FROM registrations o WHERE o.tenant_id = r.tenant_id AND o.entity_id = r.entity_id
                           AND o.kind = r.kind AND o.is_active AND o.id <> r.id)
         RETURNING i.id`,
        [tenantId, registrationId],
      );
      return rows.map((r: { id: string }) => r.id);
    },
  };
}
