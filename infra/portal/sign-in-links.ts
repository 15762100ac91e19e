import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { signInCandidates } from './accounts.js';

/** How long an emailed sign-in link works. */
export const SIGN_IN_LINK_MINUTES = 15;

export interface IssuedLink {
  /** Who it signs in, and into which tenant (one address may belong to people of several tenants). */
  person: { id: string; tenantId: string; name: string; email: string };
  tenantName: string;
  /** The secret for the link's URL: 256 random bits, kept only as its SHA-256. */
  token: string;
  expiresAt: Date;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A path on this site to land on after signing in; anything else (another site, a scheme) is dropped. */
export function localPath(next: unknown): string | null {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || next.length > 500) return null;
  return next;
}

/** A link for every active person of an active tenant with this address (none for an unknown one). */
export async function issueSignInLinks(db: Database, address: string, nextPath: string | null, now: Date): Promise<IssuedLink[]> {
  const { people } = await signInCandidates(db, address.trim().toLowerCase());
  if (people.length === 0) return [];
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  return db.withSystem(async (trx) => {
    const tenants = new Map<string, string>((await trx('tenants').whereIn('id', people.map((p) => p.tenant_id)).select('id', 'name')).map((t: { id: string; name: string }) => [t.id, t.name]));
    const links = people.map((p) => ({
      person: { id: p.id, tenantId: p.tenant_id, name: p.name, email: p.email }, tenantName: tenants.get(p.tenant_id) ?? '', token: randomBytes(32).toString('base64url'), expiresAt,
    }));
    // Links that can no longer be used go as new ones are made (a day's grace for reading the log of a refusal).
    await trx('sign_in_links').where('expires_at', '<', new Date(now.getTime() - 86_400_000)).delete();
    await trx('sign_in_links').insert(links.map((l) => ({
      token_hash: hashOf(l.token), tenant_id: l.person.tenantId, user_id: l.person.id, next_path: localPath(nextPath), expires_at: expiresAt, created_at: now,
    })));
    return links;
  });
}

/**
 * Uses a link: it works once, before it expires, for a person still active in an active tenant.
 * The row is claimed by one UPDATE, so two clicks racing each other sign in once.
 */
export async function useSignInLink(db: Database, token: string, now: Date): Promise<{ tenantId: string; userId: string; nextPath: string | null } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return db.withSystem(async (trx) => {
    const { rows } = await trx.raw(
      `UPDATE sign_in_links l SET used_at = ? FROM users u, tenants t
       WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ?
         AND u.tenant_id = l.tenant_id AND u.id = l.user_id AND u.is_active AND t.id = l.tenant_id AND t.is_active
       RETURNING l.tenant_id, l.user_id, l.next_path`,
      [now, hashOf(token), now],
    );
    const row = rows[0] as { tenant_id: string; user_id: string; next_path: string | null } | undefined;
    return row && { tenantId: row.tenant_id, userId: row.user_id, nextPath: row.next_path };
  });
}
