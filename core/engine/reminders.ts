import { addDays, epochDay, fromEpochDay, hourIn, todayIn, type IsoDate } from './dates.js';
import { MAX_NOTICE_DAYS } from './notice.js';
import { isOpen, type InstanceStatus } from './status.js';

/** The reminder ladder of a tenant. Defaults: the item's notice schedule (T-3 for a monthly filing) → owner, due day → approver, overdue ≥ 3 days → CFO every 2 days. */
export interface ReminderLadder {
  timezone: string;
  /** The nearest notice rung of every default schedule (the last reminder before the due day). */
  daysBefore: number;
  escalateAfterDays: number;
  repeatEveryDays: number;
  /** Local hours in which reminders go out: [start, end). */
  workingHours: { start: number; end: number };
  /** Items due before the tenant's tracking start are never escalated (they predate the product). */
  trackingStart?: IsoDate | null;
}

/** The longest a tenant may set between repeated escalations (as the database checks). */
export const MAX_ESCALATION_REPEAT_DAYS = 30;

export const DEFAULT_LADDER: ReminderLadder = {
  timezone: 'Asia/Kolkata',
  daysBefore: 3,
  escalateAfterDays: 3,
  repeatEveryDays: 2,
  workingHours: { start: 9, end: 18 },
};

export interface PlannerInstance {
  id: string;
  /** The item's entity, carried onto its rungs (role recipients are resolved per entity). */
  entityId?: string;
  dueDate: IsoDate;
  status: InstanceStatus;
  ownerUserId: string | null;
  approverUserId: string | null;
  escalationAcknowledged: boolean;
  /** The days before the due date the preparer is reminded on, largest first (see notice.ts). */
  noticeDays: readonly number[];
  /** The latest reminder rung day (notice or due day) already queued for the item. */
  remindedFor: IsoDate | null;
  /** The latest escalation rung day already queued for the item (escalations are batched per person). */
  escalatedFor: IsoDate | null;
}

export type Rung = 'due_soon' | 'due_today' | 'escalation';

export type Recipient =
  | { kind: 'user'; userId: string }
  | { kind: 'role'; role: 'cfo' }
  /** Nobody is named for the rung: the tenant admin is told instead of silence. */
  | { kind: 'role'; role: 'tenant_admin'; missing: 'owner' | 'approver' };

export interface PlannedReminder {
  instanceId: string;
  entityId?: string;
  rung: Rung;
  recipient: Recipient;
  /** The day this rung is for; part of the dedup key, so each rung goes out once per day it is due. */
  day: IsoDate;
  dedupKey: string;
}

const CFO: Recipient = { kind: 'role', role: 'cfo' };

/** The named person, or the tenant admin (told that nobody is named) when there is none. */
export const person = (userId: string | null, missing: 'owner' | 'approver'): Recipient =>
  userId ? { kind: 'user', userId } : { kind: 'role', role: 'tenant_admin', missing };

/** Whether a rung day is later than the latest already queued (none yet: it is). */
const after = (day: number, queued: number | null): boolean => queued === null || day > queued;

/** The item's latest notice rung day on or before today (epoch days), or null when its notice has not begun. */
function latestRungDay(noticeDays: readonly number[], due: number, today: number): number | null {
  let latest: number | null = null;
  for (const days of noticeDays) {
    const day = due - days;
    if (day <= today && (latest === null || day > latest)) latest = day;
  }
  return latest;
}

/**
 * The oldest rung days a sweep today must know were queued, per kind of rung: a reminder's rung
 * lies within the longest notice before a due day still ahead (or is the due day itself), and an
 * escalation repeats within the last repeat interval. A record of a rung older than these can
 * change nothing the planner decides today.
 */
export function rungsThatMatter(ladder: Pick<ReminderLadder, 'repeatEveryDays'>, today: IsoDate): { reminder: IsoDate; escalation: IsoDate } {
  // Every schedule's days, the tenant's nearest rung (at most 60) included, are within MAX_NOTICE_DAYS.
  return { reminder: addDays(today, -MAX_NOTICE_DAYS), escalation: addDays(today, -ladder.repeatEveryDays) };
}

/** How long a record of a queued rung can matter, whatever the tenant's ladder becomes (see rungsThatMatter). */
export const rungRecordsKept = (today: IsoDate): { reminder: IsoDate; escalation: IsoDate } =>
  rungsThatMatter({ repeatEveryDays: MAX_ESCALATION_REPEAT_DAYS }, today);

/** The first day an item's thread is needed: when its notice begins. */
export const noticeBegins = (i: Pick<PlannerInstance, 'dueDate' | 'noticeDays'>): IsoDate => addDays(i.dueDate, -Math.max(0, ...i.noticeDays));

/** Reminders go out in the tenant's working hours only. */
export function inWorkingHours(ladder: ReminderLadder, now: Date): boolean {
  const hour = hourIn(ladder.timezone, now);
  return hour >= ladder.workingHours.start && hour < ladder.workingHours.end;
}

/**
 * What should go out now. Pure: the same inputs always plan the same reminders with the same
 * dedup keys; with what was already queued (remindedFor, escalatedFor) it plans only what is new,
 * and running it late, twice, or on several workers never sends anything twice.
 */
export function planReminders(instances: PlannerInstance[], ladder: ReminderLadder, now: Date): PlannedReminder[] {
  if (!inWorkingHours(ladder, now)) return [];
  // Days as numbers in the loop, and no function made per item: it runs for every open item in
  // reach of every tenant each hour. The few distinct rung days are spelled once each.
  const today = epochDay(todayIn(ladder.timezone, now));
  const trackingStart = ladder.trackingStart ? epochDay(ladder.trackingStart) : null;
  const spelled = new Map<number, IsoDate>();
  const out: PlannedReminder[] = [];
  const add = (i: PlannerInstance, rung: Rung, recipient: Recipient, dayNumber: number) => {
    let day = spelled.get(dayNumber);
    if (day === undefined) spelled.set(dayNumber, (day = fromEpochDay(dayNumber)));
    out.push({ instanceId: i.id, entityId: i.entityId, rung, recipient, day, dedupKey: `${rung}:${i.id}:${day}` });
  };

  for (const i of instances) {
    if (!isOpen(i.status)) continue;
    const due = epochDay(i.dueDate);
    // The owner is reminded on each rung of the item's schedule (the latest that has arrived, so a
    // missed sweep sends one reminder, not a burst), until the due day, while nothing awaits review.
    // Each rung goes out once: a rung day already queued for the item is not planned again.
    const remindedFor = i.remindedFor === null ? null : epochDay(i.remindedFor);
    if (today < due && (i.status === 'pending' || i.status === 'rejected')) {
      const soonDay = latestRungDay(i.noticeDays, due, today);
      if (soonDay !== null && after(soonDay, remindedFor)) add(i, 'due_soon', person(i.ownerUserId, 'owner'), soonDay);
    }
    if (today === due && after(due, remindedFor)) add(i, 'due_today', person(i.approverUserId, 'approver'), due);
    const overdue = today - due;
    const tracked = trackingStart === null || due >= trackingStart;
    if (overdue >= ladder.escalateAfterDays && !i.escalationAcknowledged && tracked) {
      // Repeats every N days until acknowledged: the latest rung day that has arrived, once.
      const repeats = Math.floor((overdue - ladder.escalateAfterDays) / ladder.repeatEveryDays);
      const day = due + ladder.escalateAfterDays + repeats * ladder.repeatEveryDays;
      if (after(day, i.escalatedFor === null ? null : epochDay(i.escalatedFor))) add(i, 'escalation', CFO, day);
    }
  }
  return out;
}
