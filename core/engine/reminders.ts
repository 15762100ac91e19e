import { addDays, daysBetween, hourIn, todayIn, type IsoDate } from './dates.js';
import { isOpen, type InstanceStatus } from './status.js';

/** The reminder ladder of a tenant. Defaults: T-3 → owner, due day → approver, overdue ≥ 3 days → CFO every 2 days. */
export interface ReminderLadder {
  timezone: string;
  daysBefore: number;
  escalateAfterDays: number;
  repeatEveryDays: number;
  /** Local hours in which reminders go out: [start, end). */
  workingHours: { start: number; end: number };
}

export const DEFAULT_LADDER: ReminderLadder = {
  timezone: 'Asia/Kolkata',
  daysBefore: 3,
  escalateAfterDays: 3,
  repeatEveryDays: 2,
  workingHours: { start: 9, end: 18 },
};

export interface PlannerInstance {
  id: string;
  dueDate: IsoDate;
  status: InstanceStatus;
  ownerUserId: string | null;
  approverUserId: string | null;
  escalationAcknowledged: boolean;
}

export type Rung = 'due_soon' | 'due_today' | 'escalation';

export type Recipient =
  | { kind: 'user'; userId: string }
  | { kind: 'role'; role: 'cfo' }
  /** Nobody is named for the rung: the tenant admin is told instead of silence. */
  | { kind: 'role'; role: 'tenant_admin'; missing: 'owner' | 'approver' };

export interface PlannedReminder {
  instanceId: string;
  rung: Rung;
  recipient: Recipient;
  /** The day this rung is for; part of the dedup key, so each rung goes out once per day it is due. */
  day: IsoDate;
  dedupKey: string;
}

/** The named person, or the tenant admin (told that nobody is named) when there is none. */
export const person = (userId: string | null, missing: 'owner' | 'approver'): Recipient =>
  userId ? { kind: 'user', userId } : { kind: 'role', role: 'tenant_admin', missing };

/**
 * What should go out now. Pure: the same inputs always plan the same reminders with the same
 * dedup keys, so running it late, twice, or on several workers never sends anything twice.
 */
export function planReminders(instances: PlannerInstance[], ladder: ReminderLadder, now: Date): PlannedReminder[] {
  const hour = hourIn(ladder.timezone, now);
  if (hour < ladder.workingHours.start || hour >= ladder.workingHours.end) return [];
  const today = todayIn(ladder.timezone, now);
  const out: PlannedReminder[] = [];
  const add = (instanceId: string, rung: Rung, recipient: Recipient, day: IsoDate) =>
    out.push({ instanceId, rung, recipient, day, dedupKey: `${rung}:${instanceId}:${day}` });

  for (const i of instances) {
    if (!isOpen(i.status)) continue;
    const soonDay = addDays(i.dueDate, -ladder.daysBefore);
    // The owner is reminded once, from T-N until the due day, while nothing awaits review.
    if ((i.status === 'pending' || i.status === 'rejected') && today >= soonDay && today < i.dueDate) {
      add(i.id, 'due_soon', person(i.ownerUserId, 'owner'), soonDay);
    }
    if (today === i.dueDate) add(i.id, 'due_today', person(i.approverUserId, 'approver'), i.dueDate);
    const overdue = daysBetween(i.dueDate, today);
    if (overdue >= ladder.escalateAfterDays && !i.escalationAcknowledged) {
      // Repeats every N days until acknowledged: the latest rung day that has arrived.
      const repeats = Math.floor((overdue - ladder.escalateAfterDays) / ladder.repeatEveryDays);
      add(i.id, 'escalation', { kind: 'role', role: 'cfo' }, addDays(i.dueDate, ladder.escalateAfterDays + repeats * ladder.repeatEveryDays));
    }
  }
  return out;
}
