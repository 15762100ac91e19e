import type { IsoDate } from '../engine/dates.js';
import type { NotificationDraft } from './tenant-unit.js';

/** One item as the digest lists it. */
export interface DigestItem {
  code: string;
  /** The obligation's name in force for the period, and the period as that law names it (see labels.ts). */
  name: string;
  periodKey: string;
  periodName?: string;
  entityName: string;
  /** What it is owed per, named beside the entity: a GSTIN, TAN, … or "no TAN recorded"; null for the entity's own obligations. */
  registration: string | null;
  dueDate: IsoDate;
}

/** RAG counts of one entity. */
export interface EntityRag {
  entityId: string;
  entityName: string;
  red: number;
  amber: number;
  green: number;
}

/** What the weekly CFO digest reads of a tenant, and where it goes. Lists are short (the first 15, by due date). */
export interface DigestSource {
  settings(): Promise<{ timezone: string; amberWindowDays: number }>;
  /** The CFO grants of active people: tenant-wide (entityId null) or per entity. */
  cfoGrants(): Promise<{ userId: string; entityId: string | null }[]>;
  ragByEntity(today: IsoDate, amberWindowDays: number): Promise<EntityRag[]>;
  /** Open items due before `today` (overdue), of `entityIds` when given. */
  overdue(today: IsoDate, entityIds?: string[]): Promise<DigestItem[]>;
  /** Open items due from `from` to `to`, both included. */
  dueBetween(from: IsoDate, to: IsoDate, entityIds?: string[]): Promise<DigestItem[]>;
  /** Items approved late and decided at or after `since`. */
  approvedLateSince(since: Date, entityIds?: string[]): Promise<DigestItem[]>;
  /** Queues the digests, once per dedup key; returns how many are new. */
  queue(drafts: NotificationDraft[]): Promise<number>;
}
