import type { Actor } from '../engine/access.js';
import { person } from '../engine/reminders.js';
import type { DateChange, EngineUnit } from '../ports/index.js';
import { actorRef } from './instance-guard.js';

/**
 * Brings the dates of a tenant's open items in line with the current rules, extensions and
 * holidays (of some masters, or all). Closed items (approved, not applicable) keep their dates.
 * Each moved item is audited and its owner told.
 */
export async function redateOpenItems(
  unit: Pick<EngineUnit, 'dating' | 'audit' | 'outbox'>,
  actor: Actor,
  scope: { masterIds?: string[] } = {},
): Promise<DateChange[]> {
  const moved = await unit.dating.redateOpen(scope, 'apply');
  if (moved.length === 0) return moved;
  await unit.audit.append(moved.map((m) => ({
    actor: actorRef(actor), action: 'instance.due_date_changed', objectType: 'instance', objectId: m.instanceId,
    before: { dueDate: m.oldDueDate },
    after: { dueDate: m.newDueDate, statutoryDueDate: m.statutoryDueDate, extendedDueDate: m.extendedDueDate, reference: m.extensionReference },
  })));
  await unit.outbox.enqueue(moved.map((m) => ({
    kind: 'due_date_changed',
    to: person(m.ownerUserId, 'owner'),
    instanceId: m.instanceId,
    dedupKey: `due_date_changed:${m.instanceId}:${m.newDueDate}`,
    payload: { oldDueDate: m.oldDueDate, newDueDate: m.newDueDate, reference: m.extensionReference },
  })));
  return moved;
}
