import { createHash } from 'node:crypto';
import type { EscalationDraft } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';
import { insertNotifications, resolveDrafts, type NotificationRow } from './enqueue.js';

/**
 * Marks each rung as escalated for its item, unless a sweep already did: one UPDATE whose row
 * locks make a concurrent sweep wait and then find the rung taken. Returns the items claimed.
 */
async function claimRungs({ trx, tenantId }: TenantTx, drafts: EscalationDraft[]): Promise<Set<string>> {
  const { rows } = await trx.raw(
    `UPDATE compliance_instances i SET escalated_for = v.day
     FROM unnest(?::uuid[], ?::date[]) AS v(id, day)
     WHERE i.tenant_id = ? AND i.id = v.id AND (i.escalated_for IS NULL OR i.escalated_for < v.day)
     RETURNING i.id`,
    [drafts.map((d) => d.instanceId), drafts.map((d) => d.day), tenantId],
  );
  return new Set(rows.map((r: { id: string }) => r.id));
}

/** One row per recipient (and channel) listing their items, oldest rung first. */
function batchesOf(rows: NotificationRow[]): NotificationRow[] {
  const byRecipient = new Map<string, NotificationRow[]>();
  for (const row of rows) {
    const key = `${row.recipient_user_id}:${row.channel}`;
    byRecipient.set(key, [...(byRecipient.get(key) ?? []), row]);
  }
  return [...byRecipient.values()].map((group) => {
    const items = group.map((r) => ({ instanceId: r.instance_id!, day: (JSON.parse(r.payload) as { day: string }).day }))
      .sort((a, b) => a.day.localeCompare(b.day) || a.instanceId.localeCompare(b.instanceId));
    const { addressedTo } = JSON.parse(group[0]!.payload) as { addressedTo?: unknown };
    const digest = createHash('sha256').update(items.map((i) => `${i.instanceId}@${i.day}`).join(',')).digest('hex').slice(0, 32);
    return {
      ...group[0]!, instance_id: null,
      payload: JSON.stringify({ items, ...(addressedTo ? { addressedTo } : {}) }),
      dedup_key: `escalation:${digest}:${group[0]!.recipient_user_id}`,
    };
  });
}

/**
 * Escalations as one message per recipient per sweep: the CFO with 56 overdue items gets one
 * message listing them (each with its own Acknowledge), not 56. Each item's rung is recorded on
 * the item in the same transaction, so it goes out once however often or concurrently the sweep runs.
 */
export async function queueEscalationBatches(tx: TenantTx, drafts: EscalationDraft[]): Promise<{ messages: number; items: number }> {
  if (drafts.length === 0) return { messages: 0, items: 0 };
  const claimed = await claimRungs(tx, drafts);
  const fresh = drafts.filter((d) => claimed.has(d.instanceId));
  const rows = await resolveDrafts(tx, fresh.map((d) => ({
    kind: 'escalation', to: { kind: 'role', role: 'cfo' } as const, instanceId: d.instanceId, entityId: d.entityId, dedupKey: `escalation:${d.instanceId}:${d.day}`, payload: { day: d.day },
  })));
  const messages = await insertNotifications(tx, batchesOf(rows));
  return { messages, items: fresh.length };
}
