import { NotFoundError } from '../../core/errors.js';
import { verifyAuditChain } from '../../core/infra/audit/audit-store.js';
import type { Database } from '../../core/infra/db/database.js';
import { migrateLatest, pendingMigrations, rollbackAll } from '../../core/infra/db/migrator.js';
import { seedDemo } from '../seed/demo.js';
import { UsageError, type Command } from './command.js';

export async function tenantIdBySlug(db: Database, slug: string): Promise<string> {
  const row = await db.withSystem((trx) => trx('tenants').where({ slug }).first('id'));
  if (!row) throw new NotFoundError(`No tenant with slug "${slug}". List tenants in the admin portal, or seed the demo with: npm run cli -- seed --demo`);
  return row.id;
}

function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export const commands: Command[] = [
  {
    words: ['migrate'],
    usage: 'migrate [--status] [--down]',
    summary: 'Apply pending database migrations (--status lists pending ones; --down reverts them all).',
    options: { status: { type: 'boolean' }, down: { type: 'boolean' } },
    async run({ db }, values, io) {
      if (values.status) {
        const pending = await pendingMigrations(db.owner);
        io.out(pending.length === 0 ? 'Database schema is current.' : `Pending migrations:\n${pending.join('\n')}`);
        return 0;
      }
      if (values.down) {
        const reverted = await rollbackAll(db.owner);
        io.out(reverted.length === 0 ? 'Nothing to revert.' : `Reverted:\n${reverted.join('\n')}`);
        return 0;
      }
      const applied = await migrateLatest(db.owner);
      io.out(applied.length === 0 ? 'Database schema is already current.' : `Applied:\n${applied.join('\n')}`);
      return 0;
    },
  },
  {
    words: ['seed'],
    usage: 'seed --demo',
    summary: 'Create the demo tenant (slug "demo") with three entities and one user per role. Safe to repeat.',
    options: { demo: { type: 'boolean' } },
    async run({ db, config }, values, io) {
      if (!values.demo) throw new UsageError('say what to seed: --demo');
      const result = await seedDemo(db, config.dataDir);
      io.out(result.created ? 'Demo tenant "demo" created.' : 'Demo tenant "demo" already complete; nothing changed.');
      if (result.login) io.out(`Admin login: ${result.login.email} / ${result.login.password}`);
      return 0;
    },
  },
  {
    words: ['audit', 'verify'],
    usage: 'audit verify --tenant <slug>',
    summary: "Recompute the tenant's audit hash chain; exit 1 and name the first broken entry if it was tampered with.",
    options: { tenant: { type: 'string' } },
    async run({ db }, values, io) {
      const slug = requireString(values, 'tenant');
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
