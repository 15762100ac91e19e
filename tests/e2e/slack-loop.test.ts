import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../infra/db/embedded.js';
import { runCli } from '../support/cli.js';
import { startServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { statusCounts } from '../support/outbox.js';
import { specProblems } from '../support/slack-spec.js';
import { SIGNING_SECRET } from '../support/slack.js';
import { until } from '../support/wait.js';
import { DEMO_CLOCK_AT } from '../support/demo.js';

let t: TestDatabase;
let fake: FakeSlack;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

describe('npm start with Slack pointed at a local fake Slack', () => {
  it('runs the loop for the demo tenant: connect, remind, messages in threads and DMs', async () => {
    const port = await freePort();
    // A fixed moment for the server, its jobs and the CLI: the same reminders fall due on any day this runs.
    const env = {
      DATABASE_URL: t.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'slack-loop-')), PORT: String(port), LOG_LEVEL: 'warn', CLOCK_AT: DEMO_CLOCK_AT,
      SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-fake-token-0001', SLACK_API_URL: fake.url,
    };
    const server = await startServerProcess(env);
    expect(server.output()).toContain('Compliance OS is running');

    const connect = await runCli(['slack', 'connect', '--tenant', 'demo'], env);
    expect(connect.stdout).toContain('Connected Slack workspace "Fake Workspace" (T0FAKE) to tenant "demo"');
    expect(connect.stdout).toContain('Linked 6 of 6 unlinked user(s)');
    expect((await runCli(['slack', 'channel', '--tenant', 'demo', '--channel', 'C0DEMO0001'], env)).code).toBe(0);
    const remind = await runCli(['remind', '--tenant', 'demo'], env);
    expect(remind.stdout).toMatch(/^2026-11-26T06:00:\d\d\.\d{3}Z: /); // the CLI's clock starts at CLOCK_AT too
    // Counted from the outbox, not from "newly queued": the server's own hourly sweep may have
    // queued some of the same reminders first (same dedup keys), which is not a failure.
    const planned = Number(/(\d+) reminder\(s\) planned/.exec(remind.stdout)?.[1]);
    expect(planned).toBeGreaterThan(0);

    // The running server's dispatcher delivers everything queued to the fake within seconds: the
    // reminders, the threads of items whose notice has begun, the CFO's one escalation message,
    // and the seed's two "new work assigned" messages (the owner's and the approver's), by email:
    // nobody was linked to Slack when the demo's items were made.
    const queued = Number((await t.db.withSystem((trx) => trx('notifications').count({ n: '*' })))[0]!.n);
    expect(queued).toBeGreaterThan(planned);
    await until(async () => (await statusCounts(t.db)).sent === queued, 30_000, `${queued} notifications to be sent`);
    expect(await statusCounts(t.db)).toEqual({ sent: queued });
    expect(await t.db.withSystem((trx) => trx('notifications').where({ kind: 'escalation' }).count({ n: '*' }))).toEqual([{ n: 1 }]);
    expect(await t.db.withSystem((trx) => trx('notifications').where({ kind: 'work_assigned' }).select('channel', 'status')))
      .toEqual([{ channel: 'email', status: 'sent' }, { channel: 'email', status: 'sent' }]);

    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    const roots = posts.filter((c) => c.args.channel === 'C0DEMO0001' && !c.args.thread_ts);
    const replies = posts.filter((c) => c.args.channel === 'C0DEMO0001' && c.args.thread_ts);
    const dms = posts.filter((c) => String(c.args.channel).startsWith('D'));
    expect(roots.length).toBeGreaterThan(0);
    expect(dms.length).toBeGreaterThan(0);
    // Each item's thread opened once, when its notice began; its reminders are replies in it.
    expect(new Set(roots.map((c) => String(c.args.text))).size).toBe(roots.length);
    expect(replies.length).toBeGreaterThan(0);
    expect(fake.calls.flatMap(specProblems)).toEqual([]);

    expect(await server.stop()).toBe(0);
  }, 120_000);
});
