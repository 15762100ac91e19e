import type { Actor } from '../engine/access.js';
import type { EngineUnit } from '../ports/index.js';
import type { SetupOperation } from './setup-records.js';
import { generateInstances } from './generate-instances.js';
import { actorRef } from './instance-guard.js';

/**
 * After a registration is added or changed, from any channel: an entity's first registration of
 * a kind takes over the items the entity had for it (audited, so nothing is made twice), and the
 * items its obligations owe are made as generation would make them (the re-dating of open items
 * for a changed state is the setup change's own, see redate-after-setup-change.ts).
 */
export async function afterRegistrationChange(
  unit: Pick<EngineUnit, 'tenantId' | 'timezone' | 'dating' | 'audit'>,
  actor: Actor,
  change: { op: SetupOperation; registrationId: string },
  now: Date,
): Promise<{ adopted: number; created: number }> {
  if (change.op === 'delete') return { adopted: 0, created: 0 };
  const adopted = await unit.dating.adoptEntityItems(change.registrationId);
  if (adopted.length > 0) {
    await unit.audit.append(adopted.map((instanceId) => ({
      actor: actorRef(actor), action: 'instance.registration_set', objectType: 'instance', objectId: instanceId,
      after: { registrationId: change.registrationId },
    })));
  }
  const { created } = await generateInstances(unit, actor, {}, now);
  return { adopted: adopted.length, created };
}
