import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../../infra/db/database.js';

export interface TestDatabase {
  /** The application's pools: the app as the runtime login role, the owner as the superuser. */
  db: Database;
  /** DATABASE_URL for a server or CLI under test: the runtime login role, as in production. */
  url: string;
  /** The superuser's URL for this database (owner of the schema; migrations). */
  ownerUrl: string;
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

function runtimeUrl(): string {
  const url = process.env.TEST_PG_RUNTIME_URL;
  if (!url) throw new Error('TEST_PG_RUNTIME_URL is not set: run the tests with npm test (jest globalSetup starts PostgreSQL)');
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
  const ownerUrl = adminUrl().replace(/\/postgres$/, `/${name}`);
  const url = runtimeUrl().replace(/\/postgres$/, `/${name}`);
  const db = createDatabase({ url, ownerUrl, poolMax: 25 });
  return {
    db,
    url,
    ownerUrl,
    name,
    async superuser(sql, params) {
      const client = new pg.Client({ connectionString: ownerUrl });
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
