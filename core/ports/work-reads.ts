import type { Actor, EntityReach } from '../engine/access.js';
import type { IsoDate } from '../engine/dates.js';
import type { Rag } from '../engine/rag.js';
import type { InstanceStatus } from '../engine/status.js';

/** One item as lists show it. */
export interface ItemLine {
  instanceId: string;
  code: string;
  name: string;
  entityId: string;
  entityName: string;
  /** What it is owed per, named beside the entity: a GSTIN, TAN, … or "no TAN recorded"; null for the entity's own obligations. */
  registration: string | null;
  periodKey: string;
  /** The period as the law in force names it ("TY 2026-27"); the key when absent. */
  periodName?: string;
  dueDate: IsoDate;
  status: InstanceStatus;
  rag: Rag;
  /** For items awaiting approval: the version to decide on. */
  evidence?: { id: string; version: number };
}

/** A person's open items to prepare, and the submitted items waiting for their approval. */
export interface MyItems {
  toPrepare: ItemLine[];
  toApprove: ItemLine[];
}

export interface EntityStatus {
  entityId: string;
  entityName: string;
  red: number;
  amber: number;
  green: number;
  byStatus: Record<InstanceStatus, number>;
}

export interface UrgentItem {
  instanceId: string;
  entityId: string;
  entityName: string;
  /** What it is owed per, named beside the entity: a GSTIN, TAN, … or "no TAN recorded"; null for the entity's own obligations. */
  registration: string | null;
  code: string;
  name: string;
  periodKey: string;
  dueDate: IsoDate;
  status: InstanceStatus;
  rag: Rag;
  ownerName: string | null;
}

/** RAG counts per entity and the most urgent open items, as of the tenant's `today`. */
export interface StatusSummary {
  today: IsoDate;
  entities: EntityStatus[];
  totals: { red: number; amber: number; green: number };
  urgent: UrgentItem[];
}

/** What the answers and views read about one tenant, inside one transaction. */
export interface TenantReadView {
  /** The person with their roles; refuses (NotFoundError) someone deactivated or unknown. */
  actor(userId: string): Promise<Actor>;
  settings(): Promise<{ timezone: string; amberWindowDays: number }>;
  /** The active entities within someone's reach, by name (what they may ask about). */
  entitiesWithin(reach: EntityReach): Promise<{ id: string; name: string }[]>;
  /** Open items due within `days` of today, overdue ones included; only those of `entityIds` when given. */
  itemsDueWithin(today: IsoDate, days: number, amberWindowDays: number, entityIds?: string[]): Promise<ItemLine[]>;
  myItems(userId: string, today: IsoDate, amberWindowDays: number): Promise<MyItems>;
  /** Items the person prepared or approved that were closed in the last `days` days. */
  recentlyCompleted(userId: string, today: IsoDate, days: number, amberWindowDays: number): Promise<ItemLine[]>;
}

/** Read models for the chat answers (and any other view of a person's work). */
export interface WorkReads {
  /** Runs `work` against one consistent read of the tenant. */
  read<T>(tenantId: string, work: (view: TenantReadView) => Promise<T>): Promise<T>;
  /** The status summary every channel shows (cached); `entityIds` limits it to those entities. */
  statusSummary(tenantId: string, options: { entityIds?: string[]; now: Date }): Promise<StatusSummary>;
}
