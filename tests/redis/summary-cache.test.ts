import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getStatusSummary } from '../../infra/engine/cached-status.js';
import type { Runtime } from '../../app/runtime.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { markNotApplicable } from '../../core/use-cases/change-status.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { testRuntime } from '../support/runtime.js';

// Runs only where REDIS_URL is set (CI sets it): see jest.config.js.
let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  runtime = await testRuntime(t.url, { REDIS_URL: process.env.REDIS_URL! });
  const redis = runtime.services.redis!;
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
});
afterAll(async () => {
  try {
    await runtime.services.redis!.del(`summary-version:${demo.tenantId}`);
  } finally {
    await runtime.close();
    await t.drop();
  }
});

describe('status summary cache in Redis', () => {
  it('serves the second request from Redis and drops it when a status changes', async () => {
    const today = '2026-11-26';
    const first = await getStatusSummary(runtime, demo.tenantId, { today });
    const version = (await runtime.services.redis!.get(`summary-version:${demo.tenantId}`)) ?? '0';
    expect(await runtime.services.redis!.exists(`summary:${demo.tenantId}:${version}:all:${today}`)).toBe(1);

    // Change the database behind the cache's back: the cached answer stays until invalidated.
    const id = await instanceId(t.db, demo.tenantId, demo.entities.advisors, 'TDS_DEPOSIT', '2026-10');
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id }).update({ status: 'approved' }));
    expect((await getStatusSummary(runtime, demo.tenantId, { today })).totals).toEqual(first.totals);
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id }).update({ status: 'pending' }));

    // A status change through a use case invalidates: the next summary shows it.
    await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) =>
      markNotApplicable(u, a, { instanceId: id, reason: 'No TDS deducted in October' }, DEMO_NOW), { cache: runtime.services.cache });
    const after = await getStatusSummary(runtime, demo.tenantId, { today });
    expect(after.totals.red).toBe(first.totals.red - 1);
    expect(after.totals.green).toBe(first.totals.green + 1);
  });
});
