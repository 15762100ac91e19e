import { todayIn } from '../engine/dates.js';
import { noticeSchedule } from '../engine/notice.js';
import { inWorkingHours, noticeBegins, planReminders, rungsThatMatter, type PlannedReminder, type PlannerInstance } from '../engine/reminders.js';
import type { MasterNotice, NotificationDraft, QueuedReminder, ReminderSource, SweepItem } from '../ports/index.js';

export interface SweepResult {
  open: number;
  planned: number;
  enqueued: number;
  /** With dryRun: what would go out, and whether it already went. */
  preview?: QueuedReminder[];
}

/** Each master's schedule, and the longest notice each asks for. */
function schedules(notices: MasterNotice[], nearestDays: number): { of: (masterId: string) => number[]; longest: Map<string, number> } {
  const byMaster = new Map(notices.map((m) => [m.masterId, noticeSchedule({ ...m, nearestDays })]));
  const fallback = [nearestDays];
  return { of: (id) => byMaster.get(id) ?? fallback, longest: new Map([...byMaster].map(([id, days]) => [id, Math.max(...days)])) };
}

/** An item entering its notice window gets its chat thread first, so proof can be dropped there. */
function threadDrafts(items: (SweepItem & PlannerInstance)[], today: string): NotificationDraft[] {
  return items.filter((i) => !i.hasThread && noticeBegins(i) <= today && (i.ownerUserId ?? i.approverUserId)).map((i) => ({
    kind: 'thread_opened', to: { kind: 'user', userId: (i.ownerUserId ?? i.approverUserId)! }, instanceId: i.id, entityId: i.entityId,
    dedupKey: `thread_opened:${i.id}`, payload: {},
  }));
}

/** A planned rung as a message about its item alone (the source lists several in one where they go so). */
export const rungDraft = (p: PlannedReminder): NotificationDraft => ({
  kind: p.rung, to: p.recipient, instanceId: p.instanceId, entityId: p.entityId, dedupKey: p.dedupKey, payload: { day: p.day },
});

/**
 * One reminder sweep of a tenant as of a moment: the open items whose notice has begun (each on
 * its own schedule: weeks for an annual return, days for a monthly deposit) or that are overdue,
 * the planner's decisions (only rungs not queued before), and what it queues: each item's thread
 * when its notice begins, the reminders, and the escalations as one message per recipient listing
 * their overdue items. A repeated or concurrent sweep sends nothing twice.
 */
export async function sweepReminders(unit: { reminders: ReminderSource }, input: { dryRun?: boolean }, now: Date): Promise<SweepResult> {
  const source = unit.reminders;
  const { ladder, notices, threadsEnabled } = await source.context();
  const today = todayIn(ladder.timezone, now);
  const notice = schedules(notices, ladder.daysBefore);
  const read = await source.openInReach(today, { byMaster: notice.longest, otherwise: ladder.daysBefore }, rungsThatMatter(ladder, today));
  // Each item takes its master's schedule in place: no copy of every row of the sweep.
  const open = read as (SweepItem & PlannerInstance)[];
  for (const i of open) i.noticeDays = notice.of(i.masterId);
  const planned = planReminders(open, ladder, now);
  if (input.dryRun) {
    return { open: open.length, planned: planned.length, enqueued: 0, preview: await source.preview(planned.map(rungDraft)) };
  }
  const threads = threadsEnabled && inWorkingHours(ladder, now) ? threadDrafts(open, today) : [];
  const enqueued = threads.length + planned.length === 0 ? 0 : await source.queue({ threads, rungs: planned }, today);
  return { open: open.length, planned: planned.length, enqueued };
}
