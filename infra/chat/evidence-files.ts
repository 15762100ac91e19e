import type { EvidenceFiles } from '../../core/ports/evidence-files.js';
import type { EvidenceStorage } from '../../core/ports/evidence-storage.js';
import { storeEvidenceStream } from '../storage/store-evidence.js';

/** Evidence files in the configured storage (`services.storage` is read at each call). */
export function evidenceFiles(deps: { services: { storage: EvidenceStorage } }): EvidenceFiles {
  return {
    store: (source, request) => storeEvidenceStream(deps.services.storage, source, request),
    remove: (storageKey) => deps.services.storage.remove(storageKey),
  };
}
