import type { Extension, Master } from '../engine/master.js';
import type { ShippedHoliday } from '../library/india/holidays/index.js';

export interface LibrarySyncResult {
  masters: { inserted: string[]; updated: string[]; unchanged: number };
  extensions: { inserted: number; updated: number; removed: number; unchanged: number };
  /** Masters whose rules or extensions changed: their open items need new dates. */
  changedMasterIds: string[];
}

export interface HolidaySyncResult {
  /** Days added to or removed from the shipped lists: "next working day" items may move. */
  inserted: number;
  removed: number;
  /** Same day and place, new name or source: no date moves. */
  renamed: number;
  unchanged: number;
}

/** The shared statutory library, for every tenant at once (platform level). */
export interface LibraryStore {
  /** Upserts masters by code; makes the shipped extensions and fee waivers exactly the given ones (by code, period, kind and place); identical ones are left alone. */
  sync(masters: Master[], extensions: Extension[]): Promise<LibrarySyncResult>;
  /**
   * Makes the shared holidays (no tenant) exactly the shipped ones, by day and place: new ones
   * added, renamed ones updated, ones no longer shipped removed, identical ones left alone.
   */
  syncHolidays(holidays: ShippedHoliday[]): Promise<HolidaySyncResult>;
}
