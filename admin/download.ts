import type { Request, RequestHandler, Response } from 'express';
import type { Database } from '../core/infra/db/database.js';
import type { Logger } from '../core/infra/logger.js';
import { ObjectMissingError, type EvidenceStorage } from '../core/infra/storage/storage.js';
import { attachmentDisposition } from '../core/infra/storage/s3-storage.js';
import { appendAudit } from '../core/infra/audit/audit-store.js';
import { actorRef } from '../core/use-cases/instance-guard.js';
import { ofEntityItems } from './resources/common.js';
import { actorOf, entityReach, inScope, tenantTx, type PortalAdmin } from './scope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIGNED_URL_SECONDS = 300;

/**
 * GET /admin/evidence/:id/download for a signed-in admin: the evidence must be visible in their
 * scope (row-level security decides). S3: a redirect to a 5-minute signed URL; local storage:
 * the file streamed here. Each download is on the audit chain.
 */
export function evidenceDownloadRoute(db: Database, storage: EvidenceStorage, log: Logger): RequestHandler {
  return async (req: Request, res: Response) => {
    const admin = (req.session as unknown as { adminUser?: PortalAdmin }).adminUser;
    if (!admin) {
      res.redirect('/admin/login');
      return;
    }
    const id = String(req.params.id);
    if (!UUID.test(id)) {
      res.status(404).send('No such evidence in your organisation.');
      return;
    }
    try {
      const evidence = await inScope(db, admin, async (trx, _tenant, fresh) => {
        const reach = entityReach(fresh);
        const query = trx('evidence').where({ id });
        if (reach) ofEntityItems('evidence.instance_id')(query, reach);
        const row = await query.first('id', 'tenant_id', 'instance_id', 'version', 'file_name', 'content_type', 'storage_key', 'sha256');
        if (row) {
          await appendAudit(tenantTx(trx, row.tenant_id), {
            actor: actorRef(actorOf(fresh)), action: 'evidence.downloaded', objectType: 'evidence', objectId: row.id,
            after: { version: row.version, sha256: row.sha256 },
          });
        }
        return row;
      });
      if (!evidence) {
        res.status(404).send('No such evidence in your organisation.');
        return;
      }
      const url = await storage.downloadUrl(evidence.storage_key, evidence.file_name, evidence.content_type, SIGNED_URL_SECONDS);
      if (url) {
        res.redirect(302, url);
        return;
      }
      const body = await storage.get(evidence.storage_key);
      res.set({
        'Content-Type': evidence.content_type,
        'Content-Disposition': attachmentDisposition(evidence.file_name),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'X-Evidence-SHA256': evidence.sha256,
      });
      body.on('error', (error) => res.destroy(error));
      body.pipe(res);
    } catch (error) {
      if (error instanceof ObjectMissingError) {
        log.error({ evidence: id }, 'evidence object missing from storage');
        res.status(410).send('The stored file is missing: run `npm run cli -- evidence verify` and tell your administrator.');
        return;
      }
      if ((error as Error).name === 'ForbiddenError') {
        res.status(403).send((error as Error).message);
        return;
      }
      throw error;
    }
  };
}
