import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getStatusSummary } from '../../infra/engine/cached-status.js';
import type { Runtime } from '../../app/runtime.js';
import { sendReminders } from '../../jobs/send-reminders.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { jobContext, testRuntime } from '../support/runtime.js';

let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  // Redis configured but not reachable: nothing listens on port 1.
  runtime = await testRuntime(t.url, { REDIS_URL: 'redis://127.0.0.1:1' });
});
afterAll(async () => {
  await runtime.close();
  await t.drop();
});

describe('with Redis configured but down', () => {
  it('status still answers from the database, without waiting on Redis', async () => {
    const started = Date.now();
    const summary = await getStatusSummary(runtime, demo.tenantId, { today: '2026-11-26' });
    expect(summary.totals.red).toBeGreaterThan(0);
    // A guard against ioredis's default ~70 s wait for a down server, not a speed test.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the reminder job and the rate limiter still work', async () => {
    const stats = await sendReminders(jobContext(runtime, new Date('2026-11-27T04:30:00Z')));
    expect(stats).toMatchObject({ planned: 33, enqueued: 2 }); // the owner's one email listing 7 reminders, the CFO's one message listing 26 overdue items
    await runtime.services.limiter.acquire('email');
  });
});
