import { coverageGaps as gapsOf, type CoverageGap } from '../engine/coverage.js';
import { NotFoundError } from '../errors.js';
import type { AssignmentStore } from '../ports/index.js';

/** What the entity is registered for that no obligation in the tenant's library tracks (see core/engine/coverage.ts). */
export async function coverageGaps(unit: { assignments: AssignmentStore }, input: { entityId: string }): Promise<CoverageGap[]> {
  const entity = await unit.assignments.entity(input.entityId);
  if (!entity) throw new NotFoundError('That entity does not exist in your organisation.');
  return gapsOf(entity, await unit.assignments.visibleMasters());
}
