import { migrateLatest, pendingMigrations, rollbackAll } from '../../../infra/db/migrator.js';
import { seedDemo } from '../../seed/demo.js';
import { UsageError, type Command } from '../command.js';

export const databaseCommands: Command[] = [
  {
    words: ['migrate'],
    usage: 'migrate [--status] [--down]',
    summary: 'Apply pending database migrations (--status lists pending ones; --down reverts them all).',
    options: { status: { type: 'boolean' }, down: { type: 'boolean' } },
    async run({ runtime, io }, values) {
      const { db } = await runtime();
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
    async run({ runtime, config, io }, values) {
      if (!values.demo) throw new UsageError('say what to seed: --demo');
      const { db, clock } = await runtime();
      const result = await seedDemo(db, config.dataDir, clock.now());
      io.out(result.created ? 'Demo tenant "demo" created.' : 'Demo tenant "demo" already complete; nothing changed.');
      if (result.login) io.out(`Admin login: ${result.login.email} / ${result.login.password}`);
      return 0;
    },
  },
];
