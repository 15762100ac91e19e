import type { AuditEntryInput } from '../audit/chain.js';
import type { IsoDate } from '../engine/dates.js';
import type { Recipient } from '../engine/reminders.js';
import type { InstanceStatus } from '../engine/status.js';

/**
 * What use cases need from storage, for one tenant inside one transaction. The adapter in
 * infra/stores/ implements it with PostgreSQL; everything a use case writes commits or
 * rolls back together with its audit entries and outgoing notifications.
 */
export interface InstanceRecord {
  id: string;
  entityId: string;
  masterId: string;
  masterCode: string;
  masterName: string;
  periodKey: string;
  dueDate: IsoDate;
  status: InstanceStatus;
  ownerUserId: string | null;
  approverUserId: string | null;
  filingReference: string | null;
  escalationAcknowledgedAt: Date | null;
}

export interface InstancePatch {
  status?: InstanceStatus;
  submittedAt?: Date;
  decidedAt?: Date | null;
  approvedLate?: boolean | null;
  filingReference?: string | null;
  statusReason?: string | null;
  escalationAcknowledgedAt?: Date;
  escalationAcknowledgedBy?: string;
}

export type EvidenceChannel = 'slack' | 'teams' | 'portal';
export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'superseded';

export interface EvidenceRecord {
  id: string;
  instanceId: string;
  version: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  channel: EvidenceChannel;
  reviewStatus: ReviewStatus;
}

export type NewEvidence = Omit<EvidenceRecord, 'id' | 'version' | 'reviewStatus'> & { sourceRef?: string };

export interface NotificationDraft {
  kind: string;
  to: Recipient;
  instanceId: string | null;
  /** The instance's entity, when the caller already knows it (saves a lookup for role recipients). */
  entityId?: string;
  /** Unique per tenant: the same key is never sent twice. */
  dedupKey: string;
  payload: Record<string, unknown>;
}

export interface TenantUnit {
  tenantId: string;
  timezone: string;
  instances: {
    /** Reads and locks the row until the transaction ends, so concurrent decisions queue up. */
    lock(id: string): Promise<InstanceRecord | undefined>;
    update(id: string, patch: InstancePatch): Promise<void>;
  };
  evidence: {
    latest(instanceId: string): Promise<EvidenceRecord | undefined>;
    /** Adds the next version; any earlier pending version becomes superseded. */
    add(evidence: NewEvidence): Promise<EvidenceRecord>;
    review(id: string, review: { status: 'approved' | 'rejected'; by: string; at: Date; reason?: string }): Promise<void>;
  };
  audit: { append(entries: AuditEntryInput[]): Promise<void> };
  outbox: { enqueue(drafts: NotificationDraft[]): Promise<void> };
}

