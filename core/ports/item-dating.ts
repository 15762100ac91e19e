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

/** At most this many of a person's new items are listed by id (the nearest due); the rest are counted. */
export const NEW_WORK_LISTED = 10;

/** What one person got from a generation run: the new items they prepare, approve or both. */
export interface NewWork {
  userId: string;
  count: number;
  nearestDue: IsoDate;
  /** Up to NEW_WORK_LISTED of them, nearest due first. */
  items: { instanceId: string; as: 'owner' | 'approver' | 'both' }[];
}

/** What a generation run made: how many items, from how many schedule rows, and for whom. */
export interface GenerationOutcome {
  created: number;
  /** How many of those created are already overdue (due before the day of the run). */
  overdue: number;
  scheduleRows: number;
  /** One entry per person named owner or approver on at least one new item. */
  newWork: NewWork[];
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
  generate(window: GenerationWindow, today: IsoDate): Promise<GenerationOutcome>;
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
