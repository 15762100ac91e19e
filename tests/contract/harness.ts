import type { ChainedEntry } from '../../core/audit/chain.js';
import type { Actor } from '../../core/engine/access.js';
import type { InstanceStatus } from '../../core/engine/status.js';
import type { ReviewStatus, TenantUnit } from '../../core/ports/index.js';
import type { BuiltTenant, TenantBuilder } from '../mothers/tenant-mother.js';

/** An item's columns that the unit of work writes. */
export interface ItemState {
  status: InstanceStatus;
  filingReference: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  approvedLate: boolean | null;
  statusReason: string | null;
  escalationAcknowledgedAt: Date | null;
  escalationAcknowledgedBy: string | null;
  lockVersion: number;
}

export interface EvidenceState {
  id: string;
  version: number;
  fileName: string;
  uploadedBy: string;
  sourceRef: string | null;
  reviewStatus: ReviewStatus;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewReason: string | null;
}

export interface NotificationState {
  kind: string;
  recipientUserId: string;
  instanceId: string | null;
  dedupKey: string;
  payload: Record<string, unknown>;
}

/**
 * What the contract suite needs from a store: build a tenant from a mother, run work in one
 * transaction (as a person, too), and read back what was written. One harness drives the real
 * PostgreSQL store, one the in-memory fake.
 */
export interface TenantUnitHarness {
  seed(builder: TenantBuilder): Promise<BuiltTenant>;
  transaction<T>(tenantId: string, work: (unit: TenantUnit) => Promise<T>): Promise<T>;
  runAsUser<T>(tenantId: string, userId: string, work: (unit: TenantUnit, actor: Actor) => Promise<T>): Promise<T>;
  read: {
    item(tenantId: string, id: string): Promise<ItemState>;
    /** Every version of an item's evidence, oldest first. */
    evidence(tenantId: string, instanceId: string): Promise<EvidenceState[]>;
    /** The tenant's audit chain in sequence order. */
    audit(tenantId: string): Promise<ChainedEntry[]>;
    /** The tenant's outbox, by dedup key. */
    notifications(tenantId: string): Promise<NotificationState[]>;
  };
}

export const byDedupKey = (a: { dedupKey: string }, b: { dedupKey: string }) => (a.dedupKey < b.dedupKey ? -1 : a.dedupKey > b.dedupKey ? 1 : 0);
