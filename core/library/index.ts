import { extensionSchema, masterSchema, type Extension, type Master } from '../engine/master.js';
import { libraryExtensions } from './india/extensions.js';
import { libraryHolidayCalendars } from './india/holidays/index.js';
import { shippedHolidaysOf } from './india/holidays/calendar.js';
import type { ShippedHoliday } from './india/holidays/index.js';
import { gstMasters } from './india/gst.js';
import { incomeTaxMasters } from './india/income-tax.js';
import { labourMasters } from './india/labour.js';
import { rocMasters } from './india/roc.js';

/**
 * The shipped statutory library for an Indian private limited company group (and LLPs),
 * validated on load: a malformed entry fails at start, not on a due date.
 */
export const libraryMasters: Master[] = [...gstMasters, ...incomeTaxMasters, ...labourMasters, ...rocMasters].map((m) =>
  masterSchema.parse(m),
);

export const libraryExtensionList: Extension[] = libraryExtensions.map((e) => {
  const parsed = extensionSchema.parse(e);
  if (!libraryMasters.some((m) => m.code === parsed.code)) throw new Error(`Extension for unknown code ${parsed.code}`);
  return parsed;
});

const codes = libraryMasters.map((m) => m.code);
const duplicate = codes.find((code, i) => codes.indexOf(code) !== i);
if (duplicate) throw new Error(`Duplicate library code ${duplicate}`);

/** The published holiday lists, one row per date and place, each carrying its source. */
export const libraryHolidays: ShippedHoliday[] = shippedHolidaysOf(libraryHolidayCalendars);

/** The library as it ships with this release, for a sync. */
export const shippedLibrary = { masters: libraryMasters, extensions: libraryExtensionList, holidays: libraryHolidays };

export const libraryMaster = (code: string): Master | undefined => libraryMasters.find((m) => m.code === code);
