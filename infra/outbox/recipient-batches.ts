import { createHash } from 'node:crypto';
import type { PlannedReminder } from '../../core/engine/reminders.js';
import { sentAsList } from '../../core/notifications/listing.js';
import { rungDraft } from '../../core/use-cases/sweep-reminders.js';
import { rowFor, type Addressee, type Addresser, type NotificationRow } from './enqueue.js';

/** One recipient's rungs of one kind on one channel, in the order planned. */
interface Group {
  to: Addressee;
  kind: string;
  rungs: PlannedReminder[];
}

/** Days and ids compared as the ASCII they are (no locale rules: a list of thousands is sorted per recipient). */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A group as one row listing its items, oldest rung first, under a key made of exactly those items and rungs. */
function listing(tenantId: string, { to, kind, rungs }: Group): NotificationRow {
  const items = rungs.map((r) => ({ instanceId: r.instanceId, day: r.day })).sort((a, b) => byCode(a.day, b.day) || byCode(a.instanceId, b.instanceId));
  const digest = createHash('sha256').update(items.map((i) => `${i.instanceId}@${i.day}`).join(',')).digest('hex').slice(0, 32);
  return {
    tenant_id: tenantId, channel: to.channel, kind, recipient_user_id: to.userId, instance_id: null,
    payload: { items, ...(to.addressedTo ? { addressedTo: to.addressedTo } : {}) },
    dedup_key: `${kind}:${digest}:${to.userId}`,
  };
}

/**
 * A sweep's planned rungs as outbox rows: each rung's actual recipients found, then grouped per
 * recipient, channel and kind, without a row per rung on the way (a first sweep plans 100,000);
 * a group goes as one listing message where core's sentAsList says so, else one row per item.
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
  return [...groups.values()].flatMap((g) => (sentAsList(g.kind, g.to.channel, g.rungs.length)
    ? [listing(tenantId, g)]
    : g.rungs.map((r) => rowFor(tenantId, rungDraft(r), g.to))));
}
