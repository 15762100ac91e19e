import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { forEachTenant } from '../../jobs/send-reminders.js';
import { createRateLimiter } from '../../infra/cache/redis.js';
import { createLogger } from '../../infra/logger.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { DEFAULT_RETRY } from '../../core/notifications/retry.js';
import { syncShippedLibrary } from '../support/engine.js';
import { benchDatabase, printResult, seconds, seedOpenInstances } from './harness.js';

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
    const setupStart = process.hrtime.bigint();
    await seedOpenInstances(db, TENANTS, INSTANCES);
    const setupSeconds = seconds(setupStart);
    const tenantIds: string[] = await db.owner('tenants').pluck('id');

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
