import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import { ObjectMissingError, type EvidenceStorage } from '../../core/ports/evidence-storage.js';
import { attachmentDisposition } from '../storage/s3-storage.js';
import { fileFindings, type EvidenceFinding } from '../storage/evidence-trail.js';
import { hashStoredObject, readStoredObject } from '../storage/store-evidence.js';
import type { DownloadAccess } from '../portal/evidence-download.js';
import { recordEvidenceDownload } from '../../core/use-cases/record-evidence-download.js';
const SIGNED_URL_SECONDS = 300;
export const VERIFIED_HEADER = 'sha256 matches the upload record';

interface Checked {
  stored: string | null;
  /** The verified bytes, for a store that has no URLs of its own (local). */
  bytes: Buffer | null;
  findings: EvidenceFinding[];
}

/** What to tell the person when the file does not match what was uploaded. */
function refusal(findings: EvidenceFinding[], slug: string): string {
  const missingOnly = findings.every((f) => f.kind === 'MISSING');
  return [
    missingOnly ? 'This file was not downloaded: the stored file is missing.' : 'This file was not downloaded: it does not match what was uploaded.',
    ...findings.map((f) => `- ${f.detail}.`),
    `Do not rely on any copy of it. Ask your administrator to run \`npm run cli -- evidence verify --tenant ${slug}\` and restore the file from a backup;`,
    'this refusal is recorded on the audit trail.',
  ].join('\n');
}

/**
 * GET …/evidence/:id/download for whoever `access` finds signed in (the portal's admin, the web's
 * person): the evidence must be visible in their scope (row-level security and their entities decide). The stored object is re-hashed first and compared with
 * the evidence row and the upload on the audit chain; a mismatch is refused (409, or 410 when
 * the object is gone), logged and put on the chain. S3: then a redirect to a 5-minute signed URL
 * (the object could still be replaced between this check and the browser's request: the
 * signed URL is short for that reason); local storage: the very bytes that were checked.
 * Each download is on the audit chain.
 */
export function evidenceDownloadRoute(storage: EvidenceStorage, log: Logger, access: DownloadAccess): RequestHandler {
  return async (req: Request, res: Response) => {
    const who = access.signedIn(req);
    if (!who) {
      res.redirect(access.signInPath(req));
      return;
    }
    try {
      const found = await who.find(String(req.params.eid ?? req.params.id));
      const record = found?.trail.rows[0];
      if (!found || !record) {
        res.status(404).send('No such evidence in your organisation.');
        return;
      }
      const { row, trail } = found;
      const url = await storage.downloadUrl(record.storageKey, row.file_name, row.content_type, SIGNED_URL_SECONDS);
      const checked = await check(storage, record.storageKey, record.sizeBytes, !url, (stored) => fileFindings(trail, record, stored));
      const upload = trail.uploads.get(record.id);
      await who.audit(row.tenant_id, (unit, actor) => recordEvidenceDownload(unit, actor, {
        evidenceId: record.id, version: record.version, recordSha256: record.sha256, uploadSha256: upload ? upload.after.sha256 : null,
        storedSha256: checked.stored, problems: checked.findings.map((f) => f.kind),
      }));

      if (checked.findings.length > 0) {
        log.error({ evidence: record.id, problems: checked.findings.map((f) => f.kind) }, 'evidence download refused: the stored file does not match the upload record');
        res.status(checked.findings.every((f) => f.kind === 'MISSING') ? 410 : 409).type('text/plain').send(refusal(checked.findings, trail.slug));
        return;
      }
      res.set({ 'X-Evidence-SHA256': record.sha256, 'X-Evidence-Verified': VERIFIED_HEADER, 'Cache-Control': 'private, no-store' });
      if (url) {
        res.redirect(302, url);
        return;
      }
      res.set({
        'Content-Type': row.content_type,
        'Content-Disposition': attachmentDisposition(row.file_name),
        'X-Content-Type-Options': 'nosniff',
      });
      res.send(checked.bytes);
    } catch (error) {
      if ((error as Error).name === 'ForbiddenError') {
        res.status(403).send((error as Error).message);
        return;
      }
      throw error;
    }
  };
}

/** Hashes the stored object (keeping its bytes when they are to be served here) and asks what is wrong. */
async function check(storage: EvidenceStorage, key: string, size: number, keep: boolean, findings: (stored: string | null) => EvidenceFinding[]): Promise<Checked> {
  try {
    if (!keep) {
      const stored = await hashStoredObject(storage, key);
      return { stored, bytes: null, findings: findings(stored) };
    }
    const { sha256, bytes } = await readStoredObject(storage, key, size);
    return { stored: sha256, bytes, findings: findings(sha256) };
  } catch (error) {
    if (!(error instanceof ObjectMissingError)) throw error;
    return { stored: null, bytes: null, findings: findings(null) };
  }
}
