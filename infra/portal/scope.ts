import type { Knex } from 'knex';
import { portalRoleOf, type PortalAdmin } from '../../core/engine/portal-access.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../core/errors.js';
import type { Database, TenantTx } from '../db/database.js';
import { loadActor } from '../stores/tenant-unit.js';

/** A transaction in a signed-in admin's reach, with the admin as they stand now. */
export interface ScopeTx {
  trx: Knex.Transaction;
  /** The tenant user's tenant; null for a platform admin (every tenant). */
  tenantId: string | null;
  admin: PortalAdmin;
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

// One re-read per request: the portal asks several times in one request (a count, the rows, each
// kind of linked record), each in its own transaction, with the request's own admin object (read
// from the session store for each request). The bound guards against an object kept longer.
const REREAD_AFTER_MS = 2_000;
const checked = new WeakMap<PortalAdmin, { at: number; admin: PortalAdmin }>();

/** The admin as they stand now: read in `trx` unless this request's admin was read a moment ago. */
async function currentOnce(trx: Knex.Transaction, admin: PortalAdmin, tenantId: string | null): Promise<PortalAdmin> {
  const seen = checked.get(admin);
  if (seen && Date.now() - seen.at < REREAD_AFTER_MS) return seen.admin;
  const now = await current(trx, admin, tenantId);
  checked.set(admin, { at: Date.now(), admin: now });
  return now;
}

/**
 * Runs portal work in one transaction with the signed-in admin's reach: a tenant user's
 * transaction sees only their tenant (row-level security decides, not the UI); a platform
 * admin's sees every tenant.
 */
export function inScope<T>(db: Database, admin: PortalAdmin, work: (scope: ScopeTx) => Promise<T>): Promise<T> {
  if (admin.kind === 'tenant') return db.withTenant(admin.tenantId!, async (tx) => work({ trx: tx.trx, tenantId: tx.tenantId, admin: await currentOnce(tx.trx, admin, tx.tenantId) }));
  return db.withSystem(async (trx) => work({ trx, tenantId: null, admin: await currentOnce(trx, admin, null) }));
}

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
