import { z } from 'zod';
import { calendarDateProblem, type IsoDate } from '../../../engine/dates.js';

/**
 * One published holiday list: a government's notification for one year, where it applies, and
 * what it declares. `state: null` is every item's (see ./index.ts for who counts which list).
 */
export interface HolidayCalendar {
  /** Two-letter state code the list applies to, or null for every item. */
  state: string | null;
  year: number;
  /** The notification or office memorandum, as the government numbered and dated it. */
  reference: string;
  /** Where the list was read (public copies of the notification). */
  urls: string[];
  holidays: { date: IsoDate; name: string }[];
}

/** A shipped holiday as stored: one row per date and place, carrying its source. */
export interface ShippedHoliday {
  date: IsoDate;
  state: string | null;
  name: string;
  source: string;
}

const calendarSchema = z.object({
  state: z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code').nullable(),
  year: z.number().int().min(2000).max(2100),
  reference: z.string().min(5),
  urls: z.array(z.url()).min(1),
  holidays: z.array(z.object({ date: z.string(), name: z.string().trim().min(2) })).min(1),
});

/**
 * Validates the shipped calendars as the masters are validated, on load: every date exists and
 * lies in its list's year, no place has the same day twice, every list names its source.
 * A bad list fails at start with what is wrong, never on a due date.
 */
export function shippedHolidaysOf(calendars: HolidayCalendar[]): ShippedHoliday[] {
  const seen = new Map<string, string>();
  const rows: ShippedHoliday[] = [];
  for (const calendar of calendars) {
    const where = `${calendar.state ?? 'central'} ${calendar.year}`;
    const parsed = calendarSchema.safeParse(calendar);
    if (!parsed.success) throw new Error(`Holiday list ${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const { date, name } of calendar.holidays) {
      const problem = calendarDateProblem(date);
      if (problem) throw new Error(`Holiday list ${where}, ${name}: ${problem}`);
      if (Number(date.slice(0, 4)) !== calendar.year) throw new Error(`Holiday list ${where}, ${name}: ${date} is not in ${calendar.year}`);
      const key = `${calendar.state ?? ''}|${date}`;
      const earlier = seen.get(key);
      if (earlier) throw new Error(`Holiday list ${where}: ${date} is listed twice (${earlier}; ${name}): give one entry naming both`);
      seen.set(key, name);
      rows.push({ date, state: calendar.state, name, source: `${calendar.reference} — ${calendar.urls.join(' ; ')}` });
    }
  }
  return rows;
}
