import type { Request } from 'express';
import { canRead, type Actor } from '../../core/engine/access.js';
import { loadActor } from '../stores/tenant-unit.js';
import './sessions.js';
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

/** Who is downloading: how their evidence is found and their download put on the chain. */
export interface Downloader {
  find(evidenceId: string): Promise<EvidenceForDownload | undefined>;
  audit<T>(tenantId: string, work: (unit: Pick<EngineUnit, 'audit'>, actor: Actor) => Promise<T>): Promise<T>;
}

/** How a download route finds who is signed in, and where it sends anyone who is not. */
export interface DownloadAccess {
  signedIn(req: Request): Downloader | undefined;
  signInPath(req: Request): string;
}

/** The portal's admin downloads within their reach. */
export const portalDownloads = (db: Database): DownloadAccess => ({
  signedIn(req) {
    const admin = req.session?.adminUser;
    return admin && { find: (id) => evidenceInReach(db, admin, id), audit: (tenantId, work) => withAuditOf(db, admin, tenantId, work) };
  },
  signInPath: () => '/admin/login',
});

/** A web person downloads evidence of the entities they may read, in their tenant. */
export const personDownloads = (db: Database, signInPath: (req: Request) => string): DownloadAccess => ({
  signedIn(req) {
    const person = req.session?.person;
    if (!person) return undefined;
    return {
      find: (id) => (UUID.test(id) ? db.withTenant(person.tenantId, async (tx) => {
        const actor = await loadActor(tx, person.id);
        const found = await tx.trx('evidence as v').join('compliance_instances as i', function () { this.on('i.tenant_id', 'v.tenant_id').andOn('i.id', 'v.instance_id'); })
          .where('v.id', id).first('v.id', 'v.tenant_id', 'v.file_name', 'v.content_type', 'i.entity_id');
        if (!found || !canRead(actor, found.entity_id)) return undefined;
        const { entity_id: _entity, ...row } = found;
        return { row, trail: await loadEvidenceTrail(tx, row.id) };
      }) : Promise.resolve(undefined)),
      audit: (tenantId, work) => db.withTenant(tenantId, async (tx) =>
        work({ audit: { append: async (entries) => void (await appendAudit(tx, entries)) } }, await loadActor(tx, person.id))),
    };
  },
  signInPath,
});
