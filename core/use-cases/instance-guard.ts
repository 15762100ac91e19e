import { person } from '../engine/reminders.js';
import { hasRole, requireRole, type Actor, type Role } from '../engine/access.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { InstanceRecord, TenantUnit } from '../ports/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every use case starts here: the item, locked, or a not-found that reveals nothing about other
 * tenants. A malformed id (a tampered button value) gets the same answer.
 */
export async function lockInstance(unit: TenantUnit, instanceId: string): Promise<InstanceRecord> {
  const instance = UUID.test(instanceId) ? await unit.instances.lock(instanceId) : undefined;
  if (!instance) {
    throw new NotFoundError('That compliance item does not exist in your organisation. It may have been removed; refresh and try again.');
  }
  return instance;
}

/** What the role checks read of an item (so a page can ask them before anything is pressed). */
export type GuardedItem = Pick<InstanceRecord, 'ownerUserId' | 'approverUserId' | 'entityId'>;

const PREPARERS: Role[] = ['owner', 'tenant_admin'];
const REVIEWERS: Role[] = ['approver', 'tenant_admin'];

/** The item's named owner, or an owner or admin for its entity, may submit. */
export function requirePreparer(actor: Actor, instance: GuardedItem): void {
  if (actor.id === instance.ownerUserId) return;
  requireRole(actor, PREPARERS, instance.entityId, 'submit evidence for this item');
}

/** The item's named approver, or an approver or admin for its entity, may decide. */
export function requireReviewer(actor: Actor, instance: GuardedItem, doing: string): void {
  if (actor.id === instance.approverUserId && hasRole(actor, ['approver', 'cfo', 'tenant_admin'], instance.entityId)) return;
  requireRole(actor, REVIEWERS, instance.entityId, doing);
}

/**
 * A closed item (approved, not applicable) may be reopened by its named approver, who decided it,
 * or by a tenant admin for its entity; nobody else, its preparer included.
 */
export function requireReopener(actor: Actor, instance: GuardedItem): void {
  if (actor.id === instance.approverUserId && hasRole(actor, ['approver', 'cfo', 'tenant_admin'], instance.entityId)) return;
  if (hasRole(actor, ['tenant_admin'], instance.entityId)) return;
  throw new ForbiddenError('You cannot reopen this item: only its approver or a tenant admin can. Ask one of them.', {
    details: { required: ['the item\'s approver', 'tenant_admin'] },
  });
}

export const actorRef = (actor: Actor) => ({ type: actor.type, id: actor.id, label: actor.label });

export const ownerOrAdmin = (instance: InstanceRecord) => person(instance.ownerUserId, 'owner');

/** Whether a check passes for this person: what a page asks to decide which buttons to show. */
export function allows(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}
