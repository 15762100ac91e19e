import { NotFoundError } from '../../core/errors.js';
import type { Database } from '../db/database.js';

/** An entity of the tenant by its name (case-insensitive), as people type it on the command line. */
export async function entityIdByName(db: Database, tenantId: string, name: string): Promise<string> {
  const row = await db.withTenant(tenantId, ({ trx }) => trx('entities').where({ tenant_id: tenantId }).whereRaw('lower(name) = lower(?)', [name]).first('id'));
  if (!row) throw new NotFoundError(`No entity named "${name}" in this tenant.`);
  return row.id;
}
