import { verifyAuditChain } from '../../../core/infra/audit/audit-store.js';
import { tenantIdBySlug } from '../../../core/infra/stores/tenants.js';
import { requireString, type Command } from '../command.js';

export const auditCommands: Command[] = [
  {
    words: ['audit', 'verify'],
    usage: 'audit verify --tenant <slug>',
    summary: "Recompute the tenant's audit hash chain; exit 1 and name the first broken entry if it was tampered with.",
    options: { tenant: { type: 'string' } },
    async run({ runtime, io }, values) {
      const slug = requireString(values, 'tenant');
      const { db } = await runtime();
      const tenantId = await tenantIdBySlug(db, slug);
      const report = await db.withTenant(tenantId, (tx) => verifyAuditChain(tx));
      if (report.intact) {
        io.out(`Audit chain for "${slug}" is intact: ${report.entries} entries verified.`);
        return 0;
      }
      io.err(`Audit chain for "${slug}" is BROKEN at entry #${report.firstBreak!.seq}: ${report.firstBreak!.message}.`);
      io.err(`${report.entries - 1} entries before it verified.`);
      return 1;
    },
  },
];
