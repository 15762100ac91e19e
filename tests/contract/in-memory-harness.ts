import type { Clock } from '../../core/ports/index.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';
import { byDedupKey, type TenantUnitHarness } from './harness.js';

/** The contract suite's view of the fake: tests/fakes/in-memory-store.ts. */
export function inMemoryHarness(clock: Clock): TenantUnitHarness {
  const store = new InMemoryStore(clock);
  return {
    seed: async (builder) => store.seed(builder),
    transaction: (tenantId, work) => store.transaction(tenantId, work),
    runAsUser: (tenantId, userId, work) => store.runAsUser(tenantId, userId, work),
    read: {
      item: async (_tenantId, id) => {
        const { status, filingReference, submittedAt, decidedAt, approvedLate, statusReason, escalationAcknowledgedAt, escalationAcknowledgedBy, lockVersion } = store.item(id);
        return { status, filingReference, submittedAt, decidedAt, approvedLate, statusReason, escalationAcknowledgedAt, escalationAcknowledgedBy, lockVersion };
      },
      evidence: async (_tenantId, instanceId) => store.evidenceOf(instanceId).map(({ id, version, fileName, uploadedBy, sourceRef, reviewStatus, reviewedBy, reviewedAt, reviewReason }) => ({
        id, version, fileName, uploadedBy, sourceRef, reviewStatus, reviewedBy, reviewedAt, reviewReason,
      })),
      audit: async (tenantId) => store.auditOf(tenantId),
      notifications: async (tenantId) => store.notificationsOf(tenantId)
        .sort(byDedupKey)
        .map(({ kind, recipientUserId, instanceId, dedupKey, payload }) => ({ kind, recipientUserId, instanceId, dedupKey, payload })),
    },
  };
}
