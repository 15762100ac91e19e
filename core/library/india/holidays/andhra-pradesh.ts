import type { HolidayCalendar } from './calendar.js';

/*
 * Andhra Pradesh's general holidays, ordered each year by the General Administration Department
 * for State Government offices (which also close on Sundays and second Saturdays). Optional
 * holidays are each employee's choice, not office closures: not shipped. 2026 is read from copies
 * of the order in Telugu (names translated here); 2025 and 2027: not found.
 */
export const andhraPradeshHolidays: HolidayCalendar[] = [
  {
    state: 'AP', year: 2026,
    reference: 'Government of Andhra Pradesh, General Administration Department order and notification of 4 December 2025 (general holidays 2026)',
    urls: [
      'https://www.indiaherald.com/Politics/Read/994865975/2026-PRABUTVA-SELAULAU-EAVE-UTHAYRULU-JARICHESINA-AP-PRABUTVAM',
      'https://tv9telugu.com/andhra-pradesh/andhra-pradesh-govt-releases-public-holidays-2026-list-check-here-general-and-optional-holidays-1691713.html/amp',
    ],
    holidays: [
      { date: '2026-01-14', name: 'Bhogi' },
      { date: '2026-01-15', name: 'Makara Sankranti' },
      { date: '2026-01-16', name: 'Kanuma' },
      { date: '2026-01-26', name: 'Republic Day' },
      { date: '2026-02-15', name: 'Maha Shivaratri' },
      { date: '2026-03-03', name: 'Holi' },
      { date: '2026-03-19', name: 'Ugadi' },
      { date: '2026-03-20', name: 'Eid-ul-Fitr (Ramzan)' },
      { date: '2026-03-27', name: 'Sri Rama Navami' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-05', name: 'Babu Jagjivan Ram Jayanti' },
      { date: '2026-04-14', name: 'Dr. B. R. Ambedkar Jayanti' },
      { date: '2026-05-27', name: 'Bakrid' },
      { date: '2026-06-25', name: 'Muharram' },
      { date: '2026-08-15', name: 'Independence Day' },
      { date: '2026-08-21', name: 'Varalakshmi Vratham' },
      { date: '2026-08-25', name: 'Milad-un-Nabi' },
      { date: '2026-09-04', name: 'Sri Krishna Ashtami' },
      { date: '2026-09-14', name: 'Vinayaka Chavithi' },
      { date: '2026-10-02', name: 'Gandhi Jayanti' },
      { date: '2026-10-18', name: 'Durgashtami' },
      { date: '2026-10-20', name: 'Vijayadasami' },
      { date: '2026-11-08', name: 'Deepavali' },
      { date: '2026-12-25', name: 'Christmas' },
    ],
  },
];
