import type { IsoDate } from '../../core/engine/dates.js';
import type { InstanceStatus } from '../../core/engine/status.js';
import type { TenantTx } from '../db/database.js';
import { ITEM_FACT_JOINS, ITEM_FACT_SQL, itemFactsOf, type ItemFactRow, type ItemFacts } from '../outbox/listed-items.js';

export interface ItemEvidence {
  id: string;
  version: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploaderName: string | null;
  uploadedAt: Date;
  channel: string;
  reviewStatus: string;
  reviewerName: string | null;
  reviewedAt: Date | null;
  reviewReason: string | null;
}

/** Everything an item's page shows about it (its timeline apart), read in the tenant's scope. */
export interface ItemPageData {
  facts: ItemFacts;
  entityId: string;
  status: InstanceStatus;
  dates: { statutory: IsoDate; extended: IsoDate | null; working: IsoDate | null; effective: IsoDate };
  ownerUserId: string | null;
  approverUserId: string | null;
  ownerName: string | null;
  approverName: string | null;
  filingReference: string | null;
  statusReason: string | null;
  escalationAcknowledgedAt: Date | null;
  evidence: ItemEvidence[];
}

interface EvidenceRow {
  id: string; version: number; file_name: string; size_bytes: number; sha256: string; uploaded_by: string; uploader_name: string | null; created_at: Date;
  channel: string; review_status: string; reviewer_name: string | null; reviewed_at: Date | null; review_reason: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The item with its people and evidence versions (newest first); undefined when the tenant has no such item. */
export async function loadItemPage({ trx, tenantId }: TenantTx, instanceId: string): Promise<ItemPageData | undefined> {
  if (!UUID.test(instanceId)) return undefined;
  const { rows } = await trx.raw(
    `SELECT i.id, ${ITEM_FACT_SQL}, i.entity_id, i.extended_due_date, i.working_due_date, i.owner_user_id, i.approver_user_id,
            i.filing_reference, i.status_reason, i.escalation_acknowledged_at, o.name AS owner_name, a.name AS approver_name
     FROM compliance_instances i ${ITEM_FACT_JOINS}
     LEFT JOIN users o ON o.tenant_id = i.tenant_id AND o.id = i.owner_user_id
     LEFT JOIN users a ON a.tenant_id = i.tenant_id AND a.id = i.approver_user_id
     WHERE i.tenant_id = ? AND i.id = ?`,
    [tenantId, instanceId],
  );
  const row = rows[0] as (ItemFactRow & {
    id: string; entity_id: string; extended_due_date: IsoDate | null; working_due_date: IsoDate | null; owner_user_id: string | null; approver_user_id: string | null;
    filing_reference: string | null; status_reason: string | null; escalation_acknowledged_at: Date | null; owner_name: string | null; approver_name: string | null;
  }) | undefined;
  if (!row) return undefined;
  const evidence = await trx('evidence as v')
    .leftJoin('users as u', function () { this.on('u.tenant_id', 'v.tenant_id').andOn('u.id', 'v.uploaded_by'); })
    .leftJoin('users as r', function () { this.on('r.tenant_id', 'v.tenant_id').andOn('r.id', 'v.reviewed_by'); })
    .where({ 'v.tenant_id': tenantId, 'v.instance_id': instanceId }).orderBy('v.version', 'desc')
    .select('v.id', 'v.version', 'v.file_name', 'v.size_bytes', 'v.sha256', 'v.uploaded_by', 'u.name as uploader_name', 'v.created_at', 'v.channel',
      'v.review_status', 'r.name as reviewer_name', 'v.reviewed_at', 'v.review_reason');
  const facts = itemFactsOf(row.id, row);
  return {
    facts, entityId: row.entity_id, status: facts.status as InstanceStatus,
    dates: { statutory: facts.statutoryDueDate, extended: row.extended_due_date, working: row.working_due_date, effective: facts.dueDate },
    ownerUserId: row.owner_user_id, approverUserId: row.approver_user_id, ownerName: row.owner_name, approverName: row.approver_name,
    filingReference: row.filing_reference, statusReason: row.status_reason, escalationAcknowledgedAt: row.escalation_acknowledged_at,
    evidence: (evidence as EvidenceRow[]).map((e) => ({
      id: e.id, version: e.version, fileName: e.file_name, sizeBytes: Number(e.size_bytes), sha256: e.sha256, uploadedBy: e.uploaded_by, uploaderName: e.uploader_name,
      uploadedAt: e.created_at, channel: e.channel, reviewStatus: e.review_status, reviewerName: e.reviewer_name, reviewedAt: e.reviewed_at, reviewReason: e.review_reason,
    })),
  };
}
