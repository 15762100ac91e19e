import type { Actor } from '../engine/access.js';
import { canTransition, type InstanceStatus } from '../engine/status.js';
import type { TenantUnit } from '../ports/index.js';
import { allows, lockInstance, requirePreparer, requireReopener, requireReviewer, type GuardedItem } from './instance-guard.js';

/** The latest evidence version of an item, as far as deciding on it goes. */
export interface LatestVersion {
  id: string;
  version: number;
  uploadedBy: string;
}

/**
 * What this person may do with an item now: the very checks the use cases make (role, status,
 * segregation of duties), asked before anything is pressed, so a page or a card offers only the
 * buttons that will work. `ownUpload` is the version they may not approve because they uploaded it.
 */
export interface ItemChoices {
  upload: boolean;
  review: { evidenceId: string; version: number } | null;
  ownUpload: { version: number } | null;
  markNotApplicable: boolean;
  reopen: boolean;
}

export function choicesFor(actor: Actor, item: GuardedItem & { status: InstanceStatus }, latest: LatestVersion | undefined): ItemChoices {
  const reviewer = allows(() => requireReviewer(actor, item, 'decide'));
  const decidable = item.status === 'submitted' && latest !== undefined && reviewer;
  const own = decidable && latest.uploadedBy === actor.id;
  return {
    upload: canTransition(item.status, 'submit') && allows(() => requirePreparer(actor, item)),
    review: decidable && !own ? { evidenceId: latest.id, version: latest.version } : null,
    ownUpload: own ? { version: latest.version } : null,
    markNotApplicable: canTransition(item.status, 'mark_not_applicable') && reviewer,
    reopen: canTransition(item.status, 'reopen') && allows(() => requireReopener(actor, item)),
  };
}

/**
 * The choices of the person acting on an item of their tenant (an item of another tenant, or a
 * malformed id, is not found). Changes nothing; the row lock it takes lasts only this short read,
 * so a decision being taken at the same moment is seen whole or not at all.
 */
export async function itemChoices(unit: TenantUnit, actor: Actor, input: { instanceId: string }): Promise<ItemChoices> {
  const instance = await lockInstance(unit, input.instanceId);
  return choicesFor(actor, instance, await unit.evidence.latest(instance.id));
}
