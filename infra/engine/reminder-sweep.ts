import { addDays, todayIn } from '../../core/engine/dates.js';
import { planReminders, type PlannerInstance } from '../../core/engine/reminders.js';
import { OPEN_STATUSES } from '../../core/engine/status.js';
import type { NotificationDraft } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';
import { insertNotifications, resolveDrafts, type NotificationRow } from '../outbox/enqueue.js';
import { loadTenantSettings } from '../stores/tenant-settings.js';

export interface SweepResult {
  open: number;
  planned: number;
  enqueued: number;
  /** With dryRun: what would go out, and whether it already went. */
  preview?: (NotificationRow & { alreadyQueued: boolean })[];
}

/**
 * One reminder sweep for a tenant: the open items the ladder can concern (due within the
 * reminder window, or overdue), the planner's decisions, and the outbox rows, all set-based.
 */
export async function sweepReminders(tx: TenantTx, now: Date, options: { dryRun?: boolean } = {}): Promise<SweepResult> {
  const settings = await loadTenantSettings(tx);
  const horizon = addDays(todayIn(settings.timezone, now), settings.ladder.daysBefore);
  const rows: { id: string; entity_id: string; due_date: string; status: PlannerInstance['status']; owner_user_id: string | null; approver_user_id: string | null; acknowledged: boolean }[] =
    await tx.trx('compliance_instances')
      .where({ tenant_id: tx.tenantId }).whereIn('status', OPEN_STATUSES).andWhere('due_date', '<=', horizon)
      .select('id', 'entity_id', 'due_date', 'status', 'owner_user_id', 'approver_user_id', tx.trx.raw('escalation_acknowledged_at IS NOT NULL AS acknowledged'));
  const entityOf = new Map(rows.map((r) => [r.id, r.entity_id]));
  const planned = planReminders(
    rows.map((r) => ({ id: r.id, dueDate: r.due_date, status: r.status, ownerUserId: r.owner_user_id, approverUserId: r.approver_user_id, escalationAcknowledged: r.acknowledged })),
    settings.ladder,
    now,
  );
  const drafts: NotificationDraft[] = planned.map((p) => ({
    kind: p.rung, to: p.recipient, instanceId: p.instanceId, entityId: entityOf.get(p.instanceId), dedupKey: p.dedupKey, payload: { day: p.day },
  }));
  const resolved = await resolveDrafts(tx, drafts);
  if (options.dryRun) {
    const existing = new Set<string>(resolved.length === 0 ? [] : await tx.trx('notifications')
      .where({ tenant_id: tx.tenantId }).whereIn('dedup_key', resolved.map((r) => r.dedup_key)).pluck('dedup_key'));
    return { open: rows.length, planned: planned.length, enqueued: 0, preview: resolved.map((r) => ({ ...r, alreadyQueued: existing.has(r.dedup_key) })) };
  }
  return { open: rows.length, planned: planned.length, enqueued: await insertNotifications(tx, resolved) };
}

/** Runs `work` for every tenant, a few at a time: database and planning overlap. */
export async function forEachTenant<T>(tenantIds: string[], concurrency: number, work: (tenantId: string) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(tenantIds.length);
  let next = 0;
  const lane = async () => {
    while (next < tenantIds.length) {
      const i = next++;
      results[i] = await work(tenantIds[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tenantIds.length) }, lane));
  return results;
}
