import { ForbiddenError } from '../errors.js';

export const ROLES = ['platform_admin', 'tenant_admin', 'owner', 'approver', 'cfo', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A role held tenant-wide (entityId null) or for one entity. */
export interface RoleGrant {
  role: Role;
  entityId: string | null;
}

/** Who is acting, as every use case sees them, whatever the channel (Slack, Teams, portal, job). */
export interface Actor {
  type: 'user' | 'platform_user' | 'system';
  id: string;
  label?: string;
  roles: RoleGrant[];
}

export const systemActor = (id: string, label?: string): Actor => ({
  type: 'system', id, label, roles: [{ role: 'platform_admin', entityId: null }],
});

/** Holds any of `roles` for this entity (a tenant-wide grant covers every entity). Platform admins hold all. */
export function hasRole(actor: Actor, roles: readonly Role[], entityId: string | null): boolean {
  return actor.roles.some(
    (g) => g.role === 'platform_admin' || (roles.includes(g.role) && (g.entityId === null || g.entityId === entityId)),
  );
}

export function requireRole(actor: Actor, roles: readonly Role[], entityId: string | null, doing: string): void {
  if (!hasRole(actor, roles, entityId)) {
    throw new ForbiddenError(`You cannot ${doing}: it needs the ${roles.join(' or ')} role for this entity. Ask your tenant admin.`, {
      details: { required: roles },
    });
  }
}

/** The entities whose items someone may read: every one, or those listed (none when the list is empty). */
export type EntityReach = 'all' | string[];

/**
 * What a person may read, whatever the channel: every entity with a tenant-wide grant of any role
 * (or as a platform admin), else the entities their entity-scoped grants name; no grant, nothing.
 */
export function visibleEntities(actor: Actor): EntityReach {
  if (actor.roles.some((g) => g.role === 'platform_admin' || g.entityId === null)) return 'all';
  return [...new Set(actor.roles.map((g) => g.entityId!))];
}

/** Whether a person may read an entity's items (and their evidence): the same reach as visibleEntities. */
export function canRead(actor: Actor, entityId: string): boolean {
  const reach = visibleEntities(actor);
  return reach === 'all' || reach.includes(entityId);
}
