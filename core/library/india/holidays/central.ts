import type { HolidayCalendar } from './calendar.js';

/*
 * The Department of Personnel and Training's yearly office memorandum lists the holidays of
 * Central Government administrative offices. Its para 2 names 14 compulsory holidays that every
 * central office in India closes on; offices in Delhi/New Delhi close on 3 more chosen by DoPT,
 * offices elsewhere on 3 chosen by the State's coordination committee. So the 14 count for every
 * item (state null) and the Delhi 3 only in Delhi (DL); each State's own closures come from its
 * list (./<state>.ts). The 2027 memorandum was not found in the sources read: not shipped.
 */
const OM_2025 = 'DoPT O.M. No. 12/2/2023-JCA dated 9 July 2024 (holidays in Central Government offices during 2025)';
const URLS_2025 = [
  'https://cgstaffportal.in/2024/07/central-government-gazetted-holidays-in-2025/',
  'https://potoolsblog.in/2024/10/holidays-2025-for-central-government.html',
  'http://www.isid.ac.in/holiday.html',
];
const OM_2026 = 'DoPT O.M. dated 3 July 2025 (holidays in Central Government offices during 2026)';
const URLS_2026 = [
  'https://www.sakshipost.com/news/national/central-government-holidays-2026-full-list-national-and-festival-holidays-426604',
  'https://employeesjunction.blogspot.com/2025_12_21_archive.html',
];

export const centralHolidays: HolidayCalendar[] = [
  {
    state: null, year: 2025, reference: `${OM_2025}, para 2 (compulsory everywhere)`, urls: URLS_2025,
    holidays: [
      { date: '2025-01-26', name: 'Republic Day' },
      { date: '2025-03-31', name: 'Id-ul-Fitr' },
      { date: '2025-04-10', name: 'Mahavir Jayanti' },
      { date: '2025-04-18', name: 'Good Friday' },
      { date: '2025-05-12', name: 'Buddha Purnima' },
      { date: '2025-06-07', name: 'Id-ul-Zuha (Bakrid)' },
      { date: '2025-07-06', name: 'Muharram' },
      { date: '2025-08-15', name: 'Independence Day' },
      { date: '2025-09-05', name: 'Milad-un-Nabi (Id-e-Milad)' },
      { date: '2025-10-02', name: "Mahatma Gandhi's Birthday; Dussehra" },
      { date: '2025-10-20', name: 'Diwali (Deepavali)' },
      { date: '2025-11-05', name: "Guru Nanak's Birthday" },
      { date: '2025-12-25', name: 'Christmas Day' },
    ],
  },
  {
    state: 'DL', year: 2025, reference: `${OM_2025}, Annexure I (the 3 further holidays of offices in Delhi/New Delhi)`, urls: URLS_2025,
    holidays: [
      { date: '2025-02-26', name: 'Maha Shivaratri' },
      { date: '2025-03-14', name: 'Holi' },
      { date: '2025-08-16', name: 'Janmashtami' },
    ],
  },
  {
    state: null, year: 2026, reference: `${OM_2026}, para 2 (compulsory everywhere)`, urls: URLS_2026,
    holidays: [
      { date: '2026-01-26', name: 'Republic Day' },
      { date: '2026-03-21', name: 'Id-ul-Fitr' },
      { date: '2026-03-31', name: 'Mahavir Jayanti' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-05-01', name: 'Buddha Purnima' },
      { date: '2026-05-27', name: 'Id-ul-Zuha (Bakrid)' },
      { date: '2026-06-26', name: 'Muharram' },
      { date: '2026-08-15', name: 'Independence Day' },
      { date: '2026-08-26', name: 'Milad-un-Nabi (Id-e-Milad)' },
      { date: '2026-10-02', name: "Mahatma Gandhi's Birthday" },
      { date: '2026-10-20', name: 'Dussehra' },
      { date: '2026-11-08', name: 'Diwali (Deepavali)' },
      { date: '2026-11-24', name: "Guru Nanak's Birthday" },
      { date: '2026-12-25', name: 'Christmas Day' },
    ],
  },
  {
    state: 'DL', year: 2026, reference: `${OM_2026}, Annexure I (the 3 further holidays of offices in Delhi/New Delhi)`, urls: URLS_2026,
    holidays: [
      { date: '2026-03-04', name: 'Holi' },
      { date: '2026-03-26', name: 'Ram Navami' },
      { date: '2026-09-04', name: 'Janmashtami' },
    ],
  },
];
