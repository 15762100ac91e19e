import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import S3rver from 's3rver';
import type { Runtime } from '../../app/runtime.js';
import { theTenant } from '../mothers/tenant-mother.js';
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
/** The approver's App Home each time it is published (after a decision, or when opened). */
const published: { user_id: string; view: { blocks: { type: string; text?: { text: string }; elements?: { action_id: string; value: string }[] }[] } }[] = [];

let s3server: S3rver;

beforeAll(async () => {
  // Evidence goes to a real S3-compatible server, as in production.
  s3server = new S3rver({ port: 0, address: '127.0.0.1', directory: mkdtempSync(path.join(tmpdir(), 's3rver-')), silent: true, configureBuckets: [{ name: 'evidence' }] });
  const { port } = await s3server.run();
  ctx = await startSlackTestServer({
    team: TEAM,
    env: {
      S3_BUCKET: 'evidence', S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_FORCE_PATH_STYLE: 'on',
      S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_SERVER_SIDE_ENCRYPTION: 'off',
    },
  });
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
  nock('https://slack.com').persist().post('/api/views.publish').reply(function (_uri, body) {
    const args = Object.fromEntries(new URLSearchParams(body as string));
    calls.push({ method: 'views.publish', args });
    if (args.user_id === 'U0APPR') published.push({ user_id: String(args.user_id), view: JSON.parse(String(args.view)) });
    return [200, { ok: true }];
  });
});
afterEach(() => expect(calls.flatMap(specProblems)).toEqual([]));
afterAll(async () => {
  await ctx.close();
  await s3server.close();
});

let eventCount = 0;
/** Posts a signed file_share message event, as Slack sends when someone drops a file in a thread. */
async function dropFile(file: Buffer, name: string, threadTs = THREAD, origin = 'https://files.slack.com'): Promise<nock.Scope> {
  const id = `F0${++eventCount}`;
  // Slack's own file host must get the bot token; any other host must get no request at all.
  const interceptor = nock(origin).get(`/files-pri/${TEAM}-${id}/download/x`);
  const download = (origin === 'https://files.slack.com' ? interceptor.matchHeader('authorization', 'Bearer xoxb-demo-token') : interceptor).reply(200, file);
  const body = JSON.stringify({
    token: 'legacy', team_id: TEAM, api_app_id: 'A0TEST', type: 'event_callback', event_id: `Ev0FILE${eventCount}`, event_time: 1764000000,
    event: {
      type: 'message', subtype: 'file_share', channel: 'C0MFG0001', user: 'U0OWNER', ts: `1764000100.00000${eventCount}`, thread_ts: threadTs,
      files: [{ id, name, size: file.length, url_private_download: `${origin}/files-pri/${TEAM}-${id}/download/x` }],
    },
  });
  const res = await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(body) }, body });
  expect(res.status).toBe(200);
  return download;
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
    expect(replies().at(-1)).toBe(`:white_check_mark: Recorded *GSTR-3B Nov 2026.pdf* as version 1 (${pdf.length} bytes, SHA-256 \`${sha}\`). The approver has been asked to review it.`);
    const state = await t.db.withTenant(demo.tenantId, async ({ trx }) => ({
      status: (await trx('compliance_instances').where({ id: item }).first('status')).status,
      audit: await trx('audit_log').where({ object_type: 'evidence' }).pluck('after'),
      asked: await trx('notifications').where({ instance_id: item, kind: 'review_requested' }).pluck('recipient_user_id'),
    }));
    expect(state.status).toBe('submitted');
    expect(state.audit).toContainEqual(expect.objectContaining({ sha256: sha, version: 1, channel: 'slack' }));
    expect(state.asked).toEqual([demo.users.approver]);
  });

  it.each([
    ['a 30 MB file', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(30 * 1024 * 1024)]), 'annual.pdf', 'it is larger than the 25.0 MB limit'],
    ['a program renamed .pdf', Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0]), Buffer.alloc(512)]), 'challan.pdf', 'it is a Windows program (.exe), whatever its name says'],
    ['a zero-byte file', Buffer.alloc(0), 'blank.pdf', 'the file is empty (0 bytes)'],
    ['a file name with ../', Buffer.from('%PDF-1.7 sneaky'), '../../evil.pdf', 'the name "../../evil.pdf" looks like a path; rename it to a plain file name'],
  ])('refuses %s in the thread, keeping nothing', async (_what, file, name, reason) => {
    const before = await runtime.services.storage.list(`${demo.tenantId}/${item}/`);
    const seen = replies().length;
    await dropFile(file, name);
    await until(() => replies().length > seen, 10_000);
    expect(replies().at(-1)).toBe(`:x: *${name}* was not recorded: ${reason}. Nothing was kept.`);
    expect((await evidence()).length).toBe(1);
    expect(await runtime.services.storage.list(`${demo.tenantId}/${item}/`)).toEqual(before);
  });

  it.each([
    ['another host', 'https://evil.example', 'evil.example'],
    ['a host that only starts like Slack\'s', 'https://files.slack.com.evil.example', 'files.slack.com.evil.example'],
    ['plain http', 'http://files.slack.com', 'http://files.slack.com'],
  ])('a file offered from %s is not downloaded (no bot token leaves), and the thread is told', async (_what, origin, shown) => {
    const before = { evidence: (await evidence()).length, stored: await runtime.services.storage.list(`${demo.tenantId}/${item}/`) };
    const seen = replies().length;
    const download = await dropFile(Buffer.from('%PDF-1.7 looks fine'), 'challan.pdf', THREAD, origin);
    await until(() => replies().length > seen, 10_000);
    expect(download.isDone()).toBe(false);
    expect(replies().at(-1)).toBe(`:x: *challan.pdf* was not recorded: Slack offered it from an unexpected address (${shown}), so it was not downloaded; drop it in the thread again. Nothing was kept.`);
    expect((await evidence()).length).toBe(before.evidence);
    expect(await runtime.services.storage.list(`${demo.tenantId}/${item}/`)).toEqual(before.stored);
  });

  it('ignores files in threads that are not items', async () => {
    const tenantEvidence = async () => Number((await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').count({ n: '*' })))[0]!.n);
    const stored = () => runtime.services.storage.list(`${demo.tenantId}/`);
    const [evidenceBefore, storedBefore, callsBefore] = [await tenantEvidence(), await stored(), calls.length];
    const download = await dropFile(Buffer.from('%PDF-1.7 unrelated'), 'holiday-photo.pdf', '1700000000.000001');
    // A later file in the item's thread (refused, keeping nothing): once it is answered, the first event has been handled.
    await dropFile(Buffer.alloc(0), 'later.pdf');
    await until(() => calls.length > callsBefore, 10_000);
    expect(calls.slice(callsBefore).map((c) => [c.args.thread_ts, c.args.text]))
      .toEqual([[THREAD, ':x: *later.pdf* was not recorded: the file is empty (0 bytes). Nothing was kept.']]);
    expect(download.isDone()).toBe(false);
    expect(await tenantEvidence()).toBe(evidenceBefore);
    expect(await stored()).toEqual(storedBefore);
  });
});

describe('Approve and Reject in the thread', () => {
  let hook = 0;
  async function press(actionId: string, value: string, slackUser: string): Promise<{ replace_original?: boolean; text?: string }> {
    let reply: { replace_original?: boolean; text?: string } | undefined;
    const path = `/actions/${TEAM}/${++hook}/r`;
    nock('https://hooks.slack.com').post(path, (b) => ((reply = b), true)).reply(200, 'ok');
    const payload = {
      type: 'block_actions', team: { id: TEAM, domain: 'demo' }, user: { id: slackUser }, api_app_id: 'A0TEST', token: 'legacy', trigger_id: '9.9.9',
      response_url: `https://hooks.slack.com${path}`, container: { type: 'message', channel_id: 'C0MFG0001', message_ts: '1764.9' },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1764.10', text: { type: 'plain_text', text: 'x' } }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect((await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body })).status).toBe(200);
    await until(() => reply !== undefined, 10_000);
    return reply!;
  }
  const latest = async (instance: string) => t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: instance }).orderBy('version', 'desc').first('id', 'review_status'));
  const status = async (instance: string) => (await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: instance }).first('status', 'status_reason')));

  beforeAll(async () => {
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.approver }).update({ slack_user_id: 'U0APPR' }));
  });

  it('the uploader cannot approve their own upload, even holding the approver role', async () => {
    await theTenant(demo.tenantId).withRole(demo.users.owner, 'approver').build(t.db);
    const v = await latest(item);
    const reply = await press('evidence_approve', `${item}:${v.id}`, 'U0OWNER');
    expect(reply).toMatchObject({ replace_original: false, text: 'You uploaded this evidence, so someone else has to approve it (segregation of duties).' });
    expect((await status(item)).status).toBe('submitted');
  });

  it('the approver approves; a second click sees the decision', async () => {
    const v = await latest(item);
    const first = await press('evidence_approve', `${item}:${v.id}`, 'U0APPR');
    expect(first).toMatchObject({ replace_original: true });
    expect(first.text).toMatch(/^:white_check_mark: Version 1 approved by <@U0APPR>/);
    expect((await status(item)).status).toBe('approved');
    expect((await latest(item)).review_status).toBe('approved');
    const again = await press('evidence_approve', `${item}:${v.id}`, 'U0APPR');
    expect(again).toMatchObject({ replace_original: false, text: 'This item is already approved, so it cannot be approved.' });
  });

  it('Reject asks for a reason in a modal, then rejects', async () => {
    const other = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'PF_ECR', '2026-11');
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: other }).update({ slack_channel_id: 'C0MFG0001', slack_thread_ts: '1764000000.000200' }));
    await dropFile(Buffer.from('%PDF-1.7 ECR November'), 'ecr-nov.pdf', '1764000000.000200');
    const v = await until(() => latest(other), 5000, 'the uploaded version');
    let opened: Record<string, unknown> | undefined;
    nock('https://slack.com').post('/api/views.open', (b) => ((opened = b), true)).reply(200, { ok: true });
    const payload = {
      type: 'block_actions', team: { id: TEAM }, user: { id: 'U0APPR' }, api_app_id: 'A0TEST', token: 'legacy', trigger_id: '9.9.9', response_url: 'https://hooks.slack.com/x',
      actions: [{ type: 'button', action_id: 'evidence_reject', block_id: 'b', value: `${other}:${v.id}`, action_ts: '1', text: { type: 'plain_text', text: 'x' } }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
    await until(() => opened !== undefined);
    expect(JSON.parse(String(opened!.view)).private_metadata).toBe(`${other}:${v.id}`);
    const submit = new URLSearchParams({ payload: JSON.stringify({
      type: 'view_submission', team: { id: TEAM }, user: { id: 'U0APPR' }, api_app_id: 'A0TEST', token: 'legacy', trigger_id: '9.9.9',
      view: { id: 'V1', type: 'modal', callback_id: 'evidence_reject_modal', private_metadata: `${other}:${v.id}`, state: { values: { reason: { reason_input: { type: 'plain_text_input', value: 'The challan is for October, not November' } } } } },
    }) }).toString();
    expect((await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(submit) }, body: submit })).status).toBe(200);
    expect(await status(other)).toEqual({ status: 'rejected', status_reason: 'The challan is for October, not November' });
  });

  it('a corrected upload resubmits, and Approve with a challan number records it on the item', async () => {
    const other = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'PF_ECR', '2026-11');
    await dropFile(Buffer.from('%PDF-1.7 ECR November, corrected'), 'ecr-nov-corrected.pdf', '1764000000.000200');
    const v = await until(async () => { const row = await latest(other); return row?.review_status === 'pending' && row; }, 5000, 'the corrected version');
    expect((await status(other)).status).toBe('submitted');
    let opened: Record<string, unknown> | undefined;
    nock('https://slack.com').post('/api/views.open', (b) => ((opened = b), true)).reply(200, { ok: true });
    const click = new URLSearchParams({ payload: JSON.stringify({
      type: 'block_actions', team: { id: TEAM }, user: { id: 'U0APPR' }, api_app_id: 'A0TEST', token: 'legacy', trigger_id: '9.9.9', response_url: 'https://hooks.slack.com/y',
      actions: [{ type: 'button', action_id: 'evidence_approve_with_reference', block_id: 'b', value: `${other}:${v.id}`, action_ts: '1', text: { type: 'plain_text', text: 'x' } }],
    }) }).toString();
    await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(click) }, body: click });
    await until(() => opened !== undefined);
    const submit = new URLSearchParams({ payload: JSON.stringify({
      type: 'view_submission', team: { id: TEAM }, user: { id: 'U0APPR' }, api_app_id: 'A0TEST', token: 'legacy', trigger_id: '9.9.9',
      view: { id: 'V2', type: 'modal', callback_id: 'evidence_approve_modal', private_metadata: `${other}:${v.id}`, state: { values: { filing_reference: { filing_reference_input: { type: 'plain_text_input', value: 'CRN 1234567890' } } } } },
    }) }).toString();
    expect((await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(submit) }, body: submit })).status).toBe(200);
    const row = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: other }).first('status', 'filing_reference'));
    expect(row).toEqual({ status: 'approved', filing_reference: 'CRN 1234567890' });
  });
});

describe('Approve and Reject in the App Home', () => {
  const homeText = () => published.at(-1)!.view.blocks.map((b) => b.text?.text ?? '').join('\n');
  const homeButtons = () => published.at(-1)!.view.blocks.flatMap((b) => (b.type === 'actions' ? b.elements! : []));
  async function post(payload: Record<string, unknown>): Promise<void> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect((await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body })).status).toBe(200);
  }
  /** A button in the Home tab: Slack sends the view, and no response_url. */
  async function pressInHome(actionId: string, value: string): Promise<string> {
    const seen = published.length;
    await post({
      type: 'block_actions', team: { id: TEAM }, user: { id: 'U0APPR' }, api_app_id: 'A0TEST', token: 'legacy', trigger_id: '9.9.9',
      container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', blocks: [] },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1', text: { type: 'plain_text', text: 'x' } }],
    });
    await until(() => published.length > seen, 10_000, 'the Home republished');
    return homeText();
  }
  let tds: string;

  beforeAll(async () => {
    tds = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'TDS_DEPOSIT', '2026-11');
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: tds }).update({ slack_channel_id: 'C0MFG0001', slack_thread_ts: '1764000000.000300' }));
    await dropFile(Buffer.from('%PDF-1.7 TDS challan 281 November'), 'itns281-nov.pdf', '1764000000.000300');
    await until(async () => (await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: tds }).first('status'))).status === 'submitted', 10_000);
  });

  it('lists the item awaiting approval with the review buttons for its latest version', async () => {
    const event = JSON.stringify({
      token: 'legacy', team_id: TEAM, api_app_id: 'A0TEST', type: 'event_callback', event_id: 'Ev0HOME1', event_time: 1764000000,
      event: { type: 'app_home_opened', user: 'U0APPR', channel: 'D0APPR', tab: 'home', event_ts: '1764000000.9' },
    });
    const seen = published.length;
    await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(event) }, body: event });
    await until(() => published.length > seen, 10_000, 'the Home published');
    const v = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: tds }).first('id'));
    expect(homeText()).toMatch(/\*Awaiting your approval \(1\)\*/);
    expect(homeText()).toContain('*TDS deposit (challan ITNS-281)* · Demo Manufacturing · no TAN recorded · Nov 2026');
    expect(homeButtons().map((b) => [b.action_id, b.value])).toEqual([
      [`evidence_approve:${tds}`, `${tds}:${v.id}:home`],
      [`evidence_approve_with_reference:${tds}`, `${tds}:${v.id}:home`],
      [`evidence_reject:${tds}`, `${tds}:${v.id}:home`],
    ]);
  });

  it('Approve in the Home approves and republishes the Home with the outcome; a second press explains', async () => {
    const [approve] = homeButtons();
    const first = await pressInHome('evidence_approve', approve!.value);
    expect(first).toMatch(/^:white_check_mark: Version 1 approved by <@U0APPR>/m);
    expect(first).toMatch(/\*Awaiting your approval \(0\)\*/);
    const row = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: tds }).first('status'));
    expect(row.status).toBe('approved');
    const again = await pressInHome('evidence_approve', approve!.value);
    expect(again).toContain(':warning: This item is already approved, so it cannot be approved.');
  });
});
