import type { IsoDate } from '../engine/dates.js';
import type { PlannerInstance, ReminderLadder } from '../engine/reminders.js';
import type { NotificationDraft } from './tenant-unit.js';

/** A reminder as it would be queued: to whom, about what, and whether it went out already. */
export interface QueuedReminder {
  kind: string;
  recipientUserId: string;
  instanceId: string | null;
  alreadyQueued: boolean;
}

/** What a tenant's reminder sweep reads and writes, set-based however many items it covers. */
export interface ReminderSource {
  ladder(): Promise<ReminderLadder>;
  /** Open items due on or before the day (overdue ones included), as the planner reads them. */
  openDueBy(day: IsoDate): Promise<(PlannerInstance & { entityId: string })[]>;
  /** Queues the drafts for their actual recipients, once per dedup key; returns how many are new. */
  queue(drafts: NotificationDraft[]): Promise<number>;
  /** What queueing the drafts would do, changing nothing. */
  preview(drafts: NotificationDraft[]): Promise<QueuedReminder[]>;
}
