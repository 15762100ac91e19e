import type { Actor } from '../engine/access.js';
import type { DateChange, EngineUnit } from '../ports/index.js';
import { redateOpenItems } from './redate-open-items.js';

/**
 * The daily pass over a tenant: the open items of masters whose library rule changed, or that
 * have extensions not yet applied, are re-dated; with no extension pending, every open item is
 * (holidays may have changed), as is every one when the shipped holidays changed. Pending
 * extensions are then marked applied.
 */
export async function redatePendingExtensions(
  unit: Pick<EngineUnit, 'extensions' | 'dating' | 'audit' | 'outbox'>,
  actor: Actor,
  input: { changedMasterIds: string[]; holidaysChanged?: boolean },
  now: Date,
): Promise<DateChange[]> {
  const pending = await unit.extensions.pendingMasterIds();
  const scope = pending.length > 0 && !input.holidaysChanged ? { masterIds: [...new Set([...pending, ...input.changedMasterIds])] } : {};
  const moved = await redateOpenItems(unit, actor, scope);
  await unit.extensions.markPendingApplied(now);
  return moved;
}
