import type { Actor, RoleGrant } from '../../core/engine/access.js';
import { NotFoundError } from '../../core/errors.js';
import type { EvidenceRecord, InstancePatch, InstanceRecord, TenantUnit } from '../../core/ports/index.js';
import { appendAudit } from '../audit/audit-store.js';
import type { TenantTx } from '../db/database.js';
import { enqueueNotifications } from '../outbox/enqueue.js';

const INSTANCE_COLUMNS = [
  'i.id', 'i.entity_id', 'i.master_id', 'm.code as master_code', 'm.name as master_name', 'i.period_key', 'i.due_date',
  'i.status', 'i.owner_user_id', 'i.approver_user_id', 'i.filing_reference', 'i.escalation_acknowledged_at',
];

interface InstanceRow {
  id: string; entity_id: string; master_id: string; master_code: string; master_name: string; period_key: string;
  due_date: string; status: InstanceRecord['status']; owner_user_id: string | null; approver_user_id: string | null;
  filing_reference: string | null; escalation_acknowledged_at: Date | null;
}

interface EvidenceRow {
  id: string; instance_id: string; version: number; file_name: string; content_type: string; size_bytes: number;
  sha256: string; storage_key: string; uploaded_by: string; channel: EvidenceRecord['channel']; review_status: EvidenceRecord['reviewStatus'];
}

const toInstance = (r: InstanceRow): InstanceRecord => ({
  id: r.id, entityId: r.entity_id, masterId: r.master_id, masterCode: r.master_code, masterName: r.master_name,
  periodKey: r.period_key, dueDate: r.due_date, status: r.status, ownerUserId: r.owner_user_id,
  approverUserId: r.approver_user_id, filingReference: r.filing_reference, escalationAcknowledgedAt: r.escalation_acknowledged_at,
});

const toEvidence = (r: EvidenceRow): EvidenceRecord => ({
  id: r.id, instanceId: r.instance_id, version: r.version, fileName: r.file_name, contentType: r.content_type,
  sizeBytes: r.size_bytes, sha256: r.sha256, storageKey: r.storage_key, uploadedBy: r.uploaded_by, channel: r.channel,
  reviewStatus: r.review_status,
});

const PATCH_COLUMNS: Record<keyof InstancePatch, string> = {
  status: 'status', submittedAt: 'submitted_at', decidedAt: 'decided_at', approvedLate: 'approved_late',
  filingReference: 'filing_reference', statusReason: 'status_reason', escalationAcknowledgedAt: 'escalation_acknowledged_at',
  escalationAcknowledgedBy: 'escalation_acknowledged_by',
};

export async function loadTimezone(tx: TenantTx): Promise<string> {
  const row = await tx.trx('tenants').where({ id: tx.tenantId }).first('timezone');
  if (!row) throw new NotFoundError('Tenant not found');
  return row.timezone;
}

export async function createTenantUnit(tx: TenantTx): Promise<TenantUnit> {
  const { trx, tenantId } = tx;
  return {
    tenantId,
    timezone: await loadTimezone(tx),
    instances: {
      async lock(id) {
        const row = await trx('compliance_instances as i')
          .join('compliance_masters as m', 'm.id', 'i.master_id')
          .where({ 'i.tenant_id': tenantId, 'i.id': id })
          .forUpdate('i')
          .first(INSTANCE_COLUMNS);
        return row ? toInstance(row) : undefined;
      },
      async update(id, patch) {
        const values: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) values[PATCH_COLUMNS[key as keyof InstancePatch]] = value;
        await trx('compliance_instances').where({ tenant_id: tenantId, id }).update({ ...values, lock_version: trx.raw('lock_version + 1') });
      },
    },
    evidence: {
      async latest(instanceId) {
        const row = await trx('evidence').where({ tenant_id: tenantId, instance_id: instanceId }).orderBy('version', 'desc').first();
        return row ? toEvidence(row) : undefined;
      },
      async add(e) {
        await trx('evidence').where({ tenant_id: tenantId, instance_id: e.instanceId, review_status: 'pending' }).update({ review_status: 'superseded' });
        const [row] = await trx('evidence')
          .insert({
            tenant_id: tenantId, instance_id: e.instanceId,
            version: trx.raw('(SELECT coalesce(max(version), 0) + 1 FROM evidence WHERE tenant_id = ? AND instance_id = ?)', [tenantId, e.instanceId]),
            file_name: e.fileName, content_type: e.contentType, size_bytes: e.sizeBytes, sha256: e.sha256, storage_key: e.storageKey,
            uploaded_by: e.uploadedBy, channel: e.channel, source_ref: e.sourceRef ?? null,
          })
          .returning('*');
        return toEvidence(row);
      },
      async review(id, review) {
        await trx('evidence').where({ tenant_id: tenantId, id }).update({
          review_status: review.status, reviewed_by: review.by, reviewed_at: review.at, review_reason: review.reason ?? null,
        });
      },
    },
    audit: { append: async (entries) => void (await appendAudit(tx, entries)) },
    outbox: { enqueue: async (drafts) => void (await enqueueNotifications(tx, drafts)) },
  };
}

/** The acting user with their role grants, as core use cases expect. */
export async function loadActor({ trx, tenantId }: TenantTx, userId: string): Promise<Actor> {
  const user = await trx('users').where({ tenant_id: tenantId, id: userId, is_active: true }).first('id', 'name', 'email');
  if (!user) throw new NotFoundError('That user does not exist in this organisation or is deactivated.');
  const grants: { role: RoleGrant['role']; entity_id: string | null }[] = await trx('role_assignments')
    .where({ tenant_id: tenantId, user_id: userId }).select('role', 'entity_id');
  return { type: 'user', id: user.id, label: user.name ?? user.email, roles: grants.map((g) => ({ role: g.role, entityId: g.entity_id })) };
}
