import { requireRole, type Actor } from '../engine/access.js';
import { nextStatus } from '../engine/status.js';
import type { TenantUnit } from '../ports/index.js';
import { actorRef, lockInstance, ownerOrAdmin, requireReopener, requireReviewer } from './instance-guard.js';
import { requireReason } from './review-evidence.js';

/** An approver or admin marks an open item not applicable (e.g. no TDS deducted this month), with a reason. */
export async function markNotApplicable(unit: TenantUnit, actor: Actor, input: { instanceId: string; reason: string }, now: Date) {
  const reason = requireReason(input.reason, 'marking this item not applicable');
  const instance = await lockInstance(unit, input.instanceId);
  requireReviewer(actor, instance, 'mark this item not applicable');
  const status = nextStatus(instance.status, 'mark_not_applicable');
  await unit.instances.update(instance.id, { status, decidedAt: now, statusReason: reason });
  await unit.audit.append([
    { actor: actorRef(actor), action: 'instance.not_applicable', objectType: 'instance', objectId: instance.id, before: { status: instance.status }, after: { status, reason } },
  ]);
  await unit.outbox.enqueue([{
    kind: 'not_applicable', to: ownerOrAdmin(instance), instanceId: instance.id,
    dedupKey: `not_applicable:${instance.id}:${now.toISOString()}`, payload: { reason, by: actor.id },
  }]);
  return { status, reason };
}

/**
 * Whether this person may reopen this item now (its approver or a tenant admin, and the item
 * approved or not applicable): the refusal reopenInstance would give, asked before a reason is.
 * Changes nothing.
 */
export async function checkReopen(unit: TenantUnit, actor: Actor, input: { instanceId: string }) {
  const { instance } = await reopenable(unit, actor, input.instanceId);
  return { status: instance.status };
}

/** The item locked, if this person may reopen it now, and the status it would go back to. */
async function reopenable(unit: TenantUnit, actor: Actor, instanceId: string) {
  const instance = await lockInstance(unit, instanceId);
  requireReopener(actor, instance);
  return { instance, status: nextStatus(instance.status, 'reopen') };
}

/**
 * An item closed by mistake goes back to pending, by its approver or a tenant admin, with a reason;
 * approved evidence stays frozen and a new upload starts a new version.
 */
export async function reopenInstance(unit: TenantUnit, actor: Actor, input: { instanceId: string; reason: string }, now: Date) {
  const reason = requireReason(input.reason, 'reopening');
  const { instance, status } = await reopenable(unit, actor, input.instanceId);
  await unit.instances.update(instance.id, { status, decidedAt: null, approvedLate: null, statusReason: reason });
  await unit.audit.append([
    { actor: actorRef(actor), action: 'instance.reopened', objectType: 'instance', objectId: instance.id, before: { status: instance.status }, after: { status, reason } },
  ]);
  await unit.outbox.enqueue([{
    kind: 'reopened', to: ownerOrAdmin(instance), instanceId: instance.id,
    dedupKey: `reopened:${instance.id}:${now.toISOString()}`, payload: { reason, by: actor.id },
  }]);
  return { status, reason };
}

/** A CFO (or admin) owns an overdue item: escalation repeats stop. */
export async function acknowledgeEscalation(unit: TenantUnit, actor: Actor, input: { instanceId: string }, now: Date) {
  const instance = await lockInstance(unit, input.instanceId);
  requireRole(actor, ['cfo', 'tenant_admin'], instance.entityId, 'acknowledge this escalation');
  if (instance.escalationAcknowledgedAt) return { alreadyAcknowledged: true };
  await unit.instances.update(instance.id, { escalationAcknowledgedAt: now, escalationAcknowledgedBy: actor.id });
  await unit.audit.append([
    { actor: actorRef(actor), action: 'escalation.acknowledged', objectType: 'instance', objectId: instance.id, after: { acknowledgedAt: now.toISOString() } },
  ]);
  return { alreadyAcknowledged: false };
}
