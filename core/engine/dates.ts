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
export const addDays = (date: IsoDate, days: number): IsoDate => toIso(parseIsoDate(date).plus({ days }));
export const addMonths = (date: IsoDate, months: number): IsoDate => toIso(parseIsoDate(date).plus({ months }));
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round(parseIsoDate(to).diff(parseIsoDate(from), 'days').days);
export const endOfMonth = (year: number, month: number): IsoDate =>
  toIso(DateTime.utc(year, month, 1).endOf('month'));
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = (date: IsoDate): number => parseIsoDate(date).weekday;

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

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** '2026-11-20' → '20 Nov 2026', for people. */
export const formatDate = (date: IsoDate): string => parseIsoDate(date).toFormat('d LLL yyyy');
