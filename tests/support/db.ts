import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../../core/infra/db/database.js';

export interface TestDatabase {
  db: Database;
  url: string;
  name: string;
  /** Runs SQL as the superuser that owns the database (bypasses RLS; triggers still fire). */
  superuser<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<T>>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error('TEST_PG_ADMIN_URL is not set: run the tests with npm test (jest globalSetup starts PostgreSQL)');
  return url;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test file: a migrated clone of the template, or empty. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : process.env.TEST_PG_TEMPLATE;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = adminUrl().replace(/\/postgres$/, `/${name}`);
  const db = createDatabase({ url, poolMax: 25 });
  return {
    db,
    url,
    name,
    async superuser(sql, params) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await client.query(sql, params);
      } finally {
        await client.end();
      }
    },
    async drop() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
