import type { Extension, Master } from '../engine/master.js';

export interface LibrarySyncResult {
  masters: { inserted: string[]; updated: string[]; unchanged: number };
  extensions: { inserted: number; updated: number; unchanged: number };
  /** Masters whose rules or extensions changed: their open items need new dates. */
  changedMasterIds: string[];
}

/** The shared statutory library, for every tenant at once (platform level). */
export interface LibraryStore {
  /** Upserts masters by code and extensions by code and period; identical ones are left alone. */
  sync(masters: Master[], extensions: Extension[]): Promise<LibrarySyncResult>;
}
