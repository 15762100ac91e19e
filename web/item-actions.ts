import busboy from 'busboy';
import type { Request, Response, Router } from 'express';
import type { Actor } from '../core/engine/access.js';
import { AppError } from '../core/errors.js';
import type { EvidenceStorage } from '../core/ports/evidence-storage.js';
import type { TenantUnit } from '../core/ports/index.js';
import { markNotApplicable, reopenInstance } from '../core/use-cases/change-status.js';
import { approveEvidence, rejectEvidence } from '../core/use-cases/review-evidence.js';
import { submitEvidence } from '../core/use-cases/submit-evidence.js';
import { formatBytes } from '../core/evidence/file-policy.js';
import type { SummaryCache } from '../infra/cache/redis.js';
import type { Database } from '../infra/db/database.js';
import type { Logger } from '../infra/logger.js';
import { storeEvidenceStream, type StoreResult } from '../infra/storage/store-evidence.js';
import { runAsUser } from '../infra/stores/run-as-user.js';
import { leaveNotice } from './notices.js';
import { formField, smallForm } from './forms.js';
import { personOf, requirePerson } from './people.js';

export interface ItemActionDeps {
  db: Database;
  storage: EvidenceStorage;
  cache: SummaryCache;
  log: Logger;
  now: () => Date;
  evidenceMaxBytes: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const form = smallForm('16kb');

/** Runs a use case as the signed-in person and goes back to the item, saying what happened (or why nothing did). */
async function decide(req: Request, res: Response, deps: ItemActionDeps, useCase: (unit: TenantUnit, actor: Actor, instanceId: string) => Promise<string>) {
  const person = personOf(req)!;
  const instanceId = String(req.params.id);
  try {
    const done = await runAsUser(deps.db, person.tenantId, person.id, (unit, actor) => useCase(unit, actor, instanceId), { cache: deps.cache });
    leaveNotice(req, { kind: 'ok', text: done });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    leaveNotice(req, { kind: 'error', text: `Nothing changed: ${error.message}` });
  }
  res.redirect(303, `/items/${encodeURIComponent(instanceId)}`);
}

/** Reads the one file of a multipart form as a stream into evidence storage (type, hash and size checked on the way). */
function storeUpload(req: Request, deps: ItemActionDeps, target: { tenantId: string; instanceId: string }): Promise<StoreResult> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 5, fileSize: deps.evidenceMaxBytes + 1 } });
    } catch {
      resolve({ ok: false, reason: 'the form did not carry a file (send it as multipart/form-data)' });
      return;
    }
    let taken = false;
    parser.on('file', (_name, stream, info) => {
      if (taken) {
        stream.resume();
        return;
      }
      taken = true;
      storeEvidenceStream(deps.storage, stream, { ...target, fileName: info.filename ?? '', maxBytes: deps.evidenceMaxBytes })
        .then((result) => {
          stream.resume();
          resolve(result);
        }, reject);
    });
    parser.on('close', () => {
      if (!taken) resolve({ ok: false, reason: 'no file was chosen' });
    });
    parser.on('error', reject);
    req.pipe(parser);
  });
}

/** The item page's forms: upload evidence, approve, reject, not applicable, reopen — each the same use case Slack runs. */
export function itemActionRoutes(router: Router, deps: ItemActionDeps): void {
  router.post('/items/:id/evidence', requirePerson, async (req, res) => {
    const person = personOf(req)!;
    const instanceId = String(req.params.id);
    // Nothing is stored for an id that cannot be an item's (it names the storage folder).
    if (!UUID.test(instanceId)) return res.status(404).type('text').send('There is no such item. Open it from My work and try again.');
    const stored = await storeUpload(req, deps, { tenantId: person.tenantId, instanceId });
    if (!stored.ok) {
      leaveNotice(req, { kind: 'error', text: `The file was not recorded: ${stored.reason}. Nothing was kept.` });
      return res.redirect(303, `/items/${encodeURIComponent(instanceId)}`);
    }
    await decide(req, res, deps, async (unit, actor) => {
      try {
        const { evidence } = await submitEvidence(unit, actor, { instanceId, file: stored, channel: 'portal' }, deps.now());
        return `Recorded ${stored.fileName} as version ${evidence.version} (${formatBytes(stored.sizeBytes)}, SHA-256 ${stored.sha256}). The approver has been asked to review it.`;
      } catch (error) {
        // No row, no file: the stored object goes with the refused submission.
        await deps.storage.remove(stored.storageKey).catch(() => undefined);
        throw error;
      }
    });
  });

  router.post('/items/:id/approve', requirePerson, form, (req, res) => decide(req, res, deps, async (unit, actor, instanceId) => {
    const { evidence, late } = await approveEvidence(unit, actor, { instanceId, evidenceId: formField(req, 'evidenceId'), filingReference: formField(req, 'reference') }, deps.now());
    return `Approved version ${evidence.version}${late ? ' (filed late)' : ''}. The preparer has been told.`;
  }));

  router.post('/items/:id/reject', requirePerson, form, (req, res) => decide(req, res, deps, async (unit, actor, instanceId) => {
    await rejectEvidence(unit, actor, { instanceId, evidenceId: formField(req, 'evidenceId'), reason: formField(req, 'reason') }, deps.now());
    return 'Rejected. The preparer has been told why and asked for a corrected file.';
  }));

  router.post('/items/:id/not-applicable', requirePerson, form, (req, res) => decide(req, res, deps, async (unit, actor, instanceId) => {
    await markNotApplicable(unit, actor, { instanceId, reason: formField(req, 'reason') }, deps.now());
    return 'Marked not applicable. The preparer has been told.';
  }));

  router.post('/items/:id/reopen', requirePerson, form, (req, res) => decide(req, res, deps, async (unit, actor, instanceId) => {
    await reopenInstance(unit, actor, { instanceId, reason: formField(req, 'reason') }, deps.now());
    return 'Reopened: the item is pending again and its preparer has been told.';
  }));
}
