import type { OutboundChannel } from '../ports/channel.js';
import type { Notification } from './kinds.js';

/** The kinds a sweep may send as one message listing several items. */
export type ListingKind = 'escalation' | 'due_soon' | 'due_today';

/**
 * Whether a person's rungs of one kind on one channel go as one message listing the items:
 * escalations always (the CFO with 56 overdue items gets one message, each item with its own
 * Acknowledge, not 56); reminders by email when there are several (a preparer with 30 filings due
 * on the 20th gets one email, not 30). Reminders in chat stay one per item, as replies in each
 * item's thread.
 */
export const sentAsList = (kind: string, channel: OutboundChannel, count: number): boolean =>
  kind === 'escalation' || ((kind === 'due_soon' || kind === 'due_today') && channel === 'email' && count > 1);

/** The items a sweep's listing message names (with their rung days), or undefined for a message about one item. */
export function listedRungs(n: Notification): { kind: ListingKind; items: { instanceId: string; day: string }[] } | undefined {
  if ((n.kind === 'escalation' || n.kind === 'due_soon' || n.kind === 'due_today') && n.payload.items) return { kind: n.kind, items: n.payload.items };
  return undefined;
}
