import type { RoleGrant } from '../../core/engine/access.js';
import { portalRoleOf, type PortalAdmin } from '../../core/engine/portal-access.js';
import type { WebPerson } from './sessions.js';
import type { Database } from '../db/database.js';
import { loadActor } from '../stores/tenant-unit.js';

export interface PlatformAccount { id: string; email: string; name: string; password_hash: string | null; credentials_changed_at: Date }
export interface TenantAccount extends PlatformAccount { tenant_id: string }

/** Who could be signing in with this address: the active platform admin, and active people of active tenants (oldest first). */
export async function signInCandidates(db: Database, address: string): Promise<{ platform: PlatformAccount | undefined; people: TenantAccount[] }> {
  return db.withSystem(async (trx) => ({
    platform: await trx('platform_users').whereRaw('lower(email) = ?', [address]).andWhere({ is_active: true })
      .first('id', 'email', 'name', 'password_hash', 'credentials_changed_at'),
    people: await trx('users as u').join('tenants as t', 't.id', 'u.tenant_id')
      .whereRaw('lower(u.email) = ?', [address]).andWhere({ 'u.is_active': true, 't.is_active': true })
      .orderBy('u.created_at').select('u.id', 'u.tenant_id', 'u.email', 'u.name', 'u.password_hash', 'u.credentials_changed_at'),
  }));
}

/** A tenant person's role grants, read in their tenant's scope. */
export async function grantsOf(db: Database, tenantId: string, userId: string): Promise<RoleGrant[]> {
  return (await db.withTenant(tenantId, (tx) => loadActor(tx, userId))).roles;
}

/** The moment the person's credentials last changed (password set, deactivated, reactivated); undefined if gone. */
export async function credentialsChangedAt(db: Database, admin: Pick<PortalAdmin, 'kind' | 'id' | 'tenantId'>): Promise<number | undefined> {
  const row: { credentials_changed_at: Date } | undefined = admin.kind === 'platform'
    ? await db.withSystem((trx) => trx('platform_users').where({ id: admin.id, is_active: true }).first('credentials_changed_at'))
    : await db.withTenant(admin.tenantId!, ({ trx }) => trx('users').where({ id: admin.id, is_active: true }).first('credentials_changed_at'));
  return row?.credentials_changed_at.getTime();
}

/**
 * The session of a tenant person who proved who they are another way than a password (a sign-in
 * link, Slack): the web pages' person, and the portal's admin too when their roles give one.
 * Undefined for a person deactivated (or a tenant suspended) since.
 */
export async function sessionOfPerson(db: Database, tenantId: string, userId: string, via: WebPerson['via'], now: number): Promise<{ person: WebPerson; admin?: PortalAdmin } | undefined> {
  const found = await db.withSystem((trx) => trx('users as u').join('tenants as t', 't.id', 'u.tenant_id')
    .where({ 'u.tenant_id': tenantId, 'u.id': userId, 'u.is_active': true, 't.is_active': true })
    .first('u.id', 'u.email', 'u.name', 'u.credentials_changed_at')) as { id: string; email: string; name: string; credentials_changed_at: Date } | undefined;
  if (!found) return undefined;
  const credentials = found.credentials_changed_at.getTime();
  const person: WebPerson = { id: found.id, tenantId, email: found.email, name: found.name, via, signedInAt: now, credentialsChangedAt: credentials };
  const grants = await grantsOf(db, tenantId, userId);
  const role = portalRoleOf(grants);
  const admin: PortalAdmin | undefined = role && {
    email: found.email, title: found.name, id: found.id, kind: 'tenant', tenantId, role, grants, signedInAt: now, credentialsChangedAt: credentials,
  };
  return { person, ...(admin ? { admin } : {}) };
}
