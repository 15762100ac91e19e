import { forEachTenant, sweepReminders } from '../../core/infra/engine/reminder-sweep.js';
import { createRateLimiter } from '../../core/infra/cache/redis.js';
import { createLogger } from '../../core/infra/logger.js';
import { runDispatcher } from '../../core/infra/outbox/dispatcher.js';
import { DEFAULT_RETRY } from '../../core/notifications/retry.js';
import { syncShippedLibrary } from '../../app/engine-commands.js';
import { benchDatabase, printResult, seconds } from './harness.js';

/**
 * One reminder sweep over 1,000,000 open instances across 200 tenants (plan + enqueue, every
 * tenant), then dispatch throughput of what it queued through a local fake channel.
 */
const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1_000_000);
const NOW = new Date('2026-11-26T05:30:00Z'); // 11:00 IST

export async function benchRemind(): Promise<void> {
  const { db, close } = await benchDatabase(8);
  try {
    await syncShippedLibrary(db);
    const owner = db.owner;
    const setupStart = process.hrtime.bigint();
    await owner.raw(`INSERT INTO tenants (slug, name) SELECT 'bench-' || g, 'Bench group ' || g FROM generate_series(1, ?) g`, [TENANTS]);
    await owner.raw(`
      INSERT INTO entities (tenant_id, name, legal_name, entity_type, state)
      SELECT t.id, 'Entity ' || g, 'Entity ' || g || ' Pvt Ltd', 'company', 'MH' FROM tenants t CROSS JOIN generate_series(1, 10) g`);
    await owner.raw(`
      INSERT INTO users (tenant_id, email, name)
      SELECT t.id, r || '@' || t.slug || '.example', initcap(r) FROM tenants t CROSS JOIN unnest(ARRAY['owner','approver','cfo']) r`);
    await owner.raw(`
      INSERT INTO role_assignments (tenant_id, user_id, role)
      SELECT u.tenant_id, u.id, CASE split_part(u.email, '@', 1) WHEN 'owner' THEN 'owner' WHEN 'approver' THEN 'approver' ELSE 'cfo' END FROM users u`);
    // Open instances with due dates spread from 30 days ago to 335 days ahead.
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
      JOIN people p ON p.tenant_id = e.tenant_id`, [INSTANCES]);
    await owner.raw('ANALYZE');
    const setupSeconds = seconds(setupStart);
    const tenantIds: string[] = await owner('tenants').pluck('id');

    // The same sweep the hourly job runs: every tenant, four at a time.
    const sweep = () => forEachTenant(tenantIds, 4, (tenantId) => db.withTenant(tenantId, (tx) => sweepReminders(tx, NOW)));
    const sum = (rs: { open: number; planned: number; enqueued: number }[], k: 'open' | 'planned' | 'enqueued') => rs.reduce((n, r) => n + r[k], 0);
    const start = process.hrtime.bigint();
    const first = await sweep();
    const sweepSeconds = seconds(start);
    const [inReach, planned, enqueued] = [sum(first, 'open'), sum(first, 'planned'), sum(first, 'enqueued')];

    const againStart = process.hrtime.bigint();
    const again = sum(await sweep(), 'enqueued');
    const againSeconds = seconds(againStart);

    const fake = { name: 'email' as const, send: async () => ({}) };
    const dispatchStart = process.hrtime.bigint();
    const counts = await runDispatcher(
      { db, channels: { email: fake }, retry: DEFAULT_RETRY, limiter: createRateLimiter(undefined, 1_000_000), logger: createLogger('silent'), publicUrl: 'http://bench', appSecret: 'b'.repeat(32) },
      { concurrency: 4, idleMs: 0, shouldStop: () => false, untilEmpty: true },
    );
    const dispatchSeconds = seconds(dispatchStart);
    printResult({
      bench: 'remind', tenants: TENANTS, open_instances: INSTANCES, setup_seconds: +setupSeconds.toFixed(1),
      in_reach: inReach, planned, enqueued, sweep_seconds: +sweepSeconds.toFixed(2),
      second_sweep_enqueued: again, second_sweep_seconds: +againSeconds.toFixed(2),
    });
    printResult({ bench: 'dispatch', sent: counts.sent, concurrency: 4, seconds: +dispatchSeconds.toFixed(2), rows_per_s: Math.round(counts.sent / dispatchSeconds) });
  } finally {
    await close();
  }
}
