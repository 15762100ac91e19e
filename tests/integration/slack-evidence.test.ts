import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Runtime } from '../../app/runtime.js';
import type { TestDatabase } from '../support/db.js';
import { instanceId, type DemoIds } from '../support/demo.js';
import { specProblems, type RecordedCall } from '../support/slack-spec.js';
import { signedHeaders, until } from '../support/slack.js';
import { startSlackTestServer } from '../support/slack-server.js';

let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;
let item: string;
const TEAM = 'T0DEMO';
const THREAD = '1764000000.000100';
const calls: RecordedCall[] = [];

beforeAll(async () => {
  ctx = await startSlackTestServer({ team: TEAM });
  ({ t, demo, runtime } = ctx);
  item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
  await t.db.withTenant(demo.tenantId, async ({ trx }) => {
    await trx('users').where({ id: demo.users.owner }).update({ slack_user_id: 'U0OWNER' });
    await trx('compliance_instances').where({ id: item }).update({ slack_channel_id: 'C0MFG0001', slack_thread_ts: THREAD });
  });
  nock('https://slack.com').persist().post('/api/chat.postMessage').reply(function (_uri, body) {
    const args = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
    calls.push({ method: 'chat.postMessage', args });
    return [200, { ok: true, ts: '1764.9' }];
  });
});
afterEach(() => expect(calls.flatMap(specProblems)).toEqual([]));
afterAll(() => ctx.close());

let eventCount = 0;
/** Posts a signed file_share message event, as Slack sends when someone drops a file in a thread. */
async function dropFile(file: Buffer, name: string, threadTs = THREAD): Promise<void> {
  const id = `F0${++eventCount}`;
  nock('https://files.slack.com').get(`/files-pri/${TEAM}-${id}/download/x`).matchHeader('authorization', 'Bearer xoxb-demo-token').reply(200, file);
  const body = JSON.stringify({
    token: 'legacy', team_id: TEAM, api_app_id: 'A0TEST', type: 'event_callback', event_id: `Ev0FILE${eventCount}`, event_time: 1764000000,
    event: {
      type: 'message', subtype: 'file_share', channel: 'C0MFG0001', user: 'U0OWNER', ts: `1764000100.00000${eventCount}`, thread_ts: threadTs,
      files: [{ id, name, size: file.length, url_private_download: `https://files.slack.com/files-pri/${TEAM}-${id}/download/x` }],
    },
  });
  const res = await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(body) }, body });
  expect(res.status).toBe(200);
}
const replies = () => calls.filter((c) => c.args.thread_ts === THREAD).map((c) => String(c.args.text));
const evidence = () => t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: item }).orderBy('version').select('version', 'sha256', 'storage_key', 'file_name', 'size_bytes'));

describe('files dropped in an item thread', () => {
  it('become a hashed, stored evidence version: item submitted, audited, approver asked, thread told', async () => {
    const pdf = Buffer.from('%PDF-1.7\nGSTR-3B November 2026 acknowledgement\n');
    await dropFile(pdf, 'GSTR-3B Nov 2026.pdf');
    await until(() => replies().some((r) => r.includes('Recorded')), 10_000);
    const sha = createHash('sha256').update(pdf).digest('hex');
    const [v1] = await evidence();
    expect(v1).toMatchObject({ version: 1, sha256: sha, file_name: 'GSTR-3B Nov 2026.pdf', size_bytes: pdf.length });
    const stored = await runtime.services.storage.list(`${demo.tenantId}/${item}/`);
    expect(stored).toEqual([v1.storage_key]);
    expect(replies().at(-1)).toBe(`:white_check_mark: Recorded *GSTR-3B Nov 2026.pdf* as version 1 (${pdf.length} bytes, SHA-256 \`${sha.slice(0, 12)}\`). The approver has been asked to review it.`);
    const state = await t.db.withTenant(demo.tenantId, async ({ trx }) => ({
      status: (await trx('compliance_instances').where({ id: item }).first('status')).status,
      audit: await trx('audit_log').where({ object_type: 'evidence' }).pluck('after'),
      asked: await trx('notifications').where({ instance_id: item, kind: 'review_requested' }).pluck('recipient_user_id'),
    }));
    expect(state.status).toBe('submitted');
    expect(state.audit).toContainEqual(expect.objectContaining({ sha256: sha, version: 1, channel: 'slack' }));
    expect(state.asked).toEqual([demo.users.approver]);
  });

  it('refuses a program renamed .pdf in the thread, keeping nothing', async () => {
    const before = await runtime.services.storage.list(`${demo.tenantId}/${item}/`);
    await dropFile(Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0]), Buffer.alloc(512)]), 'challan.pdf');
    await until(() => replies().some((r) => r.startsWith(':x: *challan.pdf*')), 10_000);
    expect(replies().at(-1)).toBe(':x: *challan.pdf* was not recorded: it is a Windows program (.exe), whatever its name says. Nothing was kept.');
    expect((await evidence()).length).toBe(1);
    expect(await runtime.services.storage.list(`${demo.tenantId}/${item}/`)).toEqual(before);
  });

  it('ignores files in threads that are not items', async () => {
    const before = calls.length;
    await dropFile(Buffer.from('%PDF-1.7 unrelated'), 'holiday-photo.pdf', '1700000000.000001');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls.length).toBe(before);
    expect((await evidence()).length).toBe(1);
  });
});
