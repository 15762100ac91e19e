import { requireRole, type Actor } from '../engine/access.js';
import type { RegistrationKind } from '../engine/master.js';
import type { EngineUnit } from '../ports/index.js';
import { applicableMasters, type Applicable } from './applicable-masters.js';
import { actorRef } from './instance-guard.js';

/**
 * A tenant admin assigns every applicable, not yet assigned master to the entity (or only those
 * owed per one kind of registration, or only some masters), naming the owner and approver (given,
 * or the entity's defaults). Each new assignment is audited with its reason.
 */
export async function assignApplicableMasters(
  unit: Pick<EngineUnit, 'assignments' | 'audit'>,
  actor: Actor,
  input: { entityId: string; ownerUserId?: string; approverUserId?: string; owedPer?: RegistrationKind; masterIds?: string[] },
): Promise<Applicable[]> {
  const { entityId } = input;
  requireRole(actor, ['tenant_admin'], entityId, 'assign obligations to this entity');
  const candidates = (await applicableMasters(unit, { entityId })).filter((a) => a.applies && !a.assigned && (!input.owedPer || a.owedPer === input.owedPer) && (!input.masterIds || input.masterIds.includes(a.masterId)));
  if (candidates.length === 0) return [];
  const owner = input.ownerUserId ?? (await unit.assignments.defaultPerson('owner', entityId));
  const approver = input.approverUserId ?? (await unit.assignments.defaultPerson('approver', entityId));
  const rows = await unit.assignments.assign(entityId, candidates.map((c) => ({ masterId: c.masterId, reason: c.reason })), { ownerUserId: owner, approverUserId: approver });
  await unit.audit.append(rows.map((r) => {
    const c = candidates.find((x) => x.masterId === r.masterId)!;
    return {
      actor: actorRef(actor), action: 'assignment.created', objectType: 'assignment', objectId: r.id,
      after: { entityId, code: c.code, reason: c.reason, ownerUserId: owner, approverUserId: approver },
    };
  }));
  return candidates.map((c) => ({ ...c, assigned: true }));
}
