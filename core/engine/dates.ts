import { DateTime } from 'luxon';

/** A calendar date, 'YYYY-MM-DD'. Due dates are dates, not instants. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Echoes what was typed back in a message, cut short if someone pasted a paragraph. */
const quoted = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/**
 * The one check of a typed calendar date: exactly YYYY-MM-DD, and a day that exists. Why it is
 * not one, for people, or undefined when it is. Never goes through JavaScript's Date, which
 * quietly turns 30 February into 2 March.
 */
export function calendarDateProblem(value: string): string | undefined {
  const parts = ISO_DATE.exec(value);
  if (!parts) return value.trim() === '' ? 'no date given: use YYYY-MM-DD (e.g. 2026-09-30).' : `${quoted(value)} is not a date: use YYYY-MM-DD (e.g. 2026-09-30).`;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `${value} is not a date in the calendar (a month is 01 to 12). Use YYYY-MM-DD.`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${value} is not a date in the calendar (${MONTH_NAMES[month - 1]} ${year} has ${days} days). Use YYYY-MM-DD.`;
  return undefined;
}

/** Days in a month (1–12) of a year. */
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const isoOf = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function parseIsoDate(value: string): DateTime {
  const problem = calendarDateProblem(value);
  if (problem) throw new RangeError(problem);
  return DateTime.fromISO(value, { zone: 'utc' });
}

export const isValidIsoDate = (value: string): boolean => calendarDateProblem(value) === undefined;

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment typed as an ISO timestamp with its offset (2026-11-27T10:00:00+05:30): the date must
 * exist and the time be a time of day. Throws a RangeError saying what to type otherwise.
 */
export function parseTimestamp(value: string): Date {
  const example = 'use an ISO timestamp with its offset, e.g. 2026-11-27T10:00:00+05:30 (or …Z for UTC)';
  const parts = ISO_TIMESTAMP.exec(value);
  if (!parts) throw new RangeError(`${quoted(value)} is not a timestamp: ${example}.`);
  const dateProblem = calendarDateProblem(parts[1]!);
  if (dateProblem) throw new RangeError(dateProblem.replace('Use YYYY-MM-DD.', `For a moment, ${example}.`));
  const moment = DateTime.fromISO(value, { setZone: true });
  if (!moment.isValid) throw new RangeError(`${value} is not a time of day (hours 00-23, minutes 00-59): ${example}.`);
  return moment.toJSDate();
}

export const toIso = (d: DateTime): IsoDate => d.toISODate()!;

// Day arithmetic runs once per instance in reminder sweeps over millions of rows: plain integer
// days since 1970 instead of date objects. Inputs are dates this program produced or validated.
const DAY_MS = 86_400_000;
/** Days since 1 Jan 1970 (for loops over many items: compare numbers, convert back only what is kept). */
export const epochDay = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
export const fromEpochDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => fromEpochDay(epochDay(date) + days);
export const daysBetween = (from: IsoDate, to: IsoDate): number => epochDay(to) - epochDay(from);
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = (date: IsoDate): number => ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;

// Month arithmetic runs for every period of every master at each tenant's generation: integers,
// not date objects (a day past the target month's end is its last day, as luxon's plus does).
export function addMonths(date: IsoDate, months: number): IsoDate {
  const problem = calendarDateProblem(date);
  if (problem) throw new RangeError(problem);
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return isoOf(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}
export const endOfMonth = (year: number, month: number): IsoDate => isoOf(year, month, daysInMonth(year, month));

/** Day `day` (or the last day) of the given month; a day past the month's end means its last day. */
export function dayOfMonth(year: number, month: number, day: number | 'last'): IsoDate {
  const last = daysInMonth(year, month);
  return isoOf(year, month, day === 'last' ? last : Math.min(day, last));
}

/** Today's date in a timezone (the tenant's), for an instant. */
export const todayIn = (timezone: string, now: Date): IsoDate =>
  DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;

/** The local hour (0–23) in a timezone, for an instant. */
export const hourIn = (timezone: string, now: Date): number => DateTime.fromJSDate(now, { zone: timezone }).hour;

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** '2026-11-20' → '20 Nov 2026', for people. */
export const formatDate = (date: IsoDate): string => parseIsoDate(date).toFormat('d LLL yyyy');

// Time-zone abbreviations are locale data: each English locale knows its own region's names
// (IST only in en-IN, BST only in en-GB). The first that has a name for the zone gives it.
const ZONE_NAME_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU'];

/**
 * The zone a moment is shown in, as people write it: "IST", "EST", "BST" where a common
 * abbreviation exists, otherwise the offset ("UTC+8", "UTC+5:45").
 */
export function zoneName(at: Date, timezone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  for (const locale of ZONE_NAME_LOCALES) {
    const name = local.setLocale(locale).toFormat('ZZZZ');
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  return local.offset === 0 ? 'UTC' : `UTC${local.toFormat('Z')}`;
}

/**
 * A moment for people, in a timezone (the tenant's) and naming it: "20 Nov 2026, 14:44 IST". A
 * zone the clock library does not know is shown in UTC, said so, rather than failing the page.
 */
export function formatMoment(at: Date, timezone: string): string {
  const zone = DateTime.fromJSDate(at, { zone: timezone }).isValid ? timezone : 'UTC';
  const time = DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
  return `${formatDate(todayIn(zone, at))}, ${time} ${zoneName(at, zone)}`;
}
