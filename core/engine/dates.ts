import { DateTime } from 'luxon';

/** A calendar date, 'YYYY-MM-DD'. Due dates are dates, not instants. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseIsoDate(value: string): DateTime {
  const d = ISO_DATE.test(value) ? DateTime.fromISO(value, { zone: 'utc' }) : DateTime.invalid('format');
  if (!d.isValid) throw new RangeError(`"${value}" is not a real date (expected YYYY-MM-DD)`);
  return d;
}

export const isValidIsoDate = (value: string): boolean => {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
};

export const toIso = (d: DateTime): IsoDate => d.toISODate()!;

// Day arithmetic runs once per instance in reminder sweeps over millions of rows: plain integer
// days since 1970 instead of date objects. Inputs are dates this program produced or validated.
const DAY_MS = 86_400_000;
const epochDay = (date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromEpochDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => fromEpochDay(epochDay(date) + days);
export const daysBetween = (from: IsoDate, to: IsoDate): number => epochDay(to) - epochDay(from);
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = (date: IsoDate): number => ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;

export const addMonths = (date: IsoDate, months: number): IsoDate => toIso(parseIsoDate(date).plus({ months }));
export const endOfMonth = (year: number, month: number): IsoDate =>
  toIso(DateTime.utc(year, month, 1).endOf('month'));

/** Day `day` (or the last day) of the given month; a day past the month's end means its last day. */
export function dayOfMonth(year: number, month: number, day: number | 'last'): IsoDate {
  const last = DateTime.utc(year, month, 1).daysInMonth!;
  return toIso(DateTime.utc(year, month, day === 'last' ? last : Math.min(day, last)));
}

/** Today's date in a timezone (the tenant's), for an instant. */
export const todayIn = (timezone: string, now: Date): IsoDate =>
  DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;

/** The local hour (0–23) in a timezone, for an instant. */
export const hourIn = (timezone: string, now: Date): number => DateTime.fromJSDate(now, { zone: timezone }).hour;

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** '2026-11-20' → '20 Nov 2026', for people. */
export const formatDate = (date: IsoDate): string => parseIsoDate(date).toFormat('d LLL yyyy');
