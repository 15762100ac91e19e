import type { ChainedEntry } from '../../core/audit/chain.js';
import type { Database } from '../../infra/db/database.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { createTenantUnit } from '../../infra/stores/tenant-unit.js';
import { byDedupKey, type TenantUnitHarness } from './harness.js';

/** The contract suite's view of the real store: infra/stores/tenant-unit.ts on a test database. */
export function postgresHarness(db: Database): TenantUnitHarness {
  const read = <T>(tenantId: string, query: (trx: Parameters<Parameters<Database['withTenant']>[1]>[0]['trx']) => Promise<T>) =>
    db.withTenant(tenantId, ({ trx }) => query(trx));
  return {
    seed: (builder) => builder.build(db),
    transaction: (tenantId, work) => db.withTenant(tenantId, async (tx) => work(await createTenantUnit(tx))),
    runAsUser: (tenantId, userId, work) => runAsUser(db, tenantId, userId, work),
    read: {
      item: (tenantId, id) => read(tenantId, (trx) => trx('compliance_instances').where({ id }).first(
        'status', 'filing_reference as filingReference', 'submitted_at as submittedAt', 'decided_at as decidedAt', 'approved_late as approvedLate',
        'status_reason as statusReason', 'escalation_acknowledged_at as escalationAcknowledgedAt',
        'escalation_acknowledged_by as escalationAcknowledgedBy', 'lock_version as lockVersion',
      )),
      evidence: (tenantId, instanceId) => read(tenantId, (trx) => trx('evidence').where({ instance_id: instanceId }).orderBy('version').select(
        'id', 'version', 'file_name as fileName', 'uploaded_by as uploadedBy', 'source_ref as sourceRef', 'review_status as reviewStatus',
        'reviewed_by as reviewedBy', 'reviewed_at as reviewedAt', 'review_reason as reviewReason',
      )),
      audit: (tenantId) => read(tenantId, async (trx) => (await trx('audit_log').orderBy('seq').select(
        'tenant_id as tenantId', 'seq', 'occurred_at as occurredAt', 'actor_type as actorType', 'actor_id as actorId', 'actor_label as actorLabel',
        'action', 'object_type as objectType', 'object_id as objectId', 'before', 'after', 'prev_hash as prevHash', 'hash',
      )) as ChainedEntry[]),
      // Sorted here, not by the database's collation, so both harnesses order keys alike.
      notifications: (tenantId) => read(tenantId, async (trx) => (await trx('notifications').select(
        'kind', 'recipient_user_id as recipientUserId', 'instance_id as instanceId', 'dedup_key as dedupKey', 'payload',
      )).sort(byDedupKey)),
    },
  };
}
