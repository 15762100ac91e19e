import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Runtime } from '../../app/runtime.js';
import { generateInstances } from '../../jobs/generate-instances.js';
import { sendReminders } from '../../jobs/send-reminders.js';
import { weeklyDigest } from '../../jobs/weekly-digest.js';
import { applyExtensions } from '../../jobs/apply-extensions.js';
import { claimSlot, inSlot } from '../../infra/jobs/job-runs.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { jobContext, testRuntime } from '../support/runtime.js';
import { until } from '../support/wait.js';

let t: TestDatabase;
let demo: DemoIds;
let schedulerA: Runtime;
let schedulerB: Runtime;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  [schedulerA, schedulerB] = [await testRuntime(t.url), await testRuntime(t.url)];
});
afterAll(async () => {
  await schedulerA.close();
  await schedulerB.close();
  await t.drop();
});

const slots = async (job: string) => t.db.withSystem((trx) => trx('job_runs').where({ job }).select('slot', 'status', 'stats'));

describe('two schedulers firing the same tick', () => {
  it('send-reminders: one slot run, each reminder queued once', async () => {
    const tick = new Date('2026-11-27T04:30:00Z'); // 10:00 IST
    const [a, b] = await Promise.all([sendReminders(jobContext(schedulerA, tick, 'A')), sendReminders(jobContext(schedulerB, tick, 'B'))]);
    const ran = [a, b].filter((s) => !('skipped' in s));
    expect(ran).toHaveLength(1);
    // 33 planned: the owner's 7 reminders go by email as one message listing them, the overdue
    // items' escalations to the CFO as one message listing them.
    expect(ran[0]).toMatchObject({ tenants: 1, planned: 33, enqueued: 2 });
    expect(await slots('send-reminders')).toEqual([{ slot: '2026-11-27T04', status: 'succeeded', stats: { tenants: 1, planned: 33, enqueued: 2 } }]);
    const reminders = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ kind: 'due_soon' }).select('recipient_user_id', 'channel', 'payload'));
    expect(reminders.map((r) => [r.recipient_user_id, r.channel, r.payload.items.length])).toEqual([[demo.users.owner, 'email', 7]]);
    const escalations = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ kind: 'escalation' }).select('recipient_user_id', 'payload'));
    expect(escalations.map((e) => [e.recipient_user_id, e.payload.items.length])).toEqual([[demo.users.cfo, 26]]);
  });

  it('the next hour finds nothing new to plan: every rung was claimed', async () => {
    const stats = await sendReminders(jobContext(schedulerA, new Date('2026-11-27T05:30:00Z')));
    expect(stats).toMatchObject({ planned: 0, enqueued: 0 }); // every rung is claimed as queued
  });

  it('outside working hours nothing is planned', async () => {
    const stats = await sendReminders(jobContext(schedulerA, new Date('2026-11-27T15:00:00Z'))); // 20:30 IST
    expect(stats).toMatchObject({ planned: 0, enqueued: 0 });
  });

  it('generate-instances: once per tenant and local day', async () => {
    const tick = new Date('2026-11-27T18:35:00Z'); // 00:05 IST on 28 Nov
    const [a, b] = await Promise.all([generateInstances(jobContext(schedulerA, tick)), generateInstances(jobContext(schedulerB, tick))]);
    expect((a.tenants as number) + (b.tenants as number)).toBe(1);
    expect((await slots('generate-instances')).map((s) => s.slot)).toEqual([`2026-11-28:${demo.tenantId}`]);
    expect((await generateInstances(jobContext(schedulerA, new Date('2026-11-28T06:00:00Z')))).tenants).toBe(0);
  });

  it('weekly-digest: Monday from 09:00 tenant time, one digest per CFO per week', async () => {
    expect(await weeklyDigest(jobContext(schedulerA, new Date('2026-11-30T03:00:00Z')))).toEqual({ digests: 0 }); // 08:30 IST Monday
    const tick = new Date('2026-11-30T03:40:00Z'); // 09:10 IST Monday
    const results = await Promise.all([weeklyDigest(jobContext(schedulerA, tick)), weeklyDigest(jobContext(schedulerB, tick))]);
    expect(results.map((r) => r.digests).sort()).toEqual([0, 1]);
    const digest = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ kind: 'weekly_digest' }).first('recipient_user_id', 'payload'));
    expect(digest.recipient_user_id).toBe(demo.users.cfo);
    const lines = digest.payload.lines as string[];
    expect(lines[0]).toBe('Status by entity (red / amber / green):');
    expect(lines).toContain('Overdue:');
    expect(lines.some((l) => /^ {2}Demo Manufacturing: \d+ \/ \d+ \/ \d+$/.test(l))).toBe(true);
    expect(await weeklyDigest(jobContext(schedulerA, new Date('2026-11-30T10:00:00Z')))).toEqual({ digests: 0 });
  });

  it('apply-extensions: long runs never overlap; a slot whose run died is picked up again', async () => {
    await t.db.withSystem((trx) => trx('job_runs').insert({ job: 'apply-extensions', slot: '2026-11-30T00', status: 'running', worker: 'other' }));
    expect(await applyExtensions(jobContext(schedulerA, new Date('2026-11-30T01:30:00Z')))).toEqual({ skipped: 'slot already taken' });
    // Its worker died: no heartbeat for 30 seconds.
    await t.db.withSystem((trx) => trx('job_runs').where({ job: 'apply-extensions' }).update({ heartbeat_at: trx.raw("now() - interval '30 seconds'") }));
    expect(await applyExtensions(jobContext(schedulerA, new Date('2026-11-30T01:30:00Z')))).toMatchObject({ moved: 0 });
  });
});

describe('a worker that died holding a slot', () => {
  /** A 'running' row as a worker leaves it when it is killed: started a minute ago, silent for 30 seconds. */
  const deadHolder = (job: string, slot: string) => t.db.withSystem((trx) => trx('job_runs').insert({
    job, slot, status: 'running', worker: 'killed-worker',
    started_at: trx.raw("now() - interval '1 minute'"), heartbeat_at: trx.raw("now() - interval '30 seconds'"),
  }));

  it('send-reminders: the next hour runs, seconds after the holder stopped beating (not 2 hours later)', async () => {
    await deadHolder('send-reminders', '2026-11-27T06');
    const stats = await sendReminders(jobContext(schedulerA, new Date('2026-11-27T07:30:00Z')));
    expect(stats).not.toHaveProperty('skipped');
    expect(stats).toMatchObject({ tenants: 1 });
  });

  it('the dead holder’s own slot can be claimed again by another worker', async () => {
    await deadHolder('heartbeat-same-slot', 'slot-1');
    expect(await claimSlot(t.db, 'heartbeat-same-slot', 'slot-1', 'B')).toEqual(expect.any(Number));
    expect(await t.db.withSystem((trx) => trx('job_runs').where({ job: 'heartbeat-same-slot' }).first('worker', 'status'))).toEqual({ worker: 'B', status: 'running' });
  });

  it('a live holder keeps blocking: its heartbeat is refreshed while its work runs', async () => {
    let finish!: () => void;
    const work = new Promise<Record<string, unknown>>((resolve) => (finish = () => resolve({ done: true })));
    const holding = inSlot(t.db, 'heartbeat-live', 'slot-1', 'A', () => work, { exclusive: true });
    const row = () => t.db.withSystem((trx) => trx('job_runs').where({ job: 'heartbeat-live', slot: 'slot-1' })
      .first('status', trx.raw("heartbeat_at > now() - interval '2 seconds' AS fresh")));
    await until(row, 5000, 'the slot to be claimed');
    // Make the holder look silent, as if it had died; a live one beats again within seconds.
    await t.db.withSystem((trx) => trx('job_runs').where({ job: 'heartbeat-live' }).update({ heartbeat_at: trx.raw("now() - interval '30 seconds'") }));
    await until(async () => (await row())?.fresh, 10_000, 'the next heartbeat');
    expect(await claimSlot(t.db, 'heartbeat-live', 'slot-2', 'B', { exclusive: true })).toBeNull();
    expect(await claimSlot(t.db, 'heartbeat-live', 'slot-1', 'B')).toBeNull();
    finish();
    expect(await holding).toEqual({ done: true });
    expect(await row()).toMatchObject({ status: 'succeeded' });
  }, 20_000);
});
