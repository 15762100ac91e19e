import type { Actor } from '../engine/access.js';
import type { DateChange, EngineUnit } from '../ports/index.js';
import { redateOpenItems } from './redate-open-items.js';
import type { SetupOperation } from './setup-records.js';

type Scope = { masterIds?: string[] } | undefined;

/**
 * Which open items a setup change moves. A holiday added, changed or removed moves "next working
 * day" items onto (or back from) it; an AGM date moves the items counted from it (AOC-4, MGT-7,
 * ADT-1), and any other event's date its own item (DIR-3-KYC update, Forms 15CA/15CB); an entity's or a registration's changed state brings other state holidays; a tenant's own master's changed
 * rule re-dates that master's items. Anything else moves nothing.
 */
const REDATES: Record<string, (op: SetupOperation, recordId: string) => Scope> = {
  holiday: () => ({}),
  entity_event: () => ({}),
  entity: (op) => (op === 'update' ? {} : undefined),
  // A registration's state decides its items' holidays (its new items are made after, see after-registration-change.ts).
  registration: (op) => (op === 'update' ? {} : undefined),
  master: (op, id) => (op === 'update' ? { masterIds: [id] } : undefined),
};

export function redatingScope(change: { objectType: string; op: SetupOperation; recordId: string }): Scope {
  return REDATES[change.objectType]?.(change.op, change.recordId);
}

/** After a setup change, the open items it moves are re-dated (audited, owners told), whatever channel made it. */
export async function redateAfterSetupChange(
  unit: Pick<EngineUnit, 'dating' | 'audit' | 'outbox'>,
  actor: Actor,
  change: { objectType: string; op: SetupOperation; recordId: string },
): Promise<DateChange[]> {
  const scope = redatingScope(change);
  return scope ? redateOpenItems(unit, actor, scope) : [];
}
