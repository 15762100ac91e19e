import type { HolidayCalendar } from './calendar.js';
import { andhraPradeshHolidays } from './andhra-pradesh.js';
import { centralHolidays } from './central.js';
import { karnatakaHolidays } from './karnataka.js';
import { maharashtraHolidays } from './maharashtra.js';
import { tamilNaduHolidays } from './tamil-nadu.js';
import { telanganaHolidays } from './telangana.js';

export type { HolidayCalendar, ShippedHoliday } from './calendar.js';

/**
 * Who counts which list, for masters whose holiday policy is "next working day":
 * - the central compulsory holidays (state null) count for every item: the income-tax, EPFO and
 *   ESIC offices are central offices closed on them everywhere, and CBDT Circulars 639 (1992,
 *   returns) and 676 (1994, advance tax) apply General Clauses Act s.10 — a thing due on a day
 *   the office (or receiving bank) is closed is in time on the next day it is open;
 * - a State's list counts for items whose place is in that State: its banks close under its
 *   s.25 NI Act notification and its State offices (profession tax) close too.
 * GST dates are fixed (no shifting rule in the CGST Act; CBIC extends by notification instead),
 * so the GST masters' policy is "none" and no holiday touches them.
 */
export const libraryHolidayCalendars: HolidayCalendar[] = [
  ...centralHolidays, ...maharashtraHolidays, ...karnatakaHolidays, ...tamilNaduHolidays, ...telanganaHolidays, ...andhraPradeshHolidays,
];
