import { NotFoundError } from '../../core/errors.js';
import type { TenantDirectory } from '../../core/ports/index.js';
import type { Database } from '../db/database.js';

export async function tenantIdBySlug(db: Database, slug: string): Promise<string> {
  const row = await db.withSystem((trx) => trx('tenants').where({ slug }).first('id'));
  if (!row) throw new NotFoundError(`No tenant with slug "${slug}". Create it in the admin portal, or seed the demo with: npm run cli -- seed --demo`);
  return row.id;
}

/** The active tenants with their timezones (each job and platform view works tenant by tenant). */
export async function activeTenants(db: Database): Promise<{ id: string; timezone: string }[]> {
  return db.withSystem((trx) => trx('tenants').where({ is_active: true }).orderBy('slug').select('id', 'timezone'));
}

export const tenantDirectory = (db: Database): TenantDirectory => ({ active: () => activeTenants(db) });

export async function hasAnyTenant(db: Database): Promise<boolean> {
  return db.withSystem(async (trx) => Boolean(await trx('tenants').first('id')));
}
