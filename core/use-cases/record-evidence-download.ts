import type { Actor } from '../engine/access.js';
import type { EngineUnit } from '../ports/index.js';
import { actorRef } from './instance-guard.js';

/** What the check of a stored evidence file found before it was handed out. */
export interface DownloadCheck {
  evidenceId: string;
  version: number;
  /** The SHA-256 on the evidence record, and as its upload's audit entry has it (null: no upload entry). */
  recordSha256: string;
  uploadSha256: unknown;
  /** The stored object's SHA-256, or null when it is missing. */
  storedSha256: string | null;
  /** What disagrees (ALTERED, MISSING, SWAPPED, …); none: the file is what was uploaded. */
  problems: string[];
}

/**
 * Every download of evidence goes on the audit chain: a verified one as downloaded, one whose
 * stored file does not match what was uploaded as refused, with what was found.
 */
export async function recordEvidenceDownload(unit: Pick<EngineUnit, 'audit'>, actor: Actor, check: DownloadCheck): Promise<void> {
  const common = { actor: actorRef(actor), objectType: 'evidence', objectId: check.evidenceId };
  await unit.audit.append([check.problems.length === 0
    ? { ...common, action: 'evidence.downloaded', after: { version: check.version, sha256: check.recordSha256, verified: true } }
    : {
      ...common, action: 'evidence.download_refused',
      after: { version: check.version, problems: check.problems, storedSha256: check.storedSha256, recordSha256: check.recordSha256, uploadSha256: check.uploadSha256 },
    }]);
}
