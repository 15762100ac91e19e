import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { addMonths, calendarDateProblem, dayOfMonth, endOfMonth, parseIsoDate, parseTimestamp } from '../../core/engine/dates.js';

describe('calendarDateProblem (the one check of a typed date)', () => {
  it('says which month is too short, and how long it is, for a day past its end', () => {
    expect(calendarDateProblem('2026-02-30')).toBe('2026-02-30 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.');
    expect(calendarDateProblem('2026-02-29')).toBe('2026-02-29 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.');
    expect(calendarDateProblem('2026-04-31')).toBe('2026-04-31 is not a date in the calendar (April 2026 has 30 days). Use YYYY-MM-DD.');
    expect(calendarDateProblem('2026-01-00')).toBe('2026-01-00 is not a date in the calendar (January 2026 has 31 days). Use YYYY-MM-DD.');
    expect(calendarDateProblem('2026-13-01')).toBe('2026-13-01 is not a date in the calendar (a month is 01 to 12). Use YYYY-MM-DD.');
  });

  it('accepts every real day, 29 February of a leap year included', () => {
    for (const date of ['2028-02-29', '2026-02-28', '2026-12-31', '2026-04-30', '2000-02-29']) expect(calendarDateProblem(date)).toBeUndefined();
  });

  it('refuses other spellings (and an empty field) with the format to use', () => {
    expect(calendarDateProblem('30/09/2026')).toBe('"30/09/2026" is not a date: use YYYY-MM-DD (e.g. 2026-09-30).');
    for (const text of ['2026-9-30', '2026-09-30T00:00:00.000Z', ' 2026-09-30', '20260930']) expect(calendarDateProblem(text)).toMatch(/is not a date: use YYYY-MM-DD/);
    expect(calendarDateProblem('')).toBe('no date given: use YYYY-MM-DD (e.g. 2026-09-30).');
  });

  it('is what parseIsoDate throws: the engine never rolls a date over either', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow('2026-02-30 is not a date in the calendar (February 2026 has 28 days).');
    expect(parseIsoDate('2028-02-29').toISODate()).toBe('2028-02-29');
  });
});

describe('parseTimestamp (remind --as-of)', () => {
  it('reads a moment with its offset', () => {
    expect(parseTimestamp('2026-11-27T10:00:00+05:30').toISOString()).toBe('2026-11-27T04:30:00.000Z');
    expect(parseTimestamp('2026-11-27T04:30Z').toISOString()).toBe('2026-11-27T04:30:00.000Z');
  });

  it('refuses a day that does not exist instead of moving to March', () => {
    expect(() => parseTimestamp('2026-02-30T10:00:00+05:30')).toThrow(
      '2026-02-30 is not a date in the calendar (February 2026 has 28 days). For a moment, use an ISO timestamp with its offset, e.g. 2026-11-27T10:00:00+05:30 (or …Z for UTC).');
  });

  it('refuses an hour that does not exist, a missing offset and plain words', () => {
    expect(() => parseTimestamp('2026-11-27T24:30:00+05:30')).toThrow('2026-11-27T24:30:00+05:30 is not a time of day');
    expect(() => parseTimestamp('2026-11-27T10:00:00')).toThrow('"2026-11-27T10:00:00" is not a timestamp: use an ISO timestamp with its offset');
    expect(() => parseTimestamp('2026-11-27')).toThrow('is not a timestamp');
    expect(() => parseTimestamp('tomorrow')).toThrow('"tomorrow" is not a timestamp');
  });
});

describe('month arithmetic (integers, no date objects)', () => {
  it('agrees with luxon day by day over four years: months added clamp to the month end, leap Februaries included', () => {
    const mismatches: string[] = [];
    for (let day = DateTime.utc(2023, 1, 1); day < DateTime.utc(2027, 1, 1); day = day.plus({ days: 1 })) {
      const iso = day.toISODate()!;
      for (const months of [-13, -1, 0, 1, 2, 3, 6, 11, 12, 25]) {
        const expected = day.plus({ months }).toISODate();
        if (addMonths(iso, months) !== expected) mismatches.push(`${iso} + ${months}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect([endOfMonth(2028, 2), endOfMonth(2026, 2), endOfMonth(2026, 12), dayOfMonth(2026, 4, 31), dayOfMonth(2026, 11, 'last'), dayOfMonth(2026, 11, 7)])
      .toEqual(['2028-02-29', '2026-02-28', '2026-12-31', '2026-04-30', '2026-11-30', '2026-11-07']);
  });

  it('refuses a date that does not exist, as before', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow('February 2026 has 28 days');
  });
});
