import type { Frequency } from './periods.js';

/**
 * How much notice a filing gets: the days before its due date on which the preparer is reminded.
 * A monthly deposit needs a few days; an annual return or a tax audit needs weeks (the books
 * closed, the auditor booked). The tenant's own nearest rung (its `reminder_days_before`, 3 by
 * default) ends every default schedule, so "monthly T-3" and "annual T-30/14/7/3" both hold.
 */
const EARLIER_RUNGS: Record<Frequency, number[]> = {
  monthly: [],
  quarterly: [14, 7],
  half_yearly: [30, 14, 7],
  annual: [30, 14, 7],
  fy_instalments: [14, 7],
  event: [7],
  one_off: [30, 14, 7],
};

/** The largest number of days of notice a schedule may ask for (as the database checks). */
export const MAX_NOTICE_DAYS = 120;

/** A schedule as people read it: "T-30, T-14, T-7, T-3". */
export const scheduleWords = (days: readonly number[]): string => days.map((d) => (d === 0 ? 'due day' : `T-${d}`)).join(', ');

/** Days before, largest first, without repeats. */
const normalised = (days: readonly number[]): number[] => [...new Set(days)].sort((a, b) => b - a);

/**
 * The schedule an item's reminders follow: the tenant's override for the master, else the
 * master's own, else its frequency's default ending at the tenant's nearest rung.
 */
export function noticeSchedule(input: { frequency: Frequency; masterDays: readonly number[] | null; tenantDays: readonly number[] | null; nearestDays: number }): number[] {
  if (input.tenantDays && input.tenantDays.length > 0) return normalised(input.tenantDays);
  if (input.masterDays && input.masterDays.length > 0) return normalised(input.masterDays);
  return normalised([...EARLIER_RUNGS[input.frequency], input.nearestDays]);
}

/** What a wrong number of days is told. */
export const DAYS_HINT = `is not a number of days between 0 and ${MAX_NOTICE_DAYS}: type the days before the due date, e.g. 30, 14, 7, 3.`;

/** What is wrong with a schedule typed by a person, or undefined ("30, 14, 7, 3"). */
export function scheduleProblem(days: readonly number[]): string | undefined {
  if (days.length === 0) return 'Give at least one number of days before the due date, e.g. 30, 14, 7, 3.';
  if (days.length > 8) return 'At most 8 reminders per filing: drop some of the days.';
  const bad = days.find((d) => !Number.isInteger(d) || d < 0 || d > MAX_NOTICE_DAYS);
  if (bad !== undefined) return `${bad} ${DAYS_HINT}`;
  return undefined;
}
