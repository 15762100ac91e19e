import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createTenantWithEverything, type TenantFixture } from '../support/fixtures.js';
import { seedNotifications, statusCounts } from '../support/outbox.js';
import { runCli } from '../support/cli.js';
import { until } from '../support/wait.js';
import { spawnNode } from '../support/children.js';

let t: TestDatabase;
let fx: TenantFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  fx = await createTenantWithEverything(t.db, 'workers');
  await t.db.withTenant(fx.tenantId, ({ trx }) => trx('notifications').delete());
});
afterAll(() => t.drop());

const baseEnv = () => ({ DATABASE_URL: t.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'wk-')), DEMO_SEED: 'off' });

function startWorker(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawnNode(['--import', 'tsx', 'app/worker.ts'], { LOG_LEVEL: 'info', ...env });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  return { child, output: () => out, exited: new Promise((resolve) => child.on('exit', resolve)) };
}

describe('two worker processes at once', () => {
  it('send every notification exactly once, and run every slot once', async () => {
    await seedNotifications(t.db, fx.tenantId, fx.userId, 300, 'two-workers');
    const workers = [startWorker(baseEnv()), startWorker(baseEnv())];
    await until(async () => (await statusCounts(t.db)).sent === 300, 60_000);
    workers.forEach((w) => w.child.kill('SIGTERM'));
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);

    const sentBy = workers.map((w) => [...w.output().matchAll(/"notification":"([0-9a-f-]{36})"/g)].map((m) => m[1]));
    const all = sentBy.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(sentBy.every((ids) => ids.length > 0)).toBe(true); // both dispatchers took part
    const runs = await t.db.withSystem((trx) => trx('job_runs').select('job', 'slot'));
    const count = (job: string) => runs.filter((r) => r.job === job).length;
    expect(count('apply-extensions')).toBe(1);
    expect(count('generate-instances')).toBe(1); // one tenant, one local day
  }, 90_000);
});

describe('a dispatcher killed mid-batch', () => {
  it('loses nothing and sends nothing twice after restart', async () => {
    await t.db.withTenant(fx.tenantId, ({ trx }) => trx('notifications').delete());
    await seedNotifications(t.db, fx.tenantId, fx.userId, 120, 'crash');
    // A fake SendGrid that accepts mail until its 40th request; from then on it answers nothing,
    // so the dispatcher is killed with sends in flight that were never accepted.
    const delivered: string[] = [];
    let received = 0;
    const held: http.ServerResponse[] = [];
    let holding = false;
    let markHeld!: () => void;
    const heldOnce = new Promise<void>((resolve) => (markHeld = resolve));
    const fakeServer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received += 1;
        const id = (JSON.parse(body) as { custom_args: { notification_id: string } }).custom_args.notification_id;
        if (holding || received === 40) {
          if (!holding) markHeld();
          holding = true;
          held.push(res);
          return;
        }
        delivered.push(id);
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => fakeServer.listen(0, '127.0.0.1', resolve));
    const env = { ...baseEnv(), SENDGRID_API_KEY: 'SG.fake-key-0123456789', SENDGRID_API_URL: `http://127.0.0.1:${(fakeServer.address() as AddressInfo).port}` };

    const first = spawnNode(['--import', 'tsx', 'app/cli.ts', 'job', 'run', 'dispatch-notifications'], env, 'ignore');
    await heldOnce;
    await new Promise((resolve) => setTimeout(resolve, 300)); // answered sends get committed
    first.kill('SIGKILL');
    await new Promise((resolve) => first.on('exit', resolve));
    held.forEach((res) => res.destroy()); // never answered: not accepted
    holding = false;
    received = -1_000_000; // accept everything from here on
    const afterCrash = await statusCounts(t.db);
    expect(afterCrash.sent).toBe(39); // exactly what was accepted before the kill stays sent…
    expect(afterCrash.sent! + afterCrash.pending!).toBe(120); // …and nothing is lost or stuck

    const second = await runCli(['job', 'run', 'dispatch-notifications'], env);
    expect(second.code).toBe(0);
    fakeServer.close();
    expect(await statusCounts(t.db)).toEqual({ sent: 120 });
    expect(delivered).toHaveLength(120);
    expect(new Set(delivered).size).toBe(120);
  }, 90_000);
});
