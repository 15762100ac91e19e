import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../infra/db/embedded.js';
import { runCli } from '../support/cli.js';
import { startServerProcess } from '../support/server-process.js';
import { until } from '../support/wait.js';
import { DEMO_CLOCK_AT } from '../support/demo.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { specProblems } from '../support/slack-spec.js';
import { SIGNING_SECRET, signedHeaders } from '../support/slack.js';

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

describe('npm start with the fake Slack: reminder → upload in the thread → approve', () => {
  it('ends with the root message showing Approved', async () => {
    const port = await freePort();
    // A fixed moment for the server, its jobs and the CLI: the demo then has the same work due on any day this runs.
    const env = {
      DATABASE_URL: t.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'evidence-loop-')), PORT: String(port), LOG_LEVEL: 'warn', CLOCK_AT: DEMO_CLOCK_AT,
      SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-fake-token-0001', SLACK_API_URL: fake.url,
    };
    const server = await startServerProcess(env);
    expect(server.output()).toContain('Compliance OS is running');
    expect((await runCli(['slack', 'connect', '--tenant', 'demo'], env)).code).toBe(0);
    expect((await runCli(['slack', 'channel', '--tenant', 'demo', '--channel', 'C0DEMO0001'], env)).code).toBe(0);
    expect((await runCli(['remind', '--tenant', 'demo'], env)).code).toBe(0);

    // 1. A reminder opened an item thread in the channel.
    const item = await until(async () => (await t.superuser<{ id: string; tenant_id: string; slack_thread_ts: string }>(
      "SELECT id, tenant_id, slack_thread_ts FROM compliance_instances WHERE slack_channel_id = 'C0DEMO0001' AND slack_thread_ts IS NOT NULL AND status = 'pending' LIMIT 1")).rows[0], 30_000, 'an item thread');
    const post = (body: string, type: string) => fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': type, ...signedHeaders(body) }, body });

    // 2. The preparer drops the challan in that thread.
    const pdf = Buffer.from('%PDF-1.7\nchallan paid 26-Nov-2026\n');
    const upload = JSON.stringify({
      token: 'legacy', team_id: 'T0FAKE', api_app_id: 'A0FAKE', type: 'event_callback', event_id: 'Ev0LOOP1', event_time: 1764000000,
      event: {
        type: 'message', subtype: 'file_share', channel: 'C0DEMO0001', user: 'UOWNER', ts: '1764000500.000100', thread_ts: item.slack_thread_ts,
        files: [{ id: 'F0LOOP1', name: 'challan.pdf', size: pdf.length, url_private_download: fake.addFile('F0LOOP1', pdf) }],
      },
    });
    expect((await post(upload, 'application/json')).status).toBe(200);
    const evidence = await until(async () => (await t.superuser<{ id: string; sha256: string }>('SELECT id, sha256 FROM evidence WHERE instance_id = $1', [item.id])).rows[0], 30_000, 'the evidence row');
    await until(async () => fake.calls.some((c) => c.args.thread_ts === item.slack_thread_ts && String(c.args.text).includes('<@UAPPROVER>')), 30_000, 'the approver asked in the thread');

    // 3. The approver presses Approve on that reply.
    const approve = new URLSearchParams({ payload: JSON.stringify({
      type: 'block_actions', team: { id: 'T0FAKE' }, user: { id: 'UAPPROVER' }, api_app_id: 'A0FAKE', token: 'legacy', trigger_id: '1.2.3',
      response_url: `${fake.url.replace(/\/api\/$/, '')}/respond/approve`, container: { type: 'message', channel_id: 'C0DEMO0001', message_ts: '1764.1' },
      actions: [{ type: 'button', action_id: 'evidence_approve', block_id: 'b', value: `${item.id}:${evidence.id}`, action_ts: '1', text: { type: 'plain_text', text: 'Approve' } }],
    }) }).toString();
    expect((await post(approve, 'application/x-www-form-urlencoded')).status).toBe(200);

    // 4. The root message is updated in place to Approved.
    const rootUpdate = await until(async () => fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === item.slack_thread_ts && String(c.args.text).includes('· Approved')).at(-1), 30_000, 'the root showing Approved');
    expect(String(rootUpdate.args.text)).toMatch(/· Approved$/);
    expect((await t.superuser('SELECT status FROM compliance_instances WHERE id = $1', [item.id])).rows[0]).toEqual({ status: 'approved' });
    expect(fake.calls.flatMap(specProblems)).toEqual([]);
    expect((await runCli(['evidence', 'verify', '--tenant', 'demo'], env)).stdout).toContain('All 1 stored evidence file(s)');
    expect((await runCli(['audit', 'verify', '--tenant', 'demo'], env)).code).toBe(0);

    expect(await server.stop()).toBe(0);
  }, 150_000);
});
