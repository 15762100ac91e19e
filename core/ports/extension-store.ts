import type { IsoDate } from '../engine/dates.js';

export interface ExtensionRecord {
  masterId: string;
  periodKey: string;
  extendedDueDate: IsoDate;
  reference: string;
  note: string | null;
  appliedAt: Date;
}

/** A tenant's own due-date extensions (government notifications moving one master's period). */
export interface ExtensionStore {
  /** The active master the tenant sees under this code (its own before the library's). */
  masterIdByCode(code: string): Promise<string | undefined>;
  /** Whether the tenant has an item of this master for the period. */
  hasItem(masterId: string, periodKey: string): Promise<boolean>;
  /** Records the extension, replacing an earlier one for the same master and period. */
  record(extension: ExtensionRecord): Promise<void>;
  /** Masters with extensions recorded but not yet applied to the open items. */
  pendingMasterIds(): Promise<string[]>;
  markPendingApplied(at: Date): Promise<void>;
}
