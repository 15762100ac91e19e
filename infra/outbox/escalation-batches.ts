import { createHash } from 'node:crypto';
import type { NotificationRow } from './enqueue.js';

/**
 * Escalations as one message per recipient per sweep: the CFO with 56 overdue items gets one
 * message listing them (each with its own Acknowledge), not 56. One row per recipient (and
 * channel), its items oldest rung first, under a key made of exactly those items and rungs.
 */
export function escalationBatches(rows: NotificationRow[]): NotificationRow[] {
  const byRecipient = new Map<string, NotificationRow[]>();
  for (const row of rows) {
    const key = `${row.recipient_user_id}:${row.channel}`;
    const group = byRecipient.get(key);
    if (group) group.push(row);
    else byRecipient.set(key, [row]);
  }
  return [...byRecipient.values()].map((group) => {
    const first = group[0]!;
    const items = group.map((r) => ({ instanceId: r.instance_id!, day: (JSON.parse(r.payload) as { day: string }).day }))
      .sort((a, b) => a.day.localeCompare(b.day) || a.instanceId.localeCompare(b.instanceId));
    const { addressedTo } = JSON.parse(first.payload) as { addressedTo?: unknown };
    const digest = createHash('sha256').update(items.map((i) => `${i.instanceId}@${i.day}`).join(',')).digest('hex').slice(0, 32);
    return {
      ...first, instance_id: null,
      payload: JSON.stringify({ items, ...(addressedTo ? { addressedTo } : {}) }),
      dedup_key: `escalation:${digest}:${first.recipient_user_id}`,
    };
  });
}
