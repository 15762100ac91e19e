import type { Actor } from '../engine/access.js';
import { isRecordedEventKind } from '../engine/events.js';
import type { EngineUnit } from '../ports/index.js';
import { assignApplicableMasters } from './assign-applicable-masters.js';
import { generateInstances } from './generate-instances.js';
import type { SetupOperation } from './setup-records.js';

/**
 * After an entity event other than the AGM is recorded or changed, from any channel: the masters
 * counting from that kind of event that apply to the entity and were not assigned are assigned
 * (recording a remittance abroad is itself the fact that Forms 15CA/15CB are owed: nobody has to
 * remember to assign them), and the event's item is made as generation would make it. A changed
 * date moves the open item instead (the setup change's re-dating); a deleted event keeps its item.
 */
export async function afterEventRecorded(
  unit: Pick<EngineUnit, 'tenantId' | 'timezone' | 'dating' | 'audit' | 'outbox' | 'assignments'>,
  actor: Actor,
  change: { op: SetupOperation; entityId: string; kind: string },
  now: Date,
): Promise<{ assigned: number; created: number }> {
  if (change.op === 'delete' || !isRecordedEventKind(change.kind)) return { assigned: 0, created: 0 };
  const counting = (await unit.assignments.visibleMasters())
    .filter((m) => m.ruleVersions.some((v) => v.rule.kind === 'after_each_event' && v.rule.event === change.kind))
    .map((m) => m.id);
  if (counting.length === 0) return { assigned: 0, created: 0 };
  const assigned = await assignApplicableMasters(unit, actor, { entityId: change.entityId, masterIds: counting });
  const { created } = await generateInstances(unit, actor, {}, now);
  return { assigned: assigned.length, created };
}
