import { addDays, todayIn } from '../engine/dates.js';
import { noticeSchedule } from '../engine/notice.js';
import { inWorkingHours, noticeBegins, planReminders, type PlannerInstance } from '../engine/reminders.js';
import type { EscalationDraft, NotificationDraft, QueuedReminder, ReminderSource, SweepItem } from '../ports/index.js';

export interface SweepResult {
  open: number;
  planned: number;
  enqueued: number;
  /** With dryRun: what would go out, and whether it already went. */
  preview?: QueuedReminder[];
}

/** Each assigned master's schedule, and the longest notice any of them asks for. */
async function schedules(source: ReminderSource, nearestDays: number): Promise<{ of: (masterId: string) => number[]; longest: number }> {
  const byMaster = new Map((await source.masterNotices()).map((m) => [m.masterId, noticeSchedule({ ...m, nearestDays })]));
  const fallback = [nearestDays];
  return { of: (id) => byMaster.get(id) ?? fallback, longest: Math.max(nearestDays, ...[...byMaster.values()].flat()) };
}

/** An item entering its notice window gets its chat thread first, so proof can be dropped there. */
function threadDrafts(items: (SweepItem & PlannerInstance)[], today: string): NotificationDraft[] {
  return items.filter((i) => !i.hasThread && noticeBegins(i) <= today && (i.ownerUserId ?? i.approverUserId)).map((i) => ({
    kind: 'thread_opened', to: { kind: 'user', userId: (i.ownerUserId ?? i.approverUserId)! }, instanceId: i.id, entityId: i.entityId,
    dedupKey: `thread_opened:${i.id}`, payload: {},
  }));
}

/**
 * One reminder sweep of a tenant as of a moment: the open items whose notice has begun (each on
 * its own schedule: weeks for an annual return, days for a monthly deposit) or that are overdue,
 * the planner's decisions, and what it queues: each item's thread when its notice begins, the
 * rung reminders (once per dedup key, so a repeated or concurrent sweep sends nothing twice), and
 * the escalations as one message per recipient listing their overdue items.
 */
export async function sweepReminders(unit: { reminders: ReminderSource }, input: { dryRun?: boolean }, now: Date): Promise<SweepResult> {
  const source = unit.reminders;
  const ladder = await source.ladder();
  const today = todayIn(ladder.timezone, now);
  const notice = await schedules(source, ladder.daysBefore);
  const read = await source.openDueBy(addDays(today, notice.longest));
  const open = read.map((i) => ({ ...i, noticeDays: notice.of(i.masterId) }));
  const entityOf = new Map(open.map((i) => [i.id, i.entityId]));
  const planned = planReminders(open, ladder, now);
  const rungs: NotificationDraft[] = planned.filter((p) => p.rung !== 'escalation').map((p) => ({
    kind: p.rung, to: p.recipient, instanceId: p.instanceId, entityId: entityOf.get(p.instanceId), dedupKey: p.dedupKey, payload: { day: p.day },
  }));
  const escalations: EscalationDraft[] = planned.filter((p) => p.rung === 'escalation').map((p) => ({ instanceId: p.instanceId, entityId: entityOf.get(p.instanceId)!, day: p.day }));
  const threads = inWorkingHours(ladder, now) && (await source.threadsEnabled()) ? threadDrafts(open, today) : [];

  if (input.dryRun) {
    const asDrafts: NotificationDraft[] = escalations.map((e) => ({
      kind: 'escalation', to: { kind: 'role', role: 'cfo' }, instanceId: e.instanceId, entityId: e.entityId, dedupKey: `escalation:${e.instanceId}:${e.day}`, payload: { day: e.day },
    }));
    return { open: open.length, planned: planned.length, enqueued: 0, preview: await source.preview([...rungs, ...asDrafts]) };
  }
  const queued = await source.queue([...threads, ...rungs]);
  const batched = await source.queueEscalations(escalations);
  return { open: open.length, planned: planned.length, enqueued: queued + batched.messages };
}
