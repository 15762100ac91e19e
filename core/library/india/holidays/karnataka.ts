import type { HolidayCalendar } from './calendar.js';

/*
 * Karnataka's general holidays, notified each year by the Department of Personnel and
 * Administrative Reforms (DPAR) for State Government offices (banks follow). The notification
 * leaves out holidays that fall on a Sunday or a second Saturday (e.g. Ugadi and Republic Day in
 * 2025), which are not working days anyway. Kodagu's district-only local holidays are not shipped.
 * 2026's Makara Sankranti is left out: copies disagree (14 or 15 January). 2027: not found.
 */
export const karnatakaHolidays: HolidayCalendar[] = [
  {
    state: 'KA', year: 2025,
    reference: 'Government of Karnataka, DPAR notification published 21 November 2024 (general holidays 2025)',
    urls: [
      'https://www.kannadaprabha.in/karnataka-news/bengaluru-news/the-state-government-has-approved-a-list-of-19-public-holidays-for-the-year-2025/articleshow-ez1ruz1',
      'https://www.jnyanabhandar.in/2024/11/general-holiday-sanctioned-by.html',
      'https://www.sakshipost.com/news/national/2025-holidays-calendar-karnataka-government-announces-full-list-holidays-349997',
    ],
    holidays: [
      { date: '2025-01-14', name: 'Uttarayana Punyakala, Makara Sankranti' },
      { date: '2025-02-26', name: 'Maha Shivaratri' },
      { date: '2025-03-31', name: 'Khutub-e-Ramzan' },
      { date: '2025-04-10', name: 'Mahaveera Jayanthi' },
      { date: '2025-04-14', name: 'Dr. B. R. Ambedkar Jayanthi' },
      { date: '2025-04-18', name: 'Good Friday' },
      { date: '2025-04-30', name: 'Basava Jayanthi, Akshaya Tritiya' },
      { date: '2025-05-01', name: 'May Day' },
      { date: '2025-06-07', name: 'Bakrid' },
      { date: '2025-08-15', name: 'Independence Day' },
      { date: '2025-08-27', name: 'Varasiddhi Vinayaka Vrata' },
      { date: '2025-09-05', name: 'Eid Milad' },
      { date: '2025-10-01', name: 'Mahanavami, Ayudha Puja' },
      { date: '2025-10-02', name: 'Gandhi Jayanthi; Vijayadashami' },
      { date: '2025-10-07', name: 'Maharshi Valmiki Jayanthi' },
      { date: '2025-10-20', name: 'Naraka Chaturdashi' },
      { date: '2025-10-22', name: 'Balipadyami, Deepavali' },
      { date: '2025-11-01', name: 'Kannada Rajyotsava' },
      { date: '2025-12-25', name: 'Christmas' },
    ],
  },
  {
    state: 'KA', year: 2026,
    reference: 'Government of Karnataka, DPAR notification (general holidays 2026)',
    urls: [
      'https://hrinformative.com/karnataka-holidays-list-2026',
      'https://www.postalstudy.in/2025/12/kannada-calendar-2026-download.html',
      'https://www.ndtvprofit.com/trending/karnataka-public-holidays-2026-list-ugadi-to-basava-jayanti-check-full-calendar',
    ],
    holidays: [
      { date: '2026-01-26', name: 'Republic Day' },
      { date: '2026-03-19', name: 'Ugadi' },
      { date: '2026-03-21', name: 'Khutub-e-Ramzan' },
      { date: '2026-03-31', name: 'Mahaveera Jayanthi' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-14', name: 'Dr. B. R. Ambedkar Jayanthi' },
      { date: '2026-04-20', name: 'Basava Jayanthi, Akshaya Tritiya' },
      { date: '2026-05-01', name: 'May Day' },
      { date: '2026-05-28', name: 'Bakrid' },
      { date: '2026-06-26', name: 'Last day of Moharam' },
      { date: '2026-08-15', name: 'Independence Day' },
      { date: '2026-08-26', name: 'Eid Milad' },
      { date: '2026-09-14', name: 'Varasiddhi Vinayaka Vrata' },
      { date: '2026-10-02', name: 'Gandhi Jayanthi' },
      { date: '2026-10-20', name: 'Mahanavami, Ayudha Puja' },
      { date: '2026-10-21', name: 'Vijayadashami' },
      { date: '2026-11-10', name: 'Balipadyami, Deepavali' },
      { date: '2026-11-27', name: 'Kanakadasa Jayanthi' },
      { date: '2026-12-25', name: 'Christmas' },
    ],
  },
];
