import type { HolidayCalendar } from './calendar.js';

/*
 * Tamil Nadu's public holidays, declared each year by Government Order under s.25 of the
 * Negotiable Instruments Act, 1881, for State Government offices, its undertakings and boards, and
 * commercial and co-operative banks. The order also lists 1 April (annual closing of accounts)
 * for banks only: not an office closure, so not shipped (as for Maharashtra). Days the order lists
 * on a Saturday or Sunday are kept as listed. 2027: not found.
 */
export const tamilNaduHolidays: HolidayCalendar[] = [
  {
    state: 'TN', year: 2025,
    reference: 'Government of Tamil Nadu, G.O. and notification issued 22 November 2024 by the Chief Secretary (public holidays 2025, s.25 NI Act)',
    urls: [
      'https://www.dtnext.in/news/tamilnadu/tamil-nadu-govt-releases-list-of-holidays-for-2025-six-long-weekends-upcoming-812144',
      'https://www.sakshipost.com/news/national/tamil-nadu-public-holidays-2025-complete-list-364480',
      'https://www.newindianexpress.com/states/tamil-nadu/2024/Nov/22/tamil-nadu-declares-24-public-holidays-for-2025',
    ],
    holidays: [
      { date: '2025-01-01', name: "New Year's Day" },
      { date: '2025-01-14', name: 'Pongal' },
      { date: '2025-01-15', name: 'Thiruvalluvar Day' },
      { date: '2025-01-16', name: 'Uzhavar Thirunal' },
      { date: '2025-01-26', name: 'Republic Day' },
      { date: '2025-02-11', name: 'Thai Poosam' },
      { date: '2025-03-30', name: "Telugu New Year's Day" },
      { date: '2025-03-31', name: "Ramzan (Idu'l Fitr)" },
      { date: '2025-04-10', name: 'Mahaveer Jayanthi' },
      { date: '2025-04-14', name: "Tamil New Year's Day; Dr. B. R. Ambedkar's Birthday" },
      { date: '2025-04-18', name: 'Good Friday' },
      { date: '2025-05-01', name: 'May Day' },
      { date: '2025-06-07', name: 'Bakrid (Idul Azha)' },
      { date: '2025-07-06', name: 'Muharram' },
      { date: '2025-08-15', name: 'Independence Day' },
      { date: '2025-08-16', name: 'Krishna Jayanthi' },
      { date: '2025-08-27', name: 'Vinayakar Chathurthi' },
      { date: '2025-09-05', name: 'Milad-un-Nabi' },
      { date: '2025-10-01', name: 'Ayutha Pooja' },
      { date: '2025-10-02', name: 'Gandhi Jayanthi; Vijaya Dasami' },
      { date: '2025-10-20', name: 'Deepavali' },
      { date: '2025-12-25', name: 'Christmas' },
    ],
  },
  {
    state: 'TN', year: 2026,
    reference: 'Government of Tamil Nadu, G.O. and notification issued 11 November 2025 (public holidays 2026, s.25 NI Act)',
    urls: [
      'https://www.thenewsminute.com/tamil-nadu/tamil-nadu-govt-issues-2026-public-holiday-list-with-24-declared-holidays',
      'https://www.newindianexpress.com/states/tamil-nadu/2025/Nov/13/tamil-nadu-govt-announces-24-public-holidays-for-2026',
    ],
    holidays: [
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-01-15', name: 'Pongal' },
      { date: '2026-01-16', name: 'Thiruvalluvar Day' },
      { date: '2026-01-17', name: 'Uzhavar Thirunal' },
      { date: '2026-01-26', name: 'Republic Day' },
      { date: '2026-02-01', name: 'Thai Poosam' },
      { date: '2026-03-19', name: "Telugu New Year's Day" },
      { date: '2026-03-21', name: 'Ramzan' },
      { date: '2026-03-31', name: 'Mahaveer Jayanthi' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-14', name: "Tamil New Year's Day; Dr. B. R. Ambedkar's Birthday" },
      { date: '2026-05-01', name: 'May Day' },
      { date: '2026-05-28', name: 'Bakrid' },
      { date: '2026-06-26', name: 'Muharram' },
      { date: '2026-08-15', name: 'Independence Day' },
      { date: '2026-08-26', name: 'Milad-un-Nabi' },
      { date: '2026-09-04', name: 'Krishna Jayanthi' },
      { date: '2026-09-14', name: 'Vinayagar Chathurthi' },
      { date: '2026-10-02', name: 'Gandhi Jayanthi' },
      { date: '2026-10-19', name: 'Ayudha Poojai' },
      { date: '2026-10-20', name: 'Vijayadasami' },
      { date: '2026-11-08', name: 'Deepavali' },
      { date: '2026-12-25', name: 'Christmas' },
    ],
  },
];
