import bcrypt from 'bcryptjs';
import type { Database } from '../infra/db/database.js';
import { loadActor } from '../infra/stores/tenant-unit.js';
import { portalRoleOf, type PortalAdmin } from './scope.js';

// Compared against when a candidate has no password, so every sign-in costs the same bcrypt
// work whether or not the address belongs to anyone (response times tell nothing).
const DUMMY_HASH = bcrypt.hashSync('no account has this password', 10);

interface Candidate { id: string; tenant_id: string; email: string; name: string; password_hash: string | null; credentials_changed_at: Date }

/**
 * Email + password sign-in. Platform admins first, then people of active tenants who hold a
 * portal role (tenant admin or auditor); everyone else is refused like a wrong password.
 */
export async function authenticate(db: Database, email: string, password: string, now = Date.now()): Promise<PortalAdmin | null> {
  const address = email.trim().toLowerCase();
  const { platform, people } = await db.withSystem(async (trx) => ({
    platform: await trx('platform_users').whereRaw('lower(email) = ?', [address]).andWhere({ is_active: true })
      .first('id', 'email', 'name', 'password_hash', 'credentials_changed_at'),
    people: (await trx('users as u').join('tenants as t', 't.id', 'u.tenant_id')
      .whereRaw('lower(u.email) = ?', [address]).andWhere({ 'u.is_active': true, 't.is_active': true })
      .orderBy('u.created_at').select('u.id', 'u.tenant_id', 'u.email', 'u.name', 'u.password_hash', 'u.credentials_changed_at')) as Candidate[],
  }));
  // Exactly one bcrypt comparison per candidate account, and one when there is none.
  const matches = async (hash: string | null) => (await bcrypt.compare(password, hash ?? DUMMY_HASH)) && hash !== null && password !== '';
  if (!platform && people.length === 0) await matches(null);
  if (platform && (await matches(platform.password_hash))) {
    return {
      email: platform.email, title: `${platform.name} (platform admin)`, id: platform.id, kind: 'platform', tenantId: null, role: 'platform_admin',
      grants: [{ role: 'platform_admin', entityId: null }], signedInAt: now, credentialsChangedAt: platform.credentials_changed_at.getTime(),
    };
  }
  for (const person of people) {
    if (!(await matches(person.password_hash))) continue;
    const grants = (await db.withTenant(person.tenant_id, (tx) => loadActor(tx, person.id))).roles;
    const role = portalRoleOf(grants);
    if (!role) return null;
    return {
      email: person.email, title: person.name, id: person.id, kind: 'tenant', tenantId: person.tenant_id, role, grants,
      signedInAt: now, credentialsChangedAt: person.credentials_changed_at.getTime(),
    };
  }
  return null;
}
