import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { claimSlot } from '../../infra/jobs/job-runs.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { until } from '../support/wait.js';
import { spawnNode } from '../support/children.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('a worker process killed in the middle of an exclusive job', () => {
  it('blocks the next run while alive, and frees the job within seconds of being killed (not hours)', async () => {
    const holder = spawnNode(['--import', 'tsx', 'tests/support/slot-holder.ts', t.url, 'send-reminders', '2026-11-27T06'], {});
    let output = '';
    holder.stdout!.on('data', (chunk) => (output += chunk));
    holder.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    try {
      await until(() => output.includes('holding'), 20_000, 'the holder to claim its slot');
      const nextHour = () => claimSlot(t.db, 'send-reminders', '2026-11-27T07', 'next-worker', { exclusive: true });
      expect(await nextHour()).toBeNull();
    } finally {
      holder.kill('SIGKILL'); // no finally, no cleanup: the row stays 'running' as a crash leaves it
      await exited;
    }
    const killedAt = Date.now();
    const claimed = await until(() => claimSlot(t.db, 'send-reminders', '2026-11-27T07', 'next-worker', { exclusive: true }), 40_000, 'the job to be free again');
    expect(claimed).toEqual(expect.any(Number));
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const rows = await t.db.withSystem((trx) => trx('job_runs').where({ job: 'send-reminders' }).orderBy('slot').select('slot', 'status', 'worker'));
    expect(rows).toEqual([
      { slot: '2026-11-27T06', status: 'running', worker: expect.stringMatching(/^slot-holder:\d+$/) },
      { slot: '2026-11-27T07', status: 'running', worker: 'next-worker' },
    ]);
  }, 90_000);
});
