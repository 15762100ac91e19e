import type { Actor } from '../../core/engine/access.js';
import { actorOf, entityReach, type PortalAdmin } from '../../core/engine/portal-access.js';
import type { EngineUnit } from '../../core/ports/index.js';
import { appendAudit } from '../audit/audit-store.js';
import type { Database } from '../db/database.js';
import { loadEvidenceTrail, type EvidenceTrail } from '../storage/evidence-trail.js';
import { inScope } from './scope.js';
import { scopeToEntities } from './table-filters.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EvidenceForDownload {
  row: { id: string; tenant_id: string; file_name: string; content_type: string };
  trail: EvidenceTrail;
}

/** The evidence, if the admin may see it (row-level security and their entities decide), with its trail on the audit chain. */
export async function evidenceInReach(db: Database, admin: PortalAdmin, id: string): Promise<EvidenceForDownload | undefined> {
  if (!UUID.test(id)) return undefined;
  return inScope(db, admin, async ({ trx, admin: fresh }) => {
    const query = trx('evidence').where({ id });
    const reach = entityReach(fresh);
    if (reach) scopeToEntities(query, { items: 'evidence.instance_id' }, reach);
    const row = await query.first('id', 'tenant_id', 'file_name', 'content_type');
    return row && { row, trail: await loadEvidenceTrail({ trx, tenantId: row.tenant_id }, row.id) };
  });
}

/** Runs `work` with a tenant's audit chain, as the admin stands now, in the admin's reach. */
export function withAuditOf<T>(db: Database, admin: PortalAdmin, tenantId: string, work: (unit: Pick<EngineUnit, 'audit'>, actor: Actor) => Promise<T>): Promise<T> {
  return inScope(db, admin, ({ trx, admin: fresh }) =>
    work({ audit: { append: async (entries) => void (await appendAudit({ trx, tenantId }, entries)) } }, actorOf(fresh)));
}
