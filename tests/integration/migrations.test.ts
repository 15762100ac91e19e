import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { knownMigrations, migrateLatest, pendingMigrations, rollbackAll } from '../../infra/db/migrator.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ migrated: false });
});
afterAll(() => t.drop());

const publicTables = async () =>
  (await t.superuser<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'knex_%'",
  )).rows[0]!.n;

describe('migrations', () => {
  it('lists every migration file in migrations/index.ts', () => {
    const files = readdirSync('migrations')
      .filter((f) => /^\d{14}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(knownMigrations()).toEqual(files);
  });

  it('run up, down and up again cleanly', async () => {
    expect(await pendingMigrations(t.db.owner)).toEqual(knownMigrations());
    expect(await migrateLatest(t.db.owner)).toEqual(knownMigrations());
    expect(await publicTables()).toBe(25);
    expect(await pendingMigrations(t.db.owner)).toEqual([]);

    expect(await rollbackAll(t.db.owner)).toEqual([...knownMigrations()].reverse());
    expect(await publicTables()).toBe(0);

    expect(await migrateLatest(t.db.owner)).toEqual(knownMigrations());
    expect(await publicTables()).toBe(25);
    // The restricted pool works against the re-created schema.
    const tenants = await t.db.withSystem((trx) => trx('tenants').count({ n: '*' }));
    expect(Number(tenants[0]!.n)).toBe(0);
  });
});
