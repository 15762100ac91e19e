import type { HolidayCalendar } from './calendar.js';

/*
 * Maharashtra's public holidays, declared each year by the General Administration Department
 * under s.25 of the Negotiable Instruments Act, 1881 (so banks close too). Bhaubeej is the
 * additional holiday of State Government offices (where profession tax is paid and filed). The
 * banks-only 1 April closing holiday is not an office closure: not shipped. 2027: not found.
 */
export const maharashtraHolidays: HolidayCalendar[] = [
  {
    state: 'MH', year: 2025,
    reference: 'Government of Maharashtra, GAD notification dated 4 December 2024 (public holidays 2025, s.25 NI Act)',
    urls: [
      'https://www.sakshipost.com/news/national/maharashtra-public-holidays-2025check-maharashtra-state-government-holiday-list-2025',
      'https://www.republicworld.com/india/maharashtra-government-announces-public-holidays-for-2025',
    ],
    holidays: [
      { date: '2025-01-26', name: 'Republic Day' },
      { date: '2025-02-19', name: 'Chhatrapati Shivaji Maharaj Jayanti' },
      { date: '2025-02-26', name: 'Mahashivratri' },
      { date: '2025-03-14', name: 'Holi (Second Day)' },
      { date: '2025-03-30', name: 'Gudhi Padwa' },
      { date: '2025-03-31', name: 'Ramzan-Id (Id-ul-Fitr)' },
      { date: '2025-04-06', name: 'Ram Navami' },
      { date: '2025-04-10', name: 'Mahavir Janmakalyanak' },
      { date: '2025-04-14', name: 'Dr. Babasaheb Ambedkar Jayanti' },
      { date: '2025-04-18', name: 'Good Friday' },
      { date: '2025-05-01', name: 'Maharashtra Din' },
      { date: '2025-05-12', name: 'Buddha Pournima' },
      { date: '2025-06-07', name: 'Bakri Id (Id-uz-Zuha)' },
      { date: '2025-07-06', name: 'Muharram' },
      { date: '2025-08-15', name: 'Independence Day; Parsi New Year (Shahenshahi)' },
      { date: '2025-08-27', name: 'Ganesh Chaturthi' },
      { date: '2025-09-05', name: 'Id-e-Milad' },
      { date: '2025-10-02', name: 'Mahatma Gandhi Jayanti; Dasara' },
      { date: '2025-10-21', name: 'Diwali Amavasya (Laxmi Pujan)' },
      { date: '2025-10-22', name: 'Diwali (Bali Pratipada)' },
      { date: '2025-10-23', name: 'Bhaubeej (State Government offices)' },
      { date: '2025-11-05', name: 'Guru Nanak Jayanti' },
      { date: '2025-12-25', name: 'Christmas' },
    ],
  },
  {
    state: 'MH', year: 2026,
    reference: 'Government of Maharashtra, GAD notification dated 9 December 2025 (public holidays 2026, s.25 NI Act)',
    urls: [
      'https://www.news9live.com/india/maharashtra-state-government-holiday-list-2026-check-public-holidays-calendar-for-new-year-here-2912229',
      'https://www.lokmattimes.com/maharashtra/public-holidays-2026-in-maharashtra-govt-declares-list-of-24-paid-leaves-adds-extra-holiday-on-bhaubeej-a517/',
    ],
    holidays: [
      { date: '2026-01-26', name: 'Republic Day' },
      { date: '2026-02-15', name: 'Mahashivratri' },
      { date: '2026-02-19', name: 'Chhatrapati Shivaji Maharaj Jayanti' },
      { date: '2026-03-03', name: 'Holi (Second Day)' },
      { date: '2026-03-19', name: 'Gudhi Padwa' },
      { date: '2026-03-21', name: 'Ramzan-Id (Id-ul-Fitr)' },
      { date: '2026-03-26', name: 'Ram Navami' },
      { date: '2026-03-31', name: 'Mahavir Janmakalyanak' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-14', name: 'Dr. Babasaheb Ambedkar Jayanti' },
      { date: '2026-05-01', name: 'Maharashtra Din; Buddha Pournima' },
      { date: '2026-05-28', name: 'Bakri Id (Id-uz-Zuha)' },
      { date: '2026-06-26', name: 'Muharram' },
      { date: '2026-08-15', name: 'Independence Day; Parsi New Year (Shahenshahi)' },
      { date: '2026-08-26', name: 'Id-e-Milad' },
      { date: '2026-09-14', name: 'Ganesh Chaturthi' },
      { date: '2026-10-02', name: 'Mahatma Gandhi Jayanti' },
      { date: '2026-10-20', name: 'Dasara' },
      { date: '2026-11-08', name: 'Diwali Amavasya (Laxmi Pujan)' },
      { date: '2026-11-10', name: 'Diwali (Bali Pratipada)' },
      { date: '2026-11-11', name: 'Bhaubeej (State Government offices)' },
      { date: '2026-11-24', name: 'Guru Nanak Jayanti' },
      { date: '2026-12-25', name: 'Christmas' },
    ],
  },
];
