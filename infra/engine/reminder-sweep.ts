import { REGISTRATION_NUMBER_SQL, registrationOf } from './registration-sql.js';
import type { IsoDate } from '../../core/engine/dates.js';
import { rungRecordsKept } from '../../core/engine/reminders.js';
import { OPEN_STATUSES } from '../../core/engine/status.js';
import type { MasterNotice, QueuedReminder, ReminderSource, SweepDrafts, SweepItem } from '../../core/ports/index.js';
import { sweepReminders as sweep, type SweepResult } from '../../core/use-cases/sweep-reminders.js';
import type { Database, TenantTx } from '../db/database.js';
import { rungRows } from '../outbox/recipient-batches.js';
import { addresser, insertNotifications, resolveDrafts, rowFor, type AlongsideWrites } from '../outbox/enqueue.js';
import { CHAT_CONNECTED_SQL, CHAT_THREADED_SQL } from '../outbox/reach.js';
import { settingsOfRow, type TenantRow } from '../stores/tenant-settings.js';

// A sweep holds its tenant's lock (this class, the tenant's hash) from its first read to its commit.
const SWEEP_LOCK_CLASS = 0x5357;

/**
 * Starts a tenant's sweep, in one round trip: waits for any other sweep of the tenant to commit
 * (so this one reads its claims), and reads the tenant's settings, every master's notice inputs
 * and whether a chat is connected. The sweep's commit need not wait for the disk: were the
 * server to lose it, its claims and messages are lost together and the next sweep queues them again.
 */
const START_SQL = `
  SELECT t.*, ${CHAT_CONNECTED_SQL} AS chat_connected,
         (SELECT coalesce(json_agg(json_build_object('masterId', m.id, 'frequency', m.frequency, 'masterDays', m.reminder_days, 'tenantDays', r.days_before)), '[]')
          FROM compliance_masters m LEFT JOIN reminder_schedules r ON r.tenant_id = t.id AND r.master_id = m.id
          WHERE m.tenant_id IS NULL OR m.tenant_id = t.id) AS notices
  FROM (SELECT pg_advisory_xact_lock(${SWEEP_LOCK_CLASS}, hashtext(?)), set_config('synchronous_commit', 'off', true)) started, tenants t
  WHERE t.id = ?`;

/** The writes that record the rungs as queued: one claim per kind of rung and day, listing its items; and that drop claims too old to matter. */
function claimsOf({ tenantId }: TenantTx, rungs: SweepDrafts['rungs'], today: IsoDate): AlongsideWrites {
  const kept = rungRecordsKept(today);
  // Grouped here, each claim's items sent as one string: tens of thousands of ids as separate
  // array elements cost more to send than the insert.
  const claims = new Map<string, { rung: string; day: IsoDate; ids: string[] }>();
  for (const r of rungs) {
    const rung = r.rung === 'escalation' ? 'escalation' : 'reminder';
    const claim = claims.get(`${rung}:${r.day}`);
    if (claim) claim.ids.push(r.instanceId);
    else claims.set(`${rung}:${r.day}`, { rung, day: r.day, ids: [r.instanceId] });
  }
  const rows = [...claims.values()];
  return {
    sql: `dropped AS (DELETE FROM reminder_claims WHERE tenant_id = ? AND day < CASE rung WHEN 'reminder' THEN ?::date ELSE ?::date END),
          claimed AS (INSERT INTO reminder_claims (tenant_id, rung, day, instance_ids)
            SELECT ?, c.rung, c.day, string_to_array(c.ids, ',')::uuid[] FROM unnest(?::text[], ?::date[], ?::text[]) AS c(rung, day, ids))`,
    bindings: [tenantId, kept.reminder, kept.escalation, tenantId, rows.map((c) => c.rung), rows.map((c) => c.day), rows.map((c) => c.ids.join(','))],
  };
}

/** A tenant's reminder sweep in PostgreSQL: one indexed read of the open items, bulk writes to the outbox. */
export function reminderSource(tx: TenantTx): ReminderSource {
  const { trx, tenantId } = tx;
  return {
    async context() {
      const { rows } = await trx.raw(START_SQL, [tenantId, tenantId]);
      const row = rows[0] as TenantRow & { chat_connected: boolean; notices: MasterNotice[] };
      const settings = settingsOfRow(row);
      return { ladder: { ...settings.ladder, trackingStart: settings.trackingStartDate }, notices: row.notices, threadsEnabled: row.chat_connected };
    },
    async openInReach(today, notice, since) {
      const masters = [...notice.byMaster.keys()];
      const longest = Math.max(notice.otherwise, ...notice.byMaster.values());
      // The range scan covers the longest notice; each item is then kept only within its own
      // master's. Rows come back under the planner's names, used as they are (no copy per row).
      const { rows } = await trx.raw(
        `WITH claimed AS (
           SELECT x.id, max(c.day) FILTER (WHERE c.rung = 'reminder') AS reminded_for, max(c.day) FILTER (WHERE c.rung = 'escalation') AS escalated_for
           FROM reminder_claims c CROSS JOIN LATERAL unnest(c.instance_ids) AS x(id)
           WHERE c.tenant_id = ? AND c.day >= CASE c.rung WHEN 'reminder' THEN ?::date ELSE ?::date END
           GROUP BY x.id)
         SELECT i.id, i.entity_id AS "entityId", i.master_id AS "masterId", i.due_date AS "dueDate", i.status,
                i.owner_user_id AS "ownerUserId", i.approver_user_id AS "approverUserId", cl.reminded_for AS "remindedFor",
                cl.escalated_for AS "escalatedFor", i.escalation_acknowledged_at IS NOT NULL AS "escalationAcknowledged",
                ${CHAT_THREADED_SQL} AS "hasThread"
         FROM compliance_instances i
         LEFT JOIN unnest(?::uuid[], ?::int[]) AS w(master_id, days) ON w.master_id = i.master_id
         LEFT JOIN claimed cl ON cl.id = i.id
         WHERE i.tenant_id = ? AND i.status = ANY (?) AND i.due_date <= ?::date + ?::int
           AND i.due_date <= ?::date + coalesce(w.days, ?::int)`,
        [tenantId, since.reminder, since.escalation, masters, masters.map((id) => notice.byMaster.get(id)!), tenantId, [...OPEN_STATUSES], today, longest, today, notice.otherwise],
      );
      return rows as SweepItem[];
    },
    async queue({ threads, rungs }, today) {
      // One read of people and chats for the whole sweep; escalations then go one message per
      // recipient, and reminders by email one per person and kind; the rungs' claims are
      // written in the same statement as the messages.
      const address = await addresser(tx);
      const opened = threads.flatMap((d) => address(d.to, d.entityId ?? null, d.kind).map((to) => rowFor(tenantId, d, to)));
      return insertNotifications(tx, [...opened, ...rungRows(tenantId, rungs, address)], claimsOf(tx, rungs, today));
    },
    async preview(drafts) {
      const resolved = await resolveDrafts(tx, drafts);
      const existing = new Set<string>(resolved.length === 0 ? [] : await trx('notifications')
        .where({ tenant_id: tenantId }).whereIn('dedup_key', resolved.map((r) => r.dedup_key)).pluck('dedup_key'));
      return resolved.map((r) => ({ kind: r.kind, recipientUserId: r.recipient_user_id, instanceId: r.instance_id, alreadyQueued: existing.has(r.dedup_key) }));
    },
  };
}

/** The sweep use case on the caller's transaction (as the hourly job runs it for each tenant). */
export const sweepReminders = (tx: TenantTx, now: Date, options: { dryRun?: boolean } = {}): Promise<SweepResult> =>
  sweep({ reminders: reminderSource(tx) }, options, now);

export interface NamedReminder extends QueuedReminder {
  recipient?: { name: string; email: string };
  item?: { code: string; periodKey: string; entityName: string; registration: string | null; dueDate: string };
}

/** A tenant's sweep in its own transaction (the CLI's); a dry run also names each reminder's person and item. */
export async function sweepTenant(db: Database, tenantId: string, now: Date, options: { dryRun: boolean }): Promise<SweepResult & { named: NamedReminder[] }> {
  return db.withTenant(tenantId, async (tx) => {
    const result = await sweepReminders(tx, now, options);
    if (!result.preview) return { ...result, named: [] };
    const { trx } = tx;
    const people = new Map((await trx('users').select('id', 'name', 'email')).map((u: { id: string; name: string; email: string }) => [u.id, { name: u.name, email: u.email }]));
    const items = new Map((await trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
      .join('entities as e', 'e.id', 'i.entity_id')
      .whereIn('i.id', result.preview.map((p) => p.instanceId!)).select('i.id', 'm.code', 'i.period_key', 'e.name', 'i.due_date', 'm.owed_per', trx.raw(`${REGISTRATION_NUMBER_SQL} AS registration_number`)))
      .map((i: { id: string; code: string; period_key: string; name: string; due_date: string; owed_per: string; registration_number: string | null }) =>
        [i.id, { code: i.code, periodKey: i.period_key, entityName: i.name, registration: registrationOf(i), dueDate: i.due_date }]));
    return { ...result, named: result.preview.map((p) => ({ ...p, recipient: people.get(p.recipientUserId), item: items.get(p.instanceId!) })) };
  });
}
