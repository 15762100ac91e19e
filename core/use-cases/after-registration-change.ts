import type { Actor } from '../engine/access.js';
import type { RegistrationKind } from '../engine/master.js';
import type { EngineUnit } from '../ports/index.js';
import { assignApplicableMasters } from './assign-applicable-masters.js';
import type { SetupOperation } from './setup-records.js';
import { generateInstances } from './generate-instances.js';
import { actorRef } from './instance-guard.js';

/**
 * After a registration is added or changed, from any channel: an entity's first registration of
 * a kind takes over the items the entity had for it (audited, so nothing is made twice); the
 * masters owed per its kind that now apply and were not assigned are assigned (a GSTIN in a
 * group-Y state brings GSTR-3B for group Y: nobody has to remember it); and the items they owe
 * are made as generation would make them (the re-dating of open items for a changed state is the
 * setup change's own, see redate-after-setup-change.ts).
 */
export async function afterRegistrationChange(
  unit: Pick<EngineUnit, 'tenantId' | 'timezone' | 'dating' | 'audit' | 'outbox' | 'assignments'>,
  actor: Actor,
  change: { op: SetupOperation; registrationId: string; entityId: string; kind: RegistrationKind; active: boolean },
  now: Date,
): Promise<{ adopted: number; assigned: number; created: number }> {
  // A registration deleted or deactivated owes nothing new; its items stay.
  if (change.op === 'delete' || !change.active) return { adopted: 0, assigned: 0, created: 0 };
  const adopted = await unit.dating.adoptEntityItems(change.registrationId);
  if (adopted.length > 0) {
    await unit.audit.append(adopted.map((instanceId) => ({
      actor: actorRef(actor), action: 'instance.registration_set', objectType: 'instance', objectId: instanceId,
      after: { registrationId: change.registrationId },
    })));
  }
  const assigned = await assignApplicableMasters(unit, actor, { entityId: change.entityId, owedPer: change.kind });
  const { created } = await generateInstances(unit, actor, {}, now);
  return { adopted: adopted.length, assigned: assigned.length, created };
}
