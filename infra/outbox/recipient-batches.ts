import { createHash } from 'node:crypto';
import type { PlannedReminder } from '../../core/engine/reminders.js';
import type { Addressee, Addresser, NotificationRow } from './enqueue.js';

/** One recipient's rungs of one kind on one channel, in the order planned. */
interface Group {
  to: Addressee;
  kind: string;
  rungs: PlannedReminder[];
}

/**
 * Whether a group goes as one message listing its items: escalations always (the CFO with 56
 * overdue items gets one message, each item with its own Acknowledge, not 56); reminders by email
 * when there are several (a preparer with 30 filings due on the 20th gets one email, not 30).
 * Reminders in chat stay one per item, as replies in each item's thread.
 */
const listed = (g: Group) => g.kind === 'escalation' || (g.to.channel === 'email' && g.rungs.length > 1);

/** A group as one row listing its items, oldest rung first, under a key made of exactly those items and rungs. */
function listing(tenantId: string, { to, kind, rungs }: Group): NotificationRow {
  const items = rungs.map((r) => ({ instanceId: r.instanceId, day: r.day }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
  const digest = createHash('sha256').update(items.map((i) => `${i.instanceId}@${i.day}`).join(',')).digest('hex').slice(0, 32);
  return {
    tenant_id: tenantId, channel: to.channel, kind, recipient_user_id: to.userId, instance_id: null,
    payload: { items, ...(to.addressedTo ? { addressedTo: to.addressedTo } : {}) },
    dedup_key: `${kind}:${digest}:${to.userId}`,
  };
}

/** A rung as a message about its item alone. */
const single = (tenantId: string, to: Addressee, r: PlannedReminder): NotificationRow => ({
  tenant_id: tenantId, channel: to.channel, kind: r.rung, recipient_user_id: to.userId, instance_id: r.instanceId,
  payload: to.addressedTo ? { day: r.day, addressedTo: to.addressedTo } : { day: r.day },
  dedup_key: `${r.dedupKey}:${to.userId}`,
});

/**
 * A sweep's planned rungs as outbox rows: each rung's actual recipients found, then grouped per
 * recipient, channel and kind, without a row per rung on the way (a first sweep plans 100,000).
 */
export function rungRows(tenantId: string, rungs: PlannedReminder[], address: Addresser): NotificationRow[] {
  const groups = new Map<string, Group>();
  for (const r of rungs) {
    for (const to of address(r.recipient, r.entityId ?? null, r.rung)) {
      const key = `${to.userId}:${to.channel}:${r.rung}`;
      const group = groups.get(key);
      if (group) group.rungs.push(r);
      else groups.set(key, { to, kind: r.rung, rungs: [r] });
    }
  }
  return [...groups.values()].flatMap((g) => (listed(g) ? [listing(tenantId, g)] : g.rungs.map((r) => single(tenantId, g.to, r))));
}
