import type { IsoDate } from '../engine/dates.js';
import type { Frequency } from '../engine/periods.js';
import type { PlannedReminder, PlannerInstance, ReminderLadder } from '../engine/reminders.js';
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

/** What a sweep of a tenant starts from, read in one go. */
export interface SweepContext {
  ladder: ReminderLadder;
  /** The notice inputs of every master in the tenant's library. */
  notices: MasterNotice[];
  /** The tenant's items get chat threads (a chat is connected). */
  threadsEnabled: boolean;
}

/** What a sweep queues: items' threads, and the rungs the planner found new. */
export interface SweepDrafts {
  threads: NotificationDraft[];
  /** Each with the item's entity (role recipients are resolved per entity). */
  rungs: PlannedReminder[];
}

/** What a tenant's reminder sweep reads and writes, set-based however many items it covers. */
export interface ReminderSource {
  /** Starts the sweep: from here until it commits, no other sweep of the tenant runs. */
  context(): Promise<SweepContext>;
  /**
   * The open items whose notice has begun as of `today` (due within their master's longest
   * notice: `byMaster`, else `otherwise` days) or that are overdue, as the planner reads them,
   * each with the latest rung days queued for it on or after `since` (older ones cannot matter).
   */
  openInReach(today: IsoDate, notice: { byMaster: ReadonlyMap<string, number>; otherwise: number }, since: { reminder: IsoDate; escalation: IsoDate }): Promise<SweepItem[]>;
  /**
   * Records the rungs as queued, and queues them: threads one per item, reminders one per item
   * and person except where several go to one person as a list (core's sentAsList), escalations
   * as one message per recipient listing their items. Returns how many messages. Records of rungs
   * too old to matter as of `today` may be dropped.
   */
  queue(drafts: SweepDrafts, today: IsoDate): Promise<number>;
  /** What queueing would do, changing nothing. */
  preview(drafts: NotificationDraft[]): Promise<QueuedReminder[]>;
}
