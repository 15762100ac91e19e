import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '../../core/infra/db/database.js';
import { startEmbeddedPostgres } from '../../core/infra/db/embedded.js';
import { migrateLatest } from '../../core/infra/db/migrator.js';

/** A throwaway migrated database for a benchmark: embedded unless BENCH_DATABASE_URL is given. */
export async function benchDatabase(poolMax = 4): Promise<{ db: Database; close(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) {
    const db = createDatabase({ url: process.env.BENCH_DATABASE_URL, poolMax });
    await migrateLatest(db.owner);
    return { db, close: () => db.close() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false, database: 'bench' });
  const db = createDatabase({ url: server.url(), poolMax });
  await migrateLatest(db.owner);
  return {
    db,
    async close() {
      await db.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const seconds = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;
export const printResult = (result: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(result)}\n`);
