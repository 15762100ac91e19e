import type { IsoDate } from '../engine/dates.js';
import type { Frequency } from '../engine/periods.js';
import type { PlannerInstance, ReminderLadder } from '../engine/reminders.js';
import type { NotificationDraft } from './tenant-unit.js';

/** A reminder as it would be queued: to whom, about what, and whether it went out already. */
export interface QueuedReminder {
  kind: string;
  recipientUserId: string;
  instanceId: string | null;
  alreadyQueued: boolean;
}

/** What decides a master's notice schedule in a tenant (see core/engine/notice.ts). */
export interface MasterNotice {
  masterId: string;
  frequency: Frequency;
  /** The master's own days before, or null (its frequency's default). */
  masterDays: number[] | null;
  /** The tenant's override for the master, or null. */
  tenantDays: number[] | null;
}

/** An open item as the sweep reads it. */
export type SweepItem = Omit<PlannerInstance, 'noticeDays'> & {
  entityId: string;
  masterId: string;
  /** The item's Slack thread exists already. */
  hasThread: boolean;
};

/** An escalation rung to send, for one item. */
export interface EscalationDraft {
  instanceId: string;
  entityId: string;
  day: IsoDate;
}

/** What a tenant's reminder sweep reads and writes, set-based however many items it covers. */
export interface ReminderSource {
  ladder(): Promise<ReminderLadder>;
  /** The notice inputs of every master the tenant has assigned. */
  masterNotices(): Promise<MasterNotice[]>;
  /** Open items due on or before the day (overdue ones included), as the planner reads them. */
  openDueBy(day: IsoDate): Promise<SweepItem[]>;
  /** Queues the drafts for their actual recipients, once per dedup key; returns how many are new. */
  queue(drafts: NotificationDraft[]): Promise<number>;
  /**
   * Records each rung as sent for its item unless a sweep already did (under the item's lock),
   * and queues what is new as one message per recipient listing their items. Returns how many
   * messages were queued and how many items they carry.
   */
  queueEscalations(drafts: EscalationDraft[]): Promise<{ messages: number; items: number }>;
  /** Whether the tenant's items get chat threads at all (a workspace is connected). */
  threadsEnabled(): Promise<boolean>;
  /** What queueing the drafts would do, changing nothing. */
  preview(drafts: NotificationDraft[]): Promise<QueuedReminder[]>;
}
