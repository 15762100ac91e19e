import { createHash } from 'node:crypto';
import type { NotificationRow } from './enqueue.js';

/** Rows of one kind grouped per recipient and channel, in the order they came. */
function perRecipient(rows: NotificationRow[]): NotificationRow[][] {
  const groups = new Map<string, NotificationRow[]>();
  for (const row of rows) {
    const key = `${row.recipient_user_id}:${row.channel}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

/** One row listing a group's items, oldest rung first, under a key made of exactly those items and rungs. */
function listing(group: NotificationRow[]): NotificationRow {
  const first = group[0]!;
  const items = group.map((r) => ({ instanceId: r.instance_id!, day: r.payload.day as string }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
  const { addressedTo } = first.payload;
  const digest = createHash('sha256').update(items.map((i) => `${i.instanceId}@${i.day}`).join(',')).digest('hex').slice(0, 32);
  return {
    ...first, instance_id: null,
    payload: { items, ...(addressedTo ? { addressedTo } : {}) },
    dedup_key: `${first.kind}:${digest}:${first.recipient_user_id}`,
  };
}

/**
 * Escalations as one message per recipient per sweep: the CFO with 56 overdue items gets one
 * message listing them (each with its own Acknowledge), not 56.
 */
export const escalationBatches = (rows: NotificationRow[]): NotificationRow[] => perRecipient(rows).map(listing);

/**
 * Reminders by email as one message per person and kind per sweep: a preparer with 30 filings
 * falling due on the 20th gets one email listing them, not 30. Reminders in chat stay one per
 * item, as replies in each item's thread; a lone reminder stays a message about its item.
 */
export function reminderBatches(rows: NotificationRow[]): NotificationRow[] {
  const batched = (r: NotificationRow) => r.channel === 'email' && (r.kind === 'due_soon' || r.kind === 'due_today');
  const byKind = (kind: string) => rows.filter((r) => batched(r) && r.kind === kind);
  return [
    ...rows.filter((r) => !batched(r)),
    ...[...perRecipient(byKind('due_soon')), ...perRecipient(byKind('due_today'))].map((group) => (group.length === 1 ? group[0]! : listing(group))),
  ];
}
