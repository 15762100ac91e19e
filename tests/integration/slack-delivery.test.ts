import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ACTIONS } from '../../bot/slack/ids.js';
import type { Runtime } from '../../app/runtime.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { approveEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import type { TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, type DemoIds } from '../support/demo.js';
import { createTenantWithEverything, sha256Hex } from '../support/fixtures.js';
import { specProblems, type RecordedCall } from '../support/slack-spec.js';
import { SIGNING_SECRET, signedHeaders, until } from '../support/slack.js';
import { startSlackTestServer } from '../support/slack-server.js';

let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;
let events: string;
const calls: RecordedCall[] = [];
let ts = 1000;
const TEAM = 'T0DEMO';

/** A fake Slack Web API at the HTTP boundary that records every call. */
function fakeSlack() {
  nock('https://slack.com').persist()
    .post(/\/api\/.*/)
    .reply(function (uri, body) {
      const method = uri.replace('/api/', '');
      const args = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
      calls.push({ method, args });
      if (method === 'conversations.open') return [200, { ok: true, channel: { id: `D0${String(args.users)}` } }];
      if (method === 'chat.postMessage') return [200, { ok: true, channel: args.channel, ts: `1764.${++ts}` }];
      return [200, { ok: true, ts: args.ts, channel: args.channel }];
    });
}

const dispatch = () => runDispatcher(runtime.services.dispatcher, { concurrency: 2, idleMs: 0, shouldStop: () => false, untilEmpty: true });
const sweep = (at: string) => t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, new Date(at)));
const callsTo = (method: string) => calls.filter((c) => c.method === method);
const instance = (id: string) => t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id }).first());

beforeAll(async () => {
  ctx = await startSlackTestServer({ env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-demo-token' }, team: TEAM });
  ({ t, demo, runtime, events } = ctx);
  await t.db.withTenant(demo.tenantId, async ({ trx }) => {
    for (const [role, slackId] of [['owner', 'U0OWNER'], ['approver', 'U0APPR'], ['cfo', 'U0CFO']] as const) {
      await trx('users').where({ id: demo.users[role] }).update({ slack_user_id: slackId });
    }
    await trx('entities').where({ id: demo.entities.manufacturing }).update({ slack_channel_id: 'C0MFG0001' });
    await trx('tenants').where({ id: demo.tenantId }).update({ slack_channel_id: 'C0GROUP01' });
  });
  fakeSlack();
});
afterEach(() => {
  expect(calls.flatMap(specProblems)).toEqual([]); // every call a real method with its required arguments
});
afterAll(() => ctx.close());

describe('reminders in item threads', () => {
  it('posts a root message in the entity channel, then replies in its thread mentioning the person', async () => {
    const r = await sweep('2026-11-27T04:30:00Z'); // 10:00 IST
    expect(r.enqueued).toBe(33); // 25 before the ITC time limit (30 Nov), PAS-6 (29 Nov) and wages under the Code (7 Nov) shipped
    const channels = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').distinct().pluck('channel'));
    expect(channels).toEqual(['slack']);
    expect(await dispatch()).toMatchObject({ sent: 33, failed: 0 });

    // Demo Software has no channel of its own: its ITR_TP item goes to the group channel.
    const itr = await instanceId(t.db, demo.tenantId, demo.entities.software, 'ITR_TP', 'FY2025-26');
    const row = await instance(itr);
    expect(row.slack_channel_id).toBe('C0GROUP01');
    const root = callsTo('chat.postMessage').find((c) => c.args.ts === undefined && c.args.thread_ts === undefined && String(c.args.text).startsWith('Income-tax return — with a transfer-pricing report · Demo Software · FY2025-26'));
    expect(root?.args.channel).toBe('C0GROUP01');
    const replies = callsTo('chat.postMessage').filter((c) => c.args.thread_ts === row.slack_thread_ts);
    expect(String(replies[0]?.args.text)).toMatch(/^<@U0OWNER> :hourglass_flowing_sand: Due in a few days/);
    // The root is posted showing the item as it is: only messages after the first update it.
    expect(callsTo('chat.update').filter((c) => c.args.ts === row.slack_thread_ts)).toHaveLength(replies.length - 1);
  });

  it('sends CFO escalations as a DM with an Acknowledge button', async () => {
    const dm = callsTo('chat.postMessage').filter((c) => c.args.channel === 'D0U0CFO');
    expect(dm.length).toBe(26); // 23, and since the Code on Wages ships, Oct 2026 wages (due 7 Nov) for the three employers
    expect(callsTo('conversations.open').every((c) => c.args.users === 'U0CFO')).toBe(true);
    const blocks = JSON.parse(String(dm[0]!.args.blocks)) as { type: string; elements?: { action_id: string; value: string }[] }[];
    expect(blocks.at(-1)!.elements![0]!.action_id).toBe(ACTIONS.acknowledgeEscalation);
  });

  it('a later reminder replies in the same thread, and a status change updates the root in place', async () => {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
    calls.length = 0;
    const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) =>
      submitEvidence(u, a, { instanceId: id, channel: 'slack', file: { fileName: 'gstr3b.pdf', contentType: 'application/pdf', sizeBytes: 9, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` } }, DEMO_NOW));
    await dispatch();
    const root = await instance(id);
    expect(root.slack_channel_id).toBe('C0MFG0001');
    await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: evidence.id }, DEMO_NOW));
    await dispatch();
    const roots = callsTo('chat.postMessage').filter((c) => c.args.thread_ts === undefined && c.args.channel === 'C0MFG0001');
    expect(roots).toHaveLength(1); // one root for the item, however many messages
    expect(callsTo('chat.postMessage').filter((c) => c.args.thread_ts === root.slack_thread_ts).map((c) => String(c.args.text).split(' ')[0])).toEqual(['<@U0APPR>', '<@U0OWNER>']);
    const updates = callsTo('chat.update').filter((c) => c.args.ts === root.slack_thread_ts);
    expect(updates).toHaveLength(1); // posted with the review request, updated by the approval
    expect(String(updates[0]!.args.text)).toContain('· Approved');
  });
});

describe('the Acknowledge button', () => {
  async function press(value: string, slackUser = 'U0CFO') {
    let reply: { replace_original?: boolean; text?: string } | undefined;
    nock('https://hooks.slack.com').post('/actions/T0DEMO/1/xyz', (b) => ((reply = b), true)).reply(200, 'ok');
    const payload = {
      type: 'block_actions', team: { id: TEAM, domain: 'demo' }, user: { id: slackUser }, api_app_id: 'A0TEST', token: 'legacy',
      trigger_id: '1.2.3', response_url: 'https://hooks.slack.com/actions/T0DEMO/1/xyz', container: { type: 'message', channel_id: 'D0U0CFO', message_ts: '1764.1' },
      actions: [{ type: 'button', action_id: ACTIONS.acknowledgeEscalation, block_id: 'b1', value, action_ts: '1764.2', text: { type: 'plain_text', text: 'Acknowledge' } }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
    expect(res.status).toBe(200);
    await until(() => reply !== undefined);
    return reply!;
  }

  it('stops the repeats, on the audit trail', async () => {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-10');
    const reply = await press(id);
    expect(reply).toMatchObject({ replace_original: true });
    expect(reply.text).toContain('Acknowledged by <@U0CFO>');
    expect((await instance(id)).escalation_acknowledged_by).toBe(demo.users.cfo);
    await sweep('2026-11-29T04:30:00Z');
    const repeats = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ instance_id: id, kind: 'escalation' }).count({ n: '*' }));
    expect(Number(repeats[0]!.n)).toBe(1); // the first escalation only: no repeat after acknowledging
  });

  it("refuses an id from another tenant as if it did not exist", async () => {
    const other = await createTenantWithEverything(t.db, 'elsewhere');
    const reply = await press(other.instanceId);
    expect(reply).toMatchObject({ replace_original: false });
    expect(reply.text).toContain('does not exist in your organisation');
    const row = await t.db.withTenant(other.tenantId, ({ trx }) => trx('compliance_instances').where({ id: other.instanceId }).first('escalation_acknowledged_at'));
    expect(row.escalation_acknowledged_at).toBeNull();
  });
});
