import type { Actor, Role } from './access.js';

/** Roles that may sign in to the portal; everyone else works in Slack or Teams. */
export type PortalRole = 'platform_admin' | 'tenant_admin' | 'auditor';

/**
 * Who is signed in to the portal, as kept in the session. A tenant user is bound to one
 * tenant; a platform admin to none (they see every tenant).
 */
export interface PortalAdmin {
  /** AdminJS shows these two. */
  email: string;
  title: string;
  id: string;
  kind: 'platform' | 'tenant';
  tenantId: string | null;
  role: PortalRole;
  /** The tenant-wide and per-entity grants of a tenant user (for core's role checks). */
  grants: { role: Role; entityId: string | null }[];
  /** When they signed in (ms): a session ends a fixed time after it, however active. */
  signedInAt: number;
  /** Their credentials as of sign-in (ms): a later password reset or (de)activation ends the session. */
  credentialsChangedAt: number;
}

/** The portal role a tenant user's grants give, if any: tenant admins manage, auditors read. */
export function portalRoleOf(grants: { role: Role }[]): PortalRole | undefined {
  if (grants.some((g) => g.role === 'tenant_admin')) return 'tenant_admin';
  if (grants.some((g) => g.role === 'auditor')) return 'auditor';
  return undefined;
}

/**
 * The entities a portal user may see: null for the whole tenant (a tenant-wide portal role, or a
 * platform admin), else the entities their entity-scoped tenant_admin / auditor grants name.
 */
export function entityReach(admin: PortalAdmin): string[] | null {
  if (admin.kind === 'platform') return null;
  const portalGrants = admin.grants.filter((g) => g.role === 'tenant_admin' || g.role === 'auditor');
  if (portalGrants.some((g) => g.entityId === null)) return null;
  return [...new Set(portalGrants.map((g) => g.entityId!))];
}

/** The portal user as core use cases see them: actor on the audit chain, with their roles. */
export function actorOf(admin: PortalAdmin): Actor {
  if (admin.kind === 'platform') return { type: 'platform_user', id: admin.id, label: admin.email, roles: [{ role: 'platform_admin', entityId: null }] };
  return { type: 'user', id: admin.id, label: admin.email, roles: admin.grants };
}
