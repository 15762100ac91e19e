import bcrypt from 'bcryptjs';
import type { Database } from '../infra/db/database.js';
import { grantsOf, signInCandidates } from '../infra/portal/accounts.js';
import { portalRoleOf, type PortalAdmin } from './scope.js';

// Compared against when a candidate has no password, so every sign-in costs the same bcrypt
// work whether or not the address belongs to anyone (response times tell nothing).
const DUMMY_HASH = bcrypt.hashSync('no account has this password', 10);

/**
 * Email + password sign-in. Platform admins first, then people of active tenants who hold a
 * portal role (tenant admin or auditor); everyone else is refused like a wrong password.
 */
export async function authenticate(db: Database, email: string, password: string, now = Date.now()): Promise<PortalAdmin | null> {
  const address = email.trim().toLowerCase();
  const { platform, people } = await signInCandidates(db, address);
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
    const grants = await grantsOf(db, person.tenant_id, person.id);
    const role = portalRoleOf(grants);
    if (!role) return null;
    return {
      email: person.email, title: person.name, id: person.id, kind: 'tenant', tenantId: person.tenant_id, role, grants,
      signedInAt: now, credentialsChangedAt: person.credentials_changed_at.getTime(),
    };
  }
  return null;
}
