import type { IsoDate } from '../engine/dates.js';
import type { ExtensionKind } from '../engine/master.js';

export interface ExtensionRecord {
  masterId: string;
  periodKey: string;
  kind: ExtensionKind;
  /** For a fee waiver, the date until which no additional fee is charged. */
  extendedDueDate: IsoDate;
  /** Only these states / districts (null: everywhere). */
  states: string[] | null;
  districts: string[] | null;
  reference: string;
  note: string | null;
  appliedAt: Date;
}

/** A tenant's own due-date extensions and fee waivers (government relief for one master's period). */
export interface ExtensionStore {
  /** The active master the tenant sees under this code (its own before the library's). */
  masterIdByCode(code: string): Promise<string | undefined>;
  /** Whether the tenant has an item of this master for the period. */
  hasItem(masterId: string, periodKey: string): Promise<boolean>;
  /** Records the relief, replacing an earlier one for the same master, period, kind and place. */
  record(extension: ExtensionRecord): Promise<void>;
  /** Masters with extensions recorded but not yet applied to the open items. */
  pendingMasterIds(): Promise<string[]>;
  markPendingApplied(at: Date): Promise<void>;
}
