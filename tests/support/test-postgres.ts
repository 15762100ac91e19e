import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase } from '../../infra/db/database.js';
import { startEmbeddedPostgres } from '../../infra/db/embedded.js';
import { migrateLatest } from '../../infra/db/migrator.js';
import { ensureRuntimeLogin } from '../../infra/db/roles.js';

export const TEMPLATE_DB = 'compliance_template';

/**
 * One embedded PostgreSQL for the whole run (no installed database needed), with a migrated
 * template database; each test file clones it in milliseconds (tests/support/db.ts).
 */
export async function startTestPostgres(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'compliance-test-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false, database: TEMPLATE_DB });
  const template = createDatabase({ url: server.url(TEMPLATE_DB) });
  await migrateLatest(template.owner);
  // Tests connect the application as the product does: its own login role, never the superuser.
  await ensureRuntimeLogin(template.owner, server.runtimePassword);
  await template.close();
  process.env.TEST_PG_ADMIN_URL = server.url('postgres');
  process.env.TEST_PG_RUNTIME_URL = server.runtimeUrl('postgres');
  process.env.TEST_PG_TEMPLATE = TEMPLATE_DB;
  (globalThis as Record<string, unknown>).__embeddedPostgres = server;
}

export async function stopTestPostgres(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__embeddedPostgres as { stop(): Promise<void> } | undefined;
  await server?.stop();
}
