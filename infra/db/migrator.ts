import type { Knex } from 'knex';
import { migrations } from '../../migrations/index.js';

const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return migration;
  },
};

const options: Knex.MigratorConfig = { migrationSource: source };

export const knownMigrations = (): string[] => Object.keys(migrations).sort();

export async function migrateLatest(owner: Knex): Promise<string[]> {
  const [, applied] = (await owner.migrate.latest(options)) as [number, string[]];
  return applied;
}

export async function rollbackAll(owner: Knex): Promise<string[]> {
  const [, reverted] = (await owner.migrate.rollback(options, true)) as [number, string[]];
  return reverted;
}

/** Names of known migrations not yet applied, read through any connection that may see knex_migrations. */
export async function pendingMigrations(db: Knex): Promise<string[]> {
  const hasTable = await db.schema.hasTable('knex_migrations');
  if (!hasTable) return knownMigrations();
  const rows: { name: string }[] = await db('knex_migrations').select('name');
  const applied = new Set(rows.map((row) => row.name));
  return knownMigrations().filter((name) => !applied.has(name));
}
