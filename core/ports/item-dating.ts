import type { IsoDate } from '../engine/dates.js';
import type { GenerationWindow } from '../engine/schedule.js';

/** An open item whose due date follows a changed rule, extension or holiday. */
export interface DateChange {
  instanceId: string;
  masterId: string;
  periodKey: string;
  ownerUserId: string | null;
  oldDueDate: IsoDate;
  newDueDate: IsoDate;
  statutoryDueDate: IsoDate;
  extendedDueDate: IsoDate | null;
  extensionReference: string | null;
}

/** How far ahead a tenant's items are generated, and from when it tracks them. */
export interface GenerationSettings {
  horizonMonths: number;
  trackingStartDate: IsoDate | null;
}

/**
 * A tenant's dated items as a whole: creating a horizon of them and bringing open ones in line
 * with the rules. Each is one set-based statement in the adapter, however many items it touches.
 */
export interface ItemDating {
  generationSettings(): Promise<GenerationSettings>;
  /**
   * Creates the window's items for every active assignment; items that exist are left alone.
   * `overdue`: how many of those created are due before `today` (late on the day they appear).
   */
  generate(window: GenerationWindow, today: IsoDate): Promise<{ created: number; overdue: number; scheduleRows: number }>;
  /** Items due before this day are not generated (null: from the start of the financial year). */
  setTrackingStart(day: IsoDate): Promise<void>;
  /**
   * The open items (of these masters, or all) whose dates no longer match the current rules,
   * extensions and holidays: listed (`preview`), or re-dated (`apply`). Closed items keep their dates.
   */
  redateOpen(scope: { masterIds?: string[] }, mode: 'preview' | 'apply'): Promise<DateChange[]>;
  /**
   * A registration that is its entity's only active one of its kind takes over the entity's own
   * items (registration null) of masters owed per that kind, whatever their status, so the
   * periods it already covered are not made again for it. Returns the items it took.
   */
  adoptEntityItems(registrationId: string): Promise<string[]>;
}
