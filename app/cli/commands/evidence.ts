import { ObjectMissingError } from '../../../core/infra/storage/storage.js';
import { hashStoredObject } from '../../../core/infra/storage/store-evidence.js';
import { tenantIdBySlug } from '../../../core/infra/stores/tenants.js';
import { requireString, type Command } from '../command.js';

export const evidenceCommands: Command[] = [
  {
    words: ['evidence', 'verify'],
    usage: 'evidence verify --tenant <slug>',
    summary: "Re-read every stored evidence file and recompute its SHA-256; exit 1 naming any file altered or missing.",
    options: { tenant: { type: 'string' } },
    async run({ runtime, io }, values) {
      const slug = requireString(values, 'tenant');
      const { db, services } = await runtime();
      const tenantId = await tenantIdBySlug(db, slug);
      const rows: { id: string; version: number; file_name: string; storage_key: string; sha256: string; code: string; period_key: string }[] =
        await db.withTenant(tenantId, ({ trx }) => trx('evidence as v')
          .join('compliance_instances as i', function () { this.on('i.tenant_id', 'v.tenant_id').andOn('i.id', 'v.instance_id'); })
          .join('compliance_masters as m', 'm.id', 'i.master_id')
          .orderBy(['m.code', 'i.period_key', 'v.version'])
          .select('v.id', 'v.version', 'v.file_name', 'v.storage_key', 'v.sha256', 'm.code', 'i.period_key'));
      let problems = 0;
      for (const row of rows) {
        const label = `${row.code} ${row.period_key} v${row.version} "${row.file_name}" (evidence ${row.id})`;
        try {
          const actual = await hashStoredObject(services.storage, row.storage_key);
          if (actual !== row.sha256) {
            problems += 1;
            io.err(`ALTERED  ${label}: stored bytes hash to ${actual.slice(0, 12)}…, recorded ${row.sha256.slice(0, 12)}…`);
          }
        } catch (error) {
          if (!(error instanceof ObjectMissingError)) throw error;
          problems += 1;
          io.err(`MISSING  ${label}: no object at ${row.storage_key}`);
        }
      }
      if (problems === 0) {
        io.out(`All ${rows.length} stored evidence file(s) for "${slug}" match their recorded SHA-256.`);
        return 0;
      }
      io.err(`${problems} of ${rows.length} evidence file(s) for "${slug}" failed verification.`);
      return 1;
    },
  },
];
