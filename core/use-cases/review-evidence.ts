import type { Actor } from '../engine/access.js';
import { todayIn } from '../engine/dates.js';
import { nextStatus } from '../engine/status.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import type { EvidenceRecord, InstanceRecord, TenantUnit } from '../ports/index.js';
import { actorRef, lockInstance, ownerOrAdmin, requireReviewer } from './instance-guard.js';

export const MIN_REASON_LENGTH = 10;

export function requireReason(reason: string | undefined, doing: string): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length < MIN_REASON_LENGTH) {
    throw new ValidationError(`Please give a reason for ${doing} (at least ${MIN_REASON_LENGTH} characters), so the owner knows what to fix.`, {
      code: 'reason_required',
    });
  }
  return trimmed;
}

/** The version being decided must be the latest: anything else was overtaken by a new upload. */
async function currentVersion(unit: TenantUnit, instance: InstanceRecord, evidenceId: string): Promise<EvidenceRecord> {
  const latest = await unit.evidence.latest(instance.id);
  if (!latest) throw new ConflictError('Nothing has been uploaded for this item yet.', { code: 'no_evidence' });
  if (latest.id !== evidenceId) {
    throw new ConflictError(`A newer version was uploaded (version ${latest.version}). Review that one instead.`, {
      code: 'stale_version', details: { latestVersion: latest.version },
    });
  }
  return latest;
}

/**
 * Approves the latest evidence version: the item is approved (late if past its effective due
 * date), the evidence is frozen by the database, and the owner is told. The uploader of a
 * version can never approve it, whatever roles they hold.
 */
export async function approveEvidence(
  unit: TenantUnit,
  actor: Actor,
  input: { instanceId: string; evidenceId: string; filingReference?: string },
  now: Date,
) {
  const instance = await lockInstance(unit, input.instanceId);
  requireReviewer(actor, instance, 'approve this item');
  const evidence = await currentVersion(unit, instance, input.evidenceId);
  if (evidence.uploadedBy === actor.id) {
    throw new ForbiddenError('You uploaded this evidence, so someone else has to approve it (segregation of duties).', {
      code: 'segregation_of_duties',
    });
  }
  const status = nextStatus(instance.status, 'approve');
  const late = todayIn(unit.timezone, now) > instance.dueDate;
  const filingReference = input.filingReference?.trim() || instance.filingReference;
  await unit.evidence.review(evidence.id, { status: 'approved', by: actor.id, at: now });
  await unit.instances.update(instance.id, { status, decidedAt: now, approvedLate: late, filingReference, statusReason: null });
  await unit.audit.append([
    { actor: actorRef(actor), action: 'evidence.approved', objectType: 'evidence', objectId: evidence.id, after: { version: evidence.version, sha256: evidence.sha256 } },
    { actor: actorRef(actor), action: 'instance.approved', objectType: 'instance', objectId: instance.id, before: { status: instance.status }, after: { status, late, filingReference } },
  ]);
  await unit.outbox.enqueue([{
    kind: 'approved', to: ownerOrAdmin(instance), instanceId: instance.id, dedupKey: `approved:${evidence.id}`,
    payload: { evidenceId: evidence.id, version: evidence.version, late, approvedBy: actor.id },
  }]);
  return { status, late, evidence };
}

/** Rejects the latest evidence version with a reason; the owner is told and a new upload resubmits. */
export async function rejectEvidence(
  unit: TenantUnit,
  actor: Actor,
  input: { instanceId: string; evidenceId: string; reason: string },
  now: Date,
) {
  const reason = requireReason(input.reason, 'rejecting');
  const instance = await lockInstance(unit, input.instanceId);
  requireReviewer(actor, instance, 'reject this item');
  const evidence = await currentVersion(unit, instance, input.evidenceId);
  const status = nextStatus(instance.status, 'reject');
  await unit.evidence.review(evidence.id, { status: 'rejected', by: actor.id, at: now, reason });
  await unit.instances.update(instance.id, { status, decidedAt: now, statusReason: reason });
  await unit.audit.append([
    { actor: actorRef(actor), action: 'evidence.rejected', objectType: 'evidence', objectId: evidence.id, after: { version: evidence.version, sha256: evidence.sha256, reason } },
    { actor: actorRef(actor), action: 'instance.rejected', objectType: 'instance', objectId: instance.id, before: { status: instance.status }, after: { status, reason } },
  ]);
  await unit.outbox.enqueue([{
    kind: 'rejected', to: ownerOrAdmin(instance), instanceId: instance.id, dedupKey: `rejected:${evidence.id}`,
    payload: { evidenceId: evidence.id, version: evidence.version, reason, rejectedBy: actor.id },
  }]);
  return { status, evidence, reason };
}
