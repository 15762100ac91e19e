import { REGISTRATION_NUMBER_SQL, registrationOf } from './registration-sql.js';
import { OPEN_STATUSES } from '../../core/engine/status.js';
import type { PlannerInstance } from '../../core/engine/reminders.js';
import type { QueuedReminder, ReminderSource } from '../../core/ports/index.js';
import { sweepReminders as sweep, type SweepResult } from '../../core/use-cases/sweep-reminders.js';
import type { Database, TenantTx } from '../db/database.js';
import { queueEscalationBatches } from '../outbox/escalation-batches.js';
import { insertNotifications, resolveDrafts } from '../outbox/enqueue.js';
import { chatReaches } from '../outbox/reach.js';
import type { Frequency } from '../../core/engine/periods.js';
import { loadTenantSettings } from '../stores/tenant-settings.js';

/** A tenant's reminder sweep in PostgreSQL: one indexed read of the open items, bulk writes to the outbox. */
export function reminderSource(tx: TenantTx): ReminderSource {
  const { trx, tenantId } = tx;
  return {
    async ladder() {
      const settings = await loadTenantSettings(tx);
      return { ...settings.ladder, trackingStart: settings.trackingStartDate };
    },
    async masterNotices() {
      const rows: { master_id: string; frequency: Frequency; reminder_days: number[] | null; days_before: number[] | null }[] =
        await trx('compliance_masters as m')
          .whereIn('m.id', trx('assignments').where({ tenant_id: tenantId, is_active: true }).distinct('master_id'))
          .leftJoin('reminder_schedules as r', function () {
            this.on('r.master_id', 'm.id').andOn('r.tenant_id', trx.raw('?', [tenantId]));
          })
          .select('m.id as master_id', 'm.frequency', 'm.reminder_days', 'r.days_before');
      return rows.map((r) => ({ masterId: r.master_id, frequency: r.frequency, masterDays: r.reminder_days, tenantDays: r.days_before }));
    },
    async openDueBy(day) {
      const rows: {
        id: string; entity_id: string; master_id: string; due_date: string; status: PlannerInstance['status']; owner_user_id: string | null;
        approver_user_id: string | null; acknowledged: boolean; escalated_for: string | null; has_thread: boolean;
      }[] = await trx('compliance_instances')
        .where({ tenant_id: tenantId }).whereIn('status', OPEN_STATUSES).andWhere('due_date', '<=', day)
        .select('id', 'entity_id', 'master_id', 'due_date', 'status', 'owner_user_id', 'approver_user_id', 'escalated_for',
          trx.raw('escalation_acknowledged_at IS NOT NULL AS acknowledged'), trx.raw('slack_thread_ts IS NOT NULL AS has_thread'));
      return rows.map((r) => ({
        id: r.id, entityId: r.entity_id, masterId: r.master_id, dueDate: r.due_date, status: r.status, ownerUserId: r.owner_user_id,
        approverUserId: r.approver_user_id, escalationAcknowledged: r.acknowledged, escalatedFor: r.escalated_for, hasThread: r.has_thread,
      }));
    },
    queue: async (drafts) => insertNotifications(tx, await resolveDrafts(tx, drafts)),
    queueEscalations: (drafts) => queueEscalationBatches(tx, drafts),
    threadsEnabled: async () => (await chatReaches(tx)).some((r) => r.connected),
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
