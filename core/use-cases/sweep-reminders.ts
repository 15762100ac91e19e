import { addDays, todayIn } from '../engine/dates.js';
import { planReminders } from '../engine/reminders.js';
import type { NotificationDraft, QueuedReminder, ReminderSource } from '../ports/index.js';

export interface SweepResult {
  open: number;
  planned: number;
  enqueued: number;
  /** With dryRun: what would go out, and whether it already went. */
  preview?: QueuedReminder[];
}

/**
 * One reminder sweep of a tenant as of a moment: the open items the ladder can concern (due
 * within its reminder window, or overdue), the planner's decisions, and the reminders queued
 * (each once per dedup key, so a repeated or concurrent sweep sends nothing twice).
 */
export async function sweepReminders(unit: { reminders: ReminderSource }, input: { dryRun?: boolean }, now: Date): Promise<SweepResult> {
  const ladder = await unit.reminders.ladder();
  const open = await unit.reminders.openDueBy(addDays(todayIn(ladder.timezone, now), ladder.daysBefore));
  const entityOf = new Map(open.map((i) => [i.id, i.entityId]));
  const planned = planReminders(open, ladder, now);
  const drafts: NotificationDraft[] = planned.map((p) => ({
    kind: p.rung, to: p.recipient, instanceId: p.instanceId, entityId: entityOf.get(p.instanceId), dedupKey: p.dedupKey, payload: { day: p.day },
  }));
  if (input.dryRun) return { open: open.length, planned: planned.length, enqueued: 0, preview: await unit.reminders.preview(drafts) };
  return { open: open.length, planned: planned.length, enqueued: await unit.reminders.queue(drafts) };
}
