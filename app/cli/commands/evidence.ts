import { deletedFindings, evidenceTrailAndChain, fileFindings, reviewFindings, type EvidenceFinding } from '../../../infra/storage/evidence-trail.js';
import { ObjectMissingError, type EvidenceStorage } from '../../../core/ports/evidence-storage.js';
import { hashStoredObject } from '../../../infra/storage/store-evidence.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import { requireString, type Command } from '../command.js';

/** The SHA-256 of the stored object, or null when storage has no such object. */
async function storedHash(storage: EvidenceStorage, key: string): Promise<string | null> {
  try {
    return await hashStoredObject(storage, key);
  } catch (error) {
    if (error instanceof ObjectMissingError) return null;
    throw error;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const evidenceCommands: Command[] = [
  {
    words: ['evidence', 'verify'],
    usage: 'evidence verify --tenant <slug>',
    summary: 'Re-hash every stored evidence file and compare it with its record and with the upload and reviews on the audit trail; exit 1 naming every file altered, missing, swapped, forged, reviewed outside the product or deleted.',
    options: { tenant: { type: 'string' } },
    async run({ runtime, io }, values) {
      const slug = requireString(values, 'tenant');
      const { db, services } = await runtime();
      const tenantId = await tenantIdBySlug(db, slug);
      const { trail, chain } = await evidenceTrailAndChain(db, tenantId);
      if (!chain.intact) {
        io.err(`AUDIT CHAIN BROKEN at entry #${chain.firstBreak!.seq}: ${chain.firstBreak!.message}. The hashes it records cannot be trusted until it is restored: run \`audit verify --tenant ${slug}\`.`);
      }
      const findings: EvidenceFinding[] = [];
      for (const row of trail.rows) {
        findings.push(...fileFindings(trail, row, await storedHash(services.storage, row.storageKey)), ...reviewFindings(trail, row));
      }
      const deleted = deletedFindings(trail);
      for (const f of [...findings, ...deleted]) io.err(`${f.kind}  ${f.label}: ${f.detail}`);

      if (findings.length === 0 && deleted.length === 0 && chain.intact) {
        io.out(`All ${trail.rows.length} stored evidence file(s) for "${slug}" match their records and the audit trail.`);
        return 0;
      }
      const failed = new Set(findings.map((f) => f.evidenceId)).size;
      const gone = deleted.length > 0 ? `, and ${plural(deleted.length, 'uploaded file has', 'uploaded files have')} no record any more` : '';
      io.err(`${failed} of ${trail.rows.length} evidence file(s) for "${slug}" failed verification${gone}.`);
      io.err('Restore each named file or record from a backup (the audit trail shows what was uploaded and reviewed, by whom and when) and find out who had write access to the database or the evidence storage.');
      return 1;
    },
  },
];
