import { appliesToEntity } from '../engine/registrations.js';
import type { OwedPer } from '../engine/master.js';
import { NotFoundError } from '../errors.js';
import type { AssignmentStore } from '../ports/index.js';

export interface Applicable {
  masterId: string;
  code: string;
  name: string;
  applies: boolean;
  reason?: string;
  assigned: boolean;
  /** What its items are owed per: the entity, or each registration of a kind. */
  owedPer: OwedPer;
}

/**
 * Every master the tenant sees, with whether it applies to the entity (from its type, state,
 * GST mode and profile, or for a master owed per registration from its registrations of that
 * kind) and why, and whether it is assigned already: applicable ones first.
 */
export async function applicableMasters(unit: { assignments: AssignmentStore }, input: { entityId: string }): Promise<Applicable[]> {
  const entity = await unit.assignments.entity(input.entityId);
  if (!entity) throw new NotFoundError('That entity does not exist in your organisation.');
  const masters = await unit.assignments.visibleMasters();
  const assigned = new Set(await unit.assignments.assignedMasterIds(input.entityId));
  return masters
    .map((m) => ({ masterId: m.id, code: m.code, name: m.name, ...appliesToEntity(m, entity), assigned: assigned.has(m.id), owedPer: m.owedPer }))
    .sort((a, b) => Number(b.applies) - Number(a.applies) || a.code.localeCompare(b.code));
}
