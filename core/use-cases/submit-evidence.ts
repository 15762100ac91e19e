import { person } from '../engine/reminders.js';
import type { Actor } from '../engine/access.js';
import { nextStatus } from '../engine/status.js';
import type { EvidenceChannel, TenantUnit } from '../ports/index.js';
import { actorRef, lockInstance, requirePreparer } from './instance-guard.js';

export interface StoredFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

/**
 * A new evidence version for an item (the file is already stored): the item becomes submitted,
 * the approver is told, and the upload with its hash goes on the audit chain.
 */
export async function submitEvidence(
  unit: TenantUnit,
  actor: Actor,
  input: { instanceId: string; file: StoredFile; channel: EvidenceChannel; sourceRef?: string },
  now: Date,
) {
  const instance = await lockInstance(unit, input.instanceId);
  requirePreparer(actor, instance);
  const status = nextStatus(instance.status, 'submit');
  const evidence = await unit.evidence.add({ instanceId: instance.id, uploadedBy: actor.id, channel: input.channel, sourceRef: input.sourceRef, ...input.file });
  await unit.instances.update(instance.id, { status, submittedAt: now, decidedAt: null, approvedLate: null, statusReason: null });
  await unit.audit.append([
    {
      actor: actorRef(actor), action: 'evidence.uploaded', objectType: 'evidence', objectId: evidence.id,
      after: { instanceId: instance.id, version: evidence.version, fileName: evidence.fileName, sizeBytes: evidence.sizeBytes, sha256: evidence.sha256, channel: input.channel },
    },
    { actor: actorRef(actor), action: 'instance.submitted', objectType: 'instance', objectId: instance.id, before: { status: instance.status }, after: { status, evidenceVersion: evidence.version } },
  ]);
  await unit.outbox.enqueue([{
    kind: 'review_requested',
    to: person(instance.approverUserId, 'approver'),
    instanceId: instance.id,
    dedupKey: `review_requested:${evidence.id}`,
    payload: { evidenceId: evidence.id, version: evidence.version, uploadedBy: actor.id },
  }]);
  return { evidence, status };
}

/**
 * Whether this person may submit evidence for this item now (its preparer, or an owner or admin
 * for its entity, and the item open): the refusal submitEvidence would give, asked before the
 * file is (a chat that asks for it elsewhere). Changes nothing.
 */
export async function checkSubmit(unit: TenantUnit, actor: Actor, input: { instanceId: string }) {
  const instance = await lockInstance(unit, input.instanceId);
  requirePreparer(actor, instance);
  nextStatus(instance.status, 'submit');
  return { status: instance.status };
}
