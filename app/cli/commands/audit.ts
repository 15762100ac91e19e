import { breakConsequence } from '../../../core/audit/chain.js';
import { verifyTenantChain } from '../../../infra/audit/audit-store.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import { requireString, type Command } from '../command.js';

export const auditCommands: Command[] = [
  {
    words: ['audit', 'verify'],
    usage: 'audit verify --tenant <slug>',
    summary: "Recompute the tenant's audit hash chain and compare it with the furthest it ever reached; exit 1 and name the first broken, removed or rewritten entry.",
    options: { tenant: { type: 'string' } },
    async run({ runtime, io }, values) {
      const slug = requireString(values, 'tenant');
      const { db } = await runtime();
      const tenantId = await tenantIdBySlug(db, slug);
      const report = await verifyTenantChain(db, tenantId);
      if (report.intact) {
        io.out(`Audit chain for "${slug}" is intact: ${report.entries} entries verified.`);
        return 0;
      }
      const found = report.firstBreak!;
      io.err(`Audit chain for "${slug}" is BROKEN at entry #${found.seq}: ${found.message}.`);
      io.err(breakConsequence(report.entries, found));
      return 1;
    },
  },
];
