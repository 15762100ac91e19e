import { describe, expect, it } from '@jest/globals';
import { libraryHolidays } from '../../core/library/index.js';
import { shippedHolidaysOf, type HolidayCalendar } from '../../core/library/india/holidays/calendar.js';
import { libraryHolidayCalendars } from '../../core/library/india/holidays/index.js';

describe('shipped holiday calendars', () => {
  it('pin every published date, list by list', () => {
    const lists = libraryHolidayCalendars.map((c) => [`${c.state ?? 'central'} ${c.year}`, c.holidays.map((h) => h.date.slice(5)).join(' ')]);
    expect(lists).toEqual([
      // DoPT O.M. No. 12/2/2023-JCA (9 Jul 2024): https://cgstaffportal.in/2024/07/central-government-gazetted-holidays-in-2025/
      // (the 14 compulsory holidays, Gandhi Jayanti and Dussehra both on 2 Oct), and the 3 of Delhi offices.
      ['central 2025', '01-26 03-31 04-10 04-18 05-12 06-07 07-06 08-15 09-05 10-02 10-20 11-05 12-25'],
      ['DL 2025', '02-26 03-14 08-16'],
      // DoPT O.M. of 3 Jul 2025: https://www.sakshipost.com/news/national/central-government-holidays-2026-full-list-national-and-festival-holidays-426604
      ['central 2026', '01-26 03-21 03-31 04-03 05-01 05-27 06-26 08-15 08-26 10-02 10-20 11-08 11-24 12-25'],
      ['DL 2026', '03-04 03-26 09-04'],
      // Maharashtra GAD, 4 Dec 2024: https://www.sakshipost.com/news/national/maharashtra-public-holidays-2025check-maharashtra-state-government-holiday-list-2025
      ['MH 2025', '01-26 02-19 02-26 03-14 03-30 03-31 04-06 04-10 04-14 04-18 05-01 05-12 06-07 07-06 08-15 08-27 09-05 10-02 10-21 10-22 10-23 11-05 12-25'],
      // Maharashtra GAD, 9 Dec 2025: https://www.news9live.com/india/maharashtra-state-government-holiday-list-2026-check-public-holidays-calendar-for-new-year-here-2912229
      ['MH 2026', '01-26 02-15 02-19 03-03 03-19 03-21 03-26 03-31 04-03 04-14 05-01 05-28 06-26 08-15 08-26 09-14 10-02 10-20 11-08 11-10 11-11 11-24 12-25'],
      // Karnataka DPAR 2025: https://www.jnyanabhandar.in/2024/11/general-holiday-sanctioned-by.html
      ['KA 2025', '01-14 02-26 03-31 04-10 04-14 04-18 04-30 05-01 06-07 08-15 08-27 09-05 10-01 10-02 10-07 10-20 10-22 11-01 12-25'],
      // Karnataka DPAR 2026: https://hrinformative.com/karnataka-holidays-list-2026
      ['KA 2026', '01-26 03-19 03-21 03-31 04-03 04-14 04-20 05-01 05-28 06-26 08-15 08-26 09-14 10-02 10-20 10-21 11-10 11-27 12-25'],
      // Tamil Nadu G.O. of 22 Nov 2024 (1 April, banks only, left out): https://www.dtnext.in/news/tamilnadu/tamil-nadu-govt-releases-list-of-holidays-for-2025-six-long-weekends-upcoming-812144
      ['TN 2025', '01-01 01-14 01-15 01-16 01-26 02-11 03-30 03-31 04-10 04-14 04-18 05-01 06-07 07-06 08-15 08-16 08-27 09-05 10-01 10-02 10-20 12-25'],
      // Tamil Nadu G.O. of 11 Nov 2025: https://www.thenewsminute.com/tamil-nadu/tamil-nadu-govt-issues-2026-public-holiday-list-with-24-declared-holidays
      ['TN 2026', '01-01 01-15 01-16 01-17 01-26 02-01 03-19 03-21 03-31 04-03 04-14 05-01 05-28 06-26 08-15 08-26 09-04 09-14 10-02 10-19 10-20 11-08 12-25'],
      // Telangana GAD, general holidays 2025: https://www.sakshipost.com/news/telangana/telangana-public-holidays-2025-complete-list-359848
      ['TG 2025', '01-01 01-13 01-14 01-26 02-26 03-14 03-30 03-31 04-01 04-05 04-06 04-14 04-18 06-07 07-06 07-21 08-15 08-16 08-27 09-05 09-21 10-02 10-03 10-20 11-05 12-25 12-26'],
      // Telangana GAD, 8 Dec 2025: https://www.siasat.com/list-of-general-optional-holidays-in-telangana-for-2026-3310481/
      ['TG 2026', '01-14 01-15 01-26 02-15 03-03 03-19 03-21 03-22 03-27 04-03 04-05 04-14 05-27 06-26 08-10 08-15 08-26 09-04 09-14 10-02 10-18 10-20 10-21 11-08 11-24 12-25 12-26'],
      // Andhra Pradesh GAD, 4 Dec 2025: https://www.indiaherald.com/Politics/Read/994865975/2026-PRABUTVA-SELAULAU-EAVE-UTHAYRULU-JARICHESINA-AP-PRABUTVAM
      ['AP 2026', '01-14 01-15 01-16 01-26 02-15 03-03 03-19 03-20 03-27 04-03 04-05 04-14 05-27 06-25 08-15 08-21 08-25 09-04 09-14 10-02 10-18 10-20 11-08 12-25'],
    ]);
    expect(libraryHolidays.every((h) => /https?:\/\//.test(h.source) && h.source.length > 20)).toBe(true);
  });

  const list = (holidays: HolidayCalendar['holidays'], extra: Partial<HolidayCalendar> = {}): HolidayCalendar[] => [
    { state: 'MH', year: 2026, reference: 'GAD notification', urls: ['https://example.org/n'], holidays, ...extra },
  ];

  it('refuses a day that does not exist, a day outside the list’s year, a day listed twice, and a list without its source', () => {
    expect(() => shippedHolidaysOf(list([{ date: '2026-02-30', name: 'Nope' }])))
      .toThrow('Holiday list MH 2026, Nope: 2026-02-30 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.');
    expect(() => shippedHolidaysOf(list([{ date: '2027-01-26', name: 'Republic Day' }]))).toThrow('Holiday list MH 2026, Republic Day: 2027-01-26 is not in 2026');
    expect(() => shippedHolidaysOf(list([{ date: '2026-05-01', name: 'Maharashtra Din' }, { date: '2026-05-01', name: 'Buddha Pournima' }])))
      .toThrow('Holiday list MH 2026: 2026-05-01 is listed twice (Maharashtra Din; Buddha Pournima): give one entry naming both');
    expect(() => shippedHolidaysOf(list([{ date: '2026-05-01', name: 'Maharashtra Din' }], { urls: [] }))).toThrow(/Holiday list MH 2026: urls/);
    expect(() => shippedHolidaysOf(list([{ date: '2026-05-01', name: ' ' }]))).toThrow(/Holiday list MH 2026: holidays\.0\.name/);
  });

  it('keeps one entry per day and place: the same day may be a central and a state holiday', () => {
    const rows = shippedHolidaysOf([...list([{ date: '2026-08-15', name: 'Independence Day' }]), ...list([{ date: '2026-08-15', name: 'Independence Day' }], { state: null })]);
    expect(rows.map((r) => [r.date, r.state])).toEqual([['2026-08-15', 'MH'], ['2026-08-15', null]]);
    expect(rows[0]!.source).toBe('GAD notification — https://example.org/n');
  });
});
