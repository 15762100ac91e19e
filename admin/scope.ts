import type { Knex } from 'knex';
import type { Actor, Role } from '../core/engine/access.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database, TenantTx } from '../infra/db/database.js';
import { loadActor } from '../infra/stores/tenant-unit.js';

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

export function portalAdminOf(context: { currentAdmin?: unknown } | undefined): PortalAdmin {
  const admin = context?.currentAdmin as PortalAdmin | undefined;
  // Fail closed: a request without a signed-in admin reaches no data at all.
  if (!admin?.kind) throw new ForbiddenError('Sign in to the portal first.');
  return admin;
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

/**
 * The signed-in admin as they stand now, checked inside the transaction that does the work: a
 * deactivated person, a closed tenant or a removed role loses access on the next request, and
 * role checks use today's grants, not those at sign-in.
 */
async function current(trx: Knex.Transaction, admin: PortalAdmin, tenantId: string | null): Promise<PortalAdmin> {
  const gone = () => new ForbiddenError('Your portal access has changed: sign in again.');
  if (admin.kind === 'platform') {
    const active = await trx('platform_users').where({ id: admin.id, is_active: true }).first('id');
    if (!active) throw gone();
    return admin;
  }
  const tenantOpen = await trx('tenants').where({ id: tenantId, is_active: true }).first('id');
  // loadActor refuses a deactivated person with NotFoundError.
  const person = tenantOpen ? await loadActor({ trx, tenantId: tenantId! }, admin.id).catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }) : undefined;
  const role = person && portalRoleOf(person.roles);
  if (!person || !role) throw gone();
  return { ...admin, role, grants: person.roles };
}

/**
 * Runs portal work in one transaction with the signed-in admin's reach: a tenant user's
 * transaction sees only their tenant (row-level security decides, not the UI); a platform
 * admin's sees every tenant. `tenantId` is the tenant's for tenant users, null for platform.
 */
export function inScope<T>(db: Database, admin: PortalAdmin, work: (trx: Knex.Transaction, tenantId: string | null, admin: PortalAdmin) => Promise<T>): Promise<T> {
  if (admin.kind === 'tenant') return db.withTenant(admin.tenantId!, async (tx) => work(tx.trx, tx.tenantId, await current(tx.trx, admin, tx.tenantId)));
  return db.withSystem(async (trx) => work(trx, null, await current(trx, admin, null)));
}

/** A TenantTx for a tenant's audit chain inside an in-scope transaction (platform admins name the row's tenant). */
export const tenantTx = (trx: Knex.Transaction, tenantId: string): TenantTx => ({ trx, tenantId });

/**
 * Work on one tenant's data: a tenant user only on their own; a platform admin on the named
 * tenant, in that tenant's row-level-security scope like everyone else (no cross-tenant reads).
 * `work` gets the admin as they stand now.
 */
export async function inTenant<T>(db: Database, admin: PortalAdmin, tenantId: string, work: (tx: TenantTx, admin: PortalAdmin) => Promise<T>): Promise<T> {
  if (admin.kind === 'tenant' && admin.tenantId !== tenantId) throw new ForbiddenError('That belongs to another organisation.');
  // Platform accounts are not tenant data: checked before entering the tenant's scope.
  const platform = admin.kind === 'platform' ? await db.withSystem((trx) => current(trx, admin, null)) : undefined;
  return db.withTenant(tenantId, async (tx) => work(tx, platform ?? (await current(tx.trx, admin, tenantId))));
}

/** Narrows a platform admin's transaction to one tenant before writing it (same rules as a tenant user). */
export async function narrowToTenant(trx: Knex.Transaction, tenantId: string): Promise<void> {
  await trx.raw("SELECT set_config('app.tenant_id', ?, true)", [tenantId]);
  await trx.raw('SET LOCAL ROLE compliance_app');
}

/** The tenant an action works on: a tenant user's own; for a platform admin, the one named (by id or slug). */
export async function resolveTenant(db: Database, admin: PortalAdmin, named: { id?: string; slug?: string }): Promise<string> {
  if (admin.kind === 'tenant') return admin.tenantId!;
  const found = named.id ?? (named.slug ? await db.withSystem(async (trx) => (await trx('tenants').where({ slug: named.slug!.trim() }).first('id'))?.id) : undefined);
  if (!found) throw new ValidationError('Name the tenant by its slug: platform admins work on one tenant at a time.', { details: { fields: { tenant: 'the tenant slug, e.g. demo' } } });
  return found;
}
