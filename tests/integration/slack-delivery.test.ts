import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ACTIONS } from '../../bot/slack/ids.js';
import type { Runtime } from '../../app/runtime.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { generateForTenant } from '../support/engine.js';
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
/** The CFO's escalation DM as sent, to press its buttons. */
let cfoDm: { text: string; blocks: unknown[] };

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
    const kinds = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').groupBy('kind', 'channel').orderBy('kind').select('kind', 'channel', trx.raw('count(*)::int AS n')));
    // Every open item whose notice has begun gets its thread (35); 7 owners are reminded; the CFO
    // hears of the 26 overdue items in one message (25 before the ITC time limit (30 Nov), PAS-6
    // (29 Nov) and wages under the Code (7 Nov) shipped). The seed announced the owner's and the
    // approver's new items by email: nobody was linked to Slack yet.
    expect(kinds).toEqual([
      { kind: 'due_soon', channel: 'slack', n: 7 }, { kind: 'escalation', channel: 'slack', n: 1 },
      { kind: 'thread_opened', channel: 'slack', n: 35 }, { kind: 'work_assigned', channel: 'email', n: 2 },
    ]);
    expect(r.enqueued).toBe(43);
    expect(await dispatch()).toMatchObject({ sent: 45, failed: 0 });

    // Demo Software has no channel of its own: its ITR_TP item goes to the group channel.
    const itr = await instanceId(t.db, demo.tenantId, demo.entities.software, 'ITR_TP', 'FY2025-26');
    const row = await instance(itr);
    expect(row.slack_channel_id).toBe('C0GROUP01');
    const root = callsTo('chat.postMessage').find((c) => c.args.ts === undefined && c.args.thread_ts === undefined && String(c.args.text).startsWith('Income-tax return — with a transfer-pricing report · Demo Software · FY2025-26'));
    expect(root?.args.channel).toBe('C0GROUP01');
    const replies = callsTo('chat.postMessage').filter((c) => c.args.thread_ts === row.slack_thread_ts);
    expect(String(replies[0]?.args.text)).toMatch(/^<@U0OWNER> :hourglass_flowing_sand: Due in a few days/);
    // The root was posted when the item's notice began, showing it as it was: each reply since updates it.
    expect(callsTo('chat.update').filter((c) => c.args.ts === row.slack_thread_ts)).toHaveLength(replies.length);
  });

  it('sends the CFO one DM listing the overdue items, each named and with its own Acknowledge button', async () => {
    const dm = callsTo('chat.postMessage').filter((c) => c.args.channel === 'D0U0CFO');
    expect(dm.length).toBe(1);
    expect(callsTo('conversations.open').map((c) => c.args.users)).toEqual(['U0CFO']);
    expect(String(dm[0]!.args.text)).toContain('Overdue: 26 items escalated to you');
    const blocks = JSON.parse(String(dm[0]!.args.blocks)) as { type: string; text?: { text: string }; accessory?: { action_id: string; value: string } }[];
    const buttons = blocks.filter((b) => b.accessory).map((b) => b.accessory!);
    expect(buttons).toHaveLength(26);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(26); // unique in the message, as Slack requires
    const tds = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-10');
    const line = blocks.find((b) => b.accessory?.value === tds)!;
    expect(line.accessory!.action_id).toBe(`${ACTIONS.acknowledgeEscalation}:${tds}`);
    expect(line.text!.text).toBe('*TDS deposit (challan ITNS-281)* · Demo Software · no TAN recorded · Oct 2026\nwas due 9 Nov 2026, still pending');
    expect(blocks.length).toBeLessThanOrEqual(50);
    cfoDm = { text: String(dm[0]!.args.text), blocks: JSON.parse(String(dm[0]!.args.blocks)) };
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
  async function press(value: string, slackUser = 'U0CFO', message?: { text: string; blocks: unknown[] }) {
    let reply: { replace_original?: boolean; text?: string; blocks?: { type: string; text?: { text: string }; accessory?: unknown }[] } | undefined;
    nock('https://hooks.slack.com').post('/actions/T0DEMO/1/xyz', (b) => ((reply = b), true)).reply(200, 'ok');
    const payload = {
      type: 'block_actions', team: { id: TEAM, domain: 'demo' }, user: { id: slackUser }, api_app_id: 'A0TEST', token: 'legacy',
      trigger_id: '1.2.3', response_url: 'https://hooks.slack.com/actions/T0DEMO/1/xyz', container: { type: 'message', channel_id: 'D0U0CFO', message_ts: '1764.1' },
      actions: [{ type: 'button', action_id: `${ACTIONS.acknowledgeEscalation}:${value}`, block_id: `escalation:${value}`, value, action_ts: '1764.2', text: { type: 'plain_text', text: 'Acknowledge' } }],
      ...(message ? { message: { type: 'message', ts: '1764.1', ...message } } : {}),
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
    expect(res.status).toBe(200);
    await until(() => reply !== undefined);
    return reply!;
  }

  it('stops the repeats for that item, on the audit trail, and the message still names every item', async () => {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-10');
    const reply = await press(id, 'U0CFO', cfoDm);
    expect(reply).toMatchObject({ replace_original: true });
    const pressed = reply.blocks!.find((b) => b.text?.text.startsWith('*TDS deposit (challan ITNS-281)* · Demo Software · no TAN recorded · Oct 2026'))!;
    expect(pressed.text!.text).toContain('Acknowledged by <@U0CFO>');
    expect(pressed.accessory).toBeUndefined();
    expect(reply.blocks!.filter((b) => b.accessory)).toHaveLength(25); // the others can still be acknowledged
    expect((await instance(id)).escalation_acknowledged_by).toBe(demo.users.cfo);
    // Two days on, the next rung escalates the 25 others (and 2 newly overdue) in one message, not the acknowledged item.
    await sweep('2026-11-29T04:30:00Z');
    const batches: { items: { instanceId: string }[] }[] = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ kind: 'escalation' }).orderBy('created_at').pluck('payload'));
    const [first, next] = batches.map((p) => p.items.map((i) => i.instanceId));
    expect(batches).toHaveLength(2);
    expect(next).not.toContain(id);
    expect(next).toEqual(expect.arrayContaining(first!.filter((i) => i !== id)));
    expect(next).toHaveLength(27);
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

describe('new work by direct message', () => {
  it('lists the new items by name, entity, period and date, with a button to the list, and refreshes the App Home', async () => {
    calls.length = 0;
    // A month later the horizon covers one more period of every monthly obligation: new items for the owner and the approver.
    const run = await generateForTenant(t.db, demo.tenantId, '2026-12-26');
    expect(run.created).toBeGreaterThan(10);
    expect(await dispatch()).toMatchObject({ failed: 0 });

    const dms = callsTo('chat.postMessage').filter((c) => c.args.channel === 'D0U0OWNER');
    expect(dms).toHaveLength(1);
    const owner = await t.db.withTenant(demo.tenantId, ({ trx }) =>
      trx('notifications').where({ kind: 'work_assigned', recipient_user_id: demo.users.owner, channel: 'slack' }).first('payload'));
    const count = owner.payload.count as number;
    expect(dms[0]!.args.text).toBe(`New work assigned: ${count} items`);
    const blocks = JSON.parse(String(dms[0]!.args.blocks)) as { type: string; text?: { text: string }; elements?: { text: string; url?: string }[] }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks[0]!.text!.text).toMatch(new RegExp(`^:bust_in_silhouette: \\*New work assigned: ${count} items\\*\\nYou are named on ${count} new items; the nearest is due \\d{1,2} [A-Z][a-z]{2} 2027\\.$`));
    const lines = blocks.filter((bk) => bk.type === 'section').slice(1).map((bk) => bk.text!.text);
    expect(lines).toHaveLength(10);
    // Names, not codes; months and dates in words.
    // The run adds March 2027's periods: the nearest new item is due in April, listed by name then entity.
    expect(lines[0]).toBe('*Monthly wages paid (Code on Wages)* · Demo Advisors · Mar 2027 · due *7 Apr 2027* (you prepare)');
    expect(lines.every((l) => / · due \*\d{1,2} [A-Z][a-z]{2} 20\d\d\* \(you prepare\)$/.test(l))).toBe(true);
    expect(blocks.find((bk) => bk.type === 'context')!.elements![0]!.text).toBe(`and ${count - 10} more`);
    const button = blocks.at(-1)!.elements![0]!;
    expect(button.url).toBe('http://127.0.0.1:3000/work');
    expect(callsTo('views.publish').map((c) => c.args.user_id)).toEqual(expect.arrayContaining(['U0OWNER', 'U0APPR']));

    // The approver's message says it is theirs to approve.
    const approver = callsTo('chat.postMessage').filter((c) => c.args.channel === 'D0U0APPR');
    expect(approver).toHaveLength(1);
    expect(String(approver[0]!.args.blocks)).toContain('(you approve)');
  });
});

describe('notice that fits the filing', () => {
  it("opens an annual filing's thread 30 days before its due date, with its first reminder in it", async () => {
    // The demo's first annual filing due after the dates the tests above swept.
    const annual = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
      .where('m.frequency', 'annual').where('i.status', 'pending').where('i.due_date', '>', '2026-12-27')
      .orderBy('i.due_date').first('i.id', 'i.due_date', 'm.name'));
    const thirtyBefore = new Date(`${annual.due_date}T04:30:00Z`);
    thirtyBefore.setUTCDate(thirtyBefore.getUTCDate() - 30);
    const day = thirtyBefore.toISOString().slice(0, 10);
    expect((await instance(annual.id)).slack_thread_ts).toBeNull();
    calls.length = 0;
    await sweep(thirtyBefore.toISOString());
    await dispatch();
    const row = await instance(annual.id);
    expect(row.slack_thread_ts).not.toBeNull();
    // Its root message in its entity's channel, named by the filing.
    const roots = callsTo('chat.postMessage').filter((c) => c.args.thread_ts === undefined && c.args.channel === row.slack_channel_id);
    expect(roots.some((c) => String(c.args.text).startsWith(annual.name))).toBe(true);
    const replies = callsTo('chat.postMessage').filter((c) => c.args.thread_ts === row.slack_thread_ts);
    expect(replies.map((c) => String(c.args.text).split(' ')[0])).toEqual(['<@U0OWNER>']);
    const reminder = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ instance_id: annual.id, kind: 'due_soon' }).pluck('dedup_key'));
    expect(reminder).toEqual([`due_soon:${annual.id}:${day}:${demo.users.owner}`]);
  });
});
