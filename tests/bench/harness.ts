import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '../../infra/db/database.js';
import { startEmbeddedPostgres } from '../../infra/db/embedded.js';
import { migrateLatest } from '../../infra/db/migrator.js';

/** A throwaway migrated database for a benchmark: embedded unless BENCH_DATABASE_URL is given. */
export async function benchDatabase(poolMax = 4): Promise<{ db: Database; url: string; close(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) {
    const db = createDatabase({ url: process.env.BENCH_DATABASE_URL, poolMax });
    await migrateLatest(db.owner);
    return { db, url: process.env.BENCH_DATABASE_URL, close: () => db.close() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false, database: 'bench' });
  const db = createDatabase({ url: server.url(), poolMax });
  await migrateLatest(db.owner);
  return {
    db,
    url: server.url(),
    async close() {
      await db.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const seconds = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;

/** Milliseconds of each of `requests` calls of `send`, `concurrency` at a time, sorted. */
export async function latencies(requests: number, concurrency: number, send: () => Promise<void>): Promise<number[]> {
  const taken: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests) {
      next += 1;
      const started = process.hrtime.bigint();
      await send();
      taken.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return taken.sort((a, b) => a - b);
}

export const pct = (sorted: number[], p: number) => +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2);
export const latencySummary = (sorted: number[]) => ({ p50_ms: pct(sorted, 50), p95_ms: pct(sorted, 95), p99_ms: pct(sorted, 99) });
/** How a target's p99 and p50 compare with the floor's in the same run. */
export const ratioToFloor = (measured: number[], floor: number[]) => ({
  p99_ratio_to_floor: +(pct(measured, 99) / pct(floor, 99)).toFixed(2), p50_ratio_to_floor: +(pct(measured, 50) / pct(floor, 50)).toFixed(2),
});
export const printResult = (result: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(result)}\n`);

/**
 * Tenants of 10 entities and three people each (owner, approver, CFO), and `instances` open
 * items spread over them and the library, due from 30 days before 26 Nov 2026 to 335 days after,
 * each obligation assigned to the entities that have its items.
 */
export async function seedOpenInstances(db: Database, tenants: number, instances: number): Promise<void> {
  const owner = db.owner;
  await owner.raw(`INSERT INTO tenants (slug, name) SELECT 'bench-' || g, 'Bench group ' || g FROM generate_series(1, ?) g`, [tenants]);
  await owner.raw(`
    INSERT INTO entities (tenant_id, name, legal_name, entity_type, state)
    SELECT t.id, 'Entity ' || g, 'Entity ' || g || ' Pvt Ltd', 'company', 'MH' FROM tenants t CROSS JOIN generate_series(1, 10) g`);
  await owner.raw(`
    INSERT INTO users (tenant_id, email, name)
    SELECT t.id, r || '@' || t.slug || '.example', initcap(r) FROM tenants t CROSS JOIN unnest(ARRAY['owner','approver','cfo']) r`);
  await owner.raw(`
    INSERT INTO role_assignments (tenant_id, user_id, role)
    SELECT u.tenant_id, u.id, CASE split_part(u.email, '@', 1) WHEN 'owner' THEN 'owner' WHEN 'approver' THEN 'approver' ELSE 'cfo' END FROM users u`);
  await owner.raw(`
    WITH e AS (SELECT e.tenant_id, e.id, row_number() OVER () AS n FROM entities e),
         m AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM compliance_masters),
         people AS (SELECT tenant_id, max(id::text) FILTER (WHERE email LIKE 'owner@%')::uuid AS owner,
                           max(id::text) FILTER (WHERE email LIKE 'approver@%')::uuid AS approver FROM users GROUP BY tenant_id)
    INSERT INTO compliance_instances (tenant_id, entity_id, master_id, period_key, period_start, period_end, statutory_due_date, owner_user_id, approver_user_id)
    SELECT e.tenant_id, e.id, m.id, 'B' || g, DATE '2026-01-01', DATE '2026-01-31',
           DATE '2026-11-26' - 30 + (g * 7 + e.n::int) % 365, p.owner, p.approver
    FROM generate_series(1, ?) g
    JOIN e ON e.n = 1 + (g % (SELECT count(*) FROM e))
    JOIN m ON m.n = 1 + ((g / (SELECT count(*) FROM e)) % (SELECT count(*) FROM m))
    JOIN people p ON p.tenant_id = e.tenant_id`, [instances]);
  // Each item's obligation assigned to its entity, as generation would have it: the sweep reads
  // each assigned master's notice schedule (weeks for the annual filings, days for monthly ones).
  await owner.raw(`
    INSERT INTO assignments (tenant_id, entity_id, master_id, owner_user_id, approver_user_id)
    SELECT DISTINCT tenant_id, entity_id, master_id, owner_user_id, approver_user_id FROM compliance_instances`);
  // As a database that has held its items a while looks: vacuumed (hint bits set, visibility known)
  // and checkpointed, so the figures measure the work timed rather than the clean-up and the
  // writing out of a bulk load running beside it.
  await owner.raw('VACUUM (ANALYZE)');
  await owner.raw('CHECKPOINT');
}
