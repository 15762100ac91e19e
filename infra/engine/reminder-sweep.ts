import { REGISTRATION_NUMBER_SQL, registrationOf } from './registration-sql.js';
import { OPEN_STATUSES } from '../../core/engine/status.js';
import type { MasterNotice, NotificationDraft, QueuedReminder, ReminderSource, SweepDrafts, SweepItem } from '../../core/ports/index.js';
import { sweepReminders as sweep, type SweepResult } from '../../core/use-cases/sweep-reminders.js';
import type { Database, TenantTx } from '../db/database.js';
import { escalationBatches } from '../outbox/escalation-batches.js';
import { insertNotifications, resolveDrafts } from '../outbox/enqueue.js';
import { CHAT_CONNECTED_SQL } from '../outbox/reach.js';
import { settingsOfRow, type TenantRow } from '../stores/tenant-settings.js';

// The tenant's settings, every master's notice inputs and whether a chat is connected: one round trip.
const CONTEXT_SQL = `
  SELECT t.*, ${CHAT_CONNECTED_SQL} AS chat_connected,
         (SELECT coalesce(json_agg(json_build_object('masterId', m.id, 'frequency', m.frequency, 'masterDays', m.reminder_days, 'tenantDays', r.days_before)), '[]')
          FROM compliance_masters m LEFT JOIN reminder_schedules r ON r.tenant_id = t.id AND r.master_id = m.id
          WHERE m.tenant_id IS NULL OR m.tenant_id = t.id) AS notices
  FROM tenants t WHERE t.id = ?`;

/** Marks one column's rung days on the items, where newer than what is there; returns the items marked. */
async function mark({ trx, tenantId }: TenantTx, column: 'reminded_for' | 'escalated_for', days: Map<string, string>): Promise<Set<string>> {
  if (days.size === 0) return new Set();
  const { rows } = await trx.raw(
    `UPDATE compliance_instances i SET ${column} = w.day
     FROM unnest(?::uuid[], ?::date[]) AS w(id, day)
     WHERE i.tenant_id = ? AND i.id = w.id AND (i.${column} IS NULL OR i.${column} < w.day)
     RETURNING i.id`,
    [[...days.keys()], [...days.values()], tenantId],
  );
  return new Set((rows as { id: string }[]).map((r) => r.id));
}

/**
 * Marks each rung as queued on its item (reminders in `reminded_for`, escalations in
 * `escalated_for`) unless a sweep already did: an UPDATE whose row locks make a concurrent sweep
 * wait and then find the rung taken (its WHERE is checked again on the row as committed).
 * Returns the rungs claimed.
 */
async function claimRungs(tx: TenantTx, rungs: SweepDrafts['rungs']): Promise<SweepDrafts['rungs']> {
  // Per item and column, the newest rung day planned (a sweep plans at most one of each).
  const days = { reminded_for: new Map<string, string>(), escalated_for: new Map<string, string>() };
  const columnOf = (r: SweepDrafts['rungs'][number]) => (r.rung === 'escalation' ? 'escalated_for' : 'reminded_for');
  for (const r of rungs) {
    const planned = days[columnOf(r)];
    const day = planned.get(r.instanceId);
    if (day === undefined || r.day > day) planned.set(r.instanceId, r.day);
  }
  const claimed = { reminded_for: await mark(tx, 'reminded_for', days.reminded_for), escalated_for: await mark(tx, 'escalated_for', days.escalated_for) };
  return rungs.filter((r) => claimed[columnOf(r)].has(r.instanceId) && days[columnOf(r)].get(r.instanceId) === r.day);
}

/** A tenant's reminder sweep in PostgreSQL: one indexed read of the open items, bulk writes to the outbox. */
export function reminderSource(tx: TenantTx): ReminderSource {
  const { trx, tenantId } = tx;
  return {
    async context() {
      const { rows } = await trx.raw(CONTEXT_SQL, [tenantId]);
      const row = rows[0] as TenantRow & { chat_connected: boolean; notices: MasterNotice[] };
      const settings = settingsOfRow(row);
      return { ladder: { ...settings.ladder, trackingStart: settings.trackingStartDate }, notices: row.notices, threadsEnabled: row.chat_connected };
    },
    async openInReach(today, notice) {
      const masters = [...notice.byMaster.keys()];
      const longest = Math.max(notice.otherwise, ...notice.byMaster.values());
      // The range scan covers the longest notice; each item is then kept only within its own
      // master's. Rows come back under the planner's names, used as they are (no copy per row).
      const { rows } = await trx.raw(
        `SELECT i.id, i.entity_id AS "entityId", i.master_id AS "masterId", i.due_date AS "dueDate", i.status,
                i.owner_user_id AS "ownerUserId", i.approver_user_id AS "approverUserId", i.reminded_for AS "remindedFor",
                i.escalated_for AS "escalatedFor", i.escalation_acknowledged_at IS NOT NULL AS "escalationAcknowledged",
                i.slack_thread_ts IS NOT NULL AS "hasThread"
         FROM compliance_instances i
         LEFT JOIN unnest(?::uuid[], ?::int[]) AS w(master_id, days) ON w.master_id = i.master_id
         WHERE i.tenant_id = ? AND i.status = ANY (?) AND i.due_date <= ?::date + ?::int
           AND i.due_date <= ?::date + coalesce(w.days, ?::int)`,
        [masters, masters.map((id) => notice.byMaster.get(id)!), tenantId, [...OPEN_STATUSES], today, longest, today, notice.otherwise],
      );
      return rows as SweepItem[];
    },
    async queue({ threads, rungs }) {
      const claimed = rungs.length === 0 ? [] : await claimRungs(tx, rungs);
      const drafts: NotificationDraft[] = claimed.map((p) => ({
        kind: p.rung, to: p.recipient, instanceId: p.instanceId, entityId: p.entityId, dedupKey: p.dedupKey, payload: { day: p.day },
      }));
      // One resolution of people and channels for the whole sweep; escalations then go one message per recipient.
      const rows = await resolveDrafts(tx, [...threads, ...drafts]);
      return insertNotifications(tx, [...rows.filter((r) => r.kind !== 'escalation'), ...escalationBatches(rows.filter((r) => r.kind === 'escalation'))]);
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
