import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTeamsChannel } from '../../bot/teams/outbox-channel.js';
import { CARD_ACTIONS } from '../../bot/teams/ids.js';
import type { TeamsChannelDeps } from '../../bot/teams/deps.js';
import { approveEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { TEAMS } from '../../app/teams-channel.js';
import { createSummaryCache } from '../../infra/cache/redis.js';
import { itemThreads } from '../../infra/chat/item-threads.js';
import { workReads } from '../../infra/chat/work-reads.js';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { createLogger } from '../../infra/logger.js';
import { dispatchNext, runDispatcher } from '../../infra/outbox/dispatcher.js';
import { resolveDrafts } from '../../infra/outbox/enqueue.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { teamsConversations } from '../../infra/stores/teams-conversations.js';
import { bindTeamsTenant, teamsTenants } from '../../infra/stores/teams-tenants.js';
import type { TestDatabase } from '../support/db.js';
import { DEMO_NOW, demoDatabase, instanceId, type DemoIds } from '../support/demo.js';
import { BOT_APP_ID, BOT_TENANT_ID, cardOf, cardText, executeActions, startFakeTeams, type FakeTeams, type FakeTeamsCall } from '../support/fake-teams.js';
import { sha256Hex } from '../support/fixtures.js';
import { aTenant } from '../mothers/tenant-mother.js';
import { dispatcherDeps, recordingChannel } from '../support/outbox.js';
import { TEST_SECRET_BOX, fakeTeamsSettings } from '../support/teams.js';

/*
 * The outbox's Teams channel against the fake connector, for the demo tenant bound to Teams with
 * its own app registration: what people would see in Teams (root cards, replies with mentions,
 * cards updated in place, the CFO's personal chat), and what happens when Teams refuses or hangs.
 */

const AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
/** The demo customer's own Teams app (its secret sealed with its binding). */
const CUSTOMER_APP = '3a9d5e2b-7c41-4f08-9b6e-1d2c3b4a5f60';
const CUSTOMER_SECRET = 'customer~teams.secret_2026';
const CHANNEL = { manufacturing: '19:mfg@thread.tacv2', software: '19:software@thread.tacv2', advisors: '19:advisors@thread.tacv2' } as const;
const PERSON = {
  owner: '0a1b2c3d-1111-4222-8333-000000000001',
  approver: '0a1b2c3d-1111-4222-8333-000000000002',
  cfo: '0a1b2c3d-1111-4222-8333-000000000003',
} as const;

const demoDb = demoDatabase();
let t: TestDatabase;
let demo: DemoIds;
let fake: FakeTeams;
const email = recordingChannel();

function channelDeps(over: Partial<TeamsChannelDeps> = {}): TeamsChannelDeps {
  return {
    tenants: teamsTenants(t.db, TEST_SECRET_BOX), conversations: teamsConversations(t.db),
    chat: { platform: TEAMS, reads: workReads({ db: t.db, services: { cache: createSummaryCache(undefined) } }), threads: itemThreads(t.db) },
    clock: { now: () => DEMO_NOW }, settings: fakeTeamsSettings(fake), logger: createLogger('silent'), ...over,
  };
}
const outbox = (teams = createTeamsChannel(channelDeps())) => dispatcherDeps(t.db, email.channel, { channels: { email: email.channel, teams } });
let deps: ReturnType<typeof outbox>;
const dispatch = () => runDispatcher(deps, { concurrency: 2, idleMs: 0, shouldStop: () => false, untilEmpty: true });
const sweep = (at: string) => t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, new Date(at)));
const instance = (id: string) => t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id }).first());
const notifications = () => t.db.withTenant(demo.tenantId, ({ trx }) =>
  trx('notifications').select('id', 'channel', 'kind', 'status', 'dedup_key', 'last_error', 'payload', 'recipient_user_id', 'instance_id', 'provider_ref'));
const mentionsOf = (call: FakeTeamsCall | undefined) => cardOf(call).msteams?.entities?.map((e) => e.mentioned.id) ?? [];
/** The claims of the bearer token a call carried. */
const tokenOf = (call: FakeTeamsCall) => JSON.parse(Buffer.from(call.authorization!.replace('Bearer ', '').split('.')[1]!, 'base64url').toString()) as { appid: string; tid: string };

beforeAll(async () => {
  ({ t, demo } = demoDb);
  fake = await startFakeTeams();
  fake.addApp(CUSTOMER_APP, CUSTOMER_SECRET);
  deps = outbox();
  await bindTeamsTenant(t.db, TEST_SECRET_BOX, { tenantId: demo.tenantId, aadTenantId: AAD, appId: CUSTOMER_APP, appPassword: CUSTOMER_SECRET });
  await t.db.withTenant(demo.tenantId, async ({ trx }) => {
    for (const role of ['owner', 'approver', 'cfo'] as const) await trx('users').where({ id: demo.users[role] }).update({ teams_user_id: PERSON[role] });
    for (const [entity, channel] of Object.entries(CHANNEL)) await trx('entities').where({ id: demo.entities[entity as keyof typeof CHANNEL] }).update({ teams_channel_id: channel });
  });
  // The app was added to each entity's team (install.add kept each channel with its connector).
  for (const channel of Object.values(CHANNEL)) {
    await teamsConversations(t.db).remember(demo.tenantId, {
      conversationId: channel, conversationType: 'channel', aadTenantId: AAD, serviceUrl: fake.url, userId: null,
      reference: { conversation: { id: channel, conversationType: 'channel' }, serviceUrl: fake.url },
    });
  }
  // …but since then removed from Demo Advisors' team.
  fake.refuse(CHANNEL.advisors, 403, 'BotNotInConversationRoster');
});
afterAll(() => fake.close());

describe('reminders in Teams reply chains', () => {
  it("posts each item's root card once in its entity's channel, then replies in its reply chain mentioning the person", async () => {
    await sweep('2026-11-27T04:30:00Z'); // 10:00 IST
    const queued = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').groupBy('kind', 'channel').orderBy('kind').select('kind', 'channel', trx.raw('count(*)::int AS n')));
    // A tenant on Teams alone: everything Slack would carry goes to Teams (the seed's new-work notes went by email before anyone was linked).
    expect(queued).toEqual([
      { kind: 'due_soon', channel: 'teams', n: 7 }, { kind: 'escalation', channel: 'teams', n: 1 },
      { kind: 'thread_opened', channel: 'teams', n: 35 }, { kind: 'work_assigned', channel: 'email', n: 2 },
    ]);
    await dispatch();

    // One root per item, whatever the concurrency: every root posted is the one its item keeps.
    const items: { id: string; teams_conversation_id: string; teams_activity_id: string }[] = await t.db.withTenant(demo.tenantId, ({ trx }) =>
      trx('compliance_instances').whereNotNull('teams_activity_id').select('id', 'teams_conversation_id', 'teams_activity_id'));
    const roots = Object.values(CHANNEL).flatMap((c) => fake.posts(c).filter((p) => fake.idOf(p)).map((p) => `${c}|${fake.idOf(p)}`));
    expect(roots.sort()).toEqual(items.map((i) => `${i.teams_conversation_id}|${i.teams_activity_id}`).sort());
    expect(items.length).toBeGreaterThan(10);

    const reminder = (await notifications()).find((n) => n.channel === 'teams' && n.kind === 'due_soon' && n.status === 'sent')!;
    const row = await instance(reminder.instance_id);
    const root = fake.posts(row.teams_conversation_id).find((p) => fake.idOf(p) === row.teams_activity_id)!;
    const card = cardOf(root);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardText(card)).toMatch(/\*\*Due:\*\* \d{1,2} [A-Z][a-z]{2} 2026/);
    expect(cardText(card)).toContain('View details');
    const [reply, ...more] = fake.replies(row.teams_conversation_id, row.teams_activity_id);
    expect(more).toEqual([]);
    expect(fake.idOf(reply!)).toBe(reminder.provider_ref);
    expect(cardText(cardOf(reply))).toBe("<at>Priya Preparer</at> ⏳ Due in a few days: please prepare and press Upload proof on the item's card to send the proof.");
    expect(cardOf(reply).msteams!.entities).toEqual([{ type: 'mention', text: '<at>Priya Preparer</at>', mentioned: { id: PERSON.owner, name: 'Priya Preparer' } }]);
    // The root was posted when the item's notice began: the reply updated it in place.
    expect(fake.updates(row.teams_conversation_id, row.teams_activity_id)).toHaveLength(1);
  });

  it('speaks as the tenant\'s own Teams app, with one token for all its sends', () => {
    const connector = fake.calls.filter((c) => c.path.startsWith('/v3/'));
    expect(connector.length).toBeGreaterThan(40);
    expect(new Set(connector.map((c) => JSON.stringify(tokenOf(c))))).toEqual(new Set([JSON.stringify({ ...tokenOf(connector[0]!), appid: CUSTOMER_APP, tid: AAD })]));
    expect(fake.tokenRequests.map((r) => [r.client_id, r.tenant])).toEqual([[CUSTOMER_APP, AAD]]);
  });

  it("sends the CFO one card in a personal chat it opens, listing the overdue items, each with its own Acknowledge", async () => {
    const [opened, ...again] = fake.created();
    expect(again).toEqual([]);
    expect(opened!.body).toMatchObject({ members: [{ id: PERSON.cfo, aadObjectId: PERSON.cfo }], tenantId: AAD });
    const chat = fake.idOf(opened!)!;
    const [dm, ...others] = fake.posts(chat);
    expect(others).toEqual([]);
    const card = cardOf(dm);
    expect(cardText(card)).toContain('🚨 **Overdue: 26 items escalated to you**');
    const buttons = executeActions(card);
    expect(buttons).toHaveLength(26);
    expect(new Set(buttons.map((b) => b.data.instanceId)).size).toBe(26);
    const tds = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-10');
    expect(buttons.find((b) => b.data.instanceId === tds)).toEqual({ type: 'Action.Execute', title: 'Acknowledge', verb: CARD_ACTIONS.acknowledgeEscalation, data: { action: CARD_ACTIONS.acknowledgeEscalation, instanceId: tds, batch: 1 }, style: 'destructive' });
    expect(cardText(card)).toContain('**TDS deposit (challan ITNS-281)** · Demo Software · no TAN recorded · Oct 2026\nwas due 9 Nov 2026, still pending');
    expect(JSON.stringify(dm!.body).length).toBeLessThan(80_000);
    // The chat is kept for the next escalation.
    const kept = await t.superuser<{ conversation_type: string; user_id: string }>('SELECT conversation_type, user_id FROM teams_conversations WHERE conversation_id = $1', [chat]);
    expect(kept.rows).toEqual([{ conversation_type: 'personal', user_id: demo.users.cfo }]);
  });

  it('a status change updates the root card in place: the review request to the approver, then Approved; the approver\'s home card shows what awaits them', async () => {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
    // The approver asked for their home in their personal chat (the card Teams gave this id).
    const home = { conversation: 'a:1personal-approver', activity: '1764000099999' };
    await teamsConversations(t.db).remember(demo.tenantId, {
      conversationId: home.conversation, conversationType: 'personal', aadTenantId: AAD, serviceUrl: fake.url, userId: demo.users.approver,
      reference: { conversation: { id: home.conversation, conversationType: 'personal' }, serviceUrl: fake.url },
    });
    await teamsConversations(t.db).keepHome(demo.tenantId, home.conversation, home.activity);
    const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) =>
      submitEvidence(u, a, { instanceId: id, channel: 'teams', file: { fileName: 'gstr3b.pdf', contentType: 'application/pdf', sizeBytes: 9, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` } }, DEMO_NOW));
    await dispatch();
    const row = await instance(id);
    expect(row.teams_conversation_id).toBe(CHANNEL.manufacturing);
    const [request] = fake.replies(CHANNEL.manufacturing, row.teams_activity_id);
    expect(mentionsOf(request)).toEqual([PERSON.approver]);
    const buttons = executeActions(cardOf(request));
    expect(buttons.map((b) => [b.title, b.verb])).toEqual([
      ['Approve version 1', CARD_ACTIONS.approveEvidence], ['Approve', CARD_ACTIONS.approveWithReference], ['Reject', CARD_ACTIONS.rejectEvidence],
    ]);
    // The reference and the reason are asked in inline forms (Action.ShowCard) that open under their buttons.
    const forms = (cardOf(request).actions as { type: string; title: string; card?: { body: { type: string; id?: string }[] } }[]).filter((a) => a.type === 'Action.ShowCard');
    expect(forms.map((f) => [f.title, f.card!.body.find((b) => b.type === 'Input.Text')!.id])).toEqual([['Approve with ARN / challan no.…', 'filingReference'], ['Reject…', 'reason']]);
    expect(buttons[0]!.data).toEqual({ action: CARD_ACTIONS.approveEvidence, instanceId: id, evidenceId: evidence.id, version: 1 });
    // Their home card was updated in place: the item awaits their approval there too, with the same buttons.
    const [homeUpdate] = fake.updates(home.conversation, home.activity);
    expect(cardText(cardOf(homeUpdate).body)).toContain('**Awaiting your approval (1)**');
    expect(executeActions(cardOf(homeUpdate)).map((b) => b.data)).toContainEqual(buttons[0]!.data);

    await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: evidence.id }, DEMO_NOW));
    await dispatch();
    expect(fake.posts(CHANNEL.manufacturing).filter((p) => fake.idOf(p) === row.teams_activity_id)).toHaveLength(1);
    expect(fake.replies(CHANNEL.manufacturing, row.teams_activity_id).map(mentionsOf)).toEqual([[PERSON.approver], [PERSON.owner]]);
    const updates = fake.updates(CHANNEL.manufacturing, row.teams_activity_id);
    expect(updates).toHaveLength(1); // posted with the review request, updated by the approval
    const status = (cardOf(updates[0]).body as { text: string; color?: string }[]).find((b) => b.text.includes('Approved'));
    expect(status).toMatchObject({ color: 'Good' });
    expect(status!.text).toContain('✅ **Approved**');
  });
});

describe('when Teams refuses or hangs', () => {
  it('a channel the app was removed from: each reminder by email once, and the admins told once what to fix', async () => {
    const all = await notifications();
    const advisors: string[] = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ entity_id: demo.entities.advisors }).pluck('id'));
    const refused = all.filter((n) => n.channel === 'teams' && advisors.includes(n.instance_id));
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((n) => [n.status, n.last_error].join(' ')))).toEqual(new Set(['failed Teams answered 403 BotNotInConversationRoster']));
    const reminders = refused.filter((n) => n.kind === 'due_soon');
    expect(reminders.length).toBeGreaterThan(0);
    const problem = 'The Teams channel of Demo Advisors: Compliance OS is no longer in it (the app was removed, or the conversation deleted) — add the app to the team again in Teams (Apps → Compliance OS → Add to a team), or set another channel in the portal.';
    for (const reminder of reminders) {
      const copies = all.filter((n) => n.dedup_key === `${reminder.dedup_key}:email`);
      expect(copies.map((c) => [c.channel, c.kind, c.status, c.recipient_user_id])).toEqual([['email', 'due_soon', 'sent', reminder.recipient_user_id]]);
      expect(copies[0]!.payload.fallback).toEqual({ from: 'teams', problem });
    }
    const alerts = all.filter((n) => n.kind === 'delivery_alert');
    expect(alerts.map((a) => [a.channel, a.recipient_user_id, a.status, a.payload.problem])).toEqual([['email', demo.users.admin, 'sent', problem]]);
    const copy = email.sent.find((m) => m.notificationId === all.find((n) => n.dedup_key === `${reminders[0]!.dedup_key}:email`)!.id)!;
    expect(copy.notification.fallback).toEqual({ from: 'teams', problem });
  });

  it('a connector that does not answer: the send times out, is retried later, and the item\'s lock is released', async () => {
    // An item whose notice has not begun: its root card would be posted under its lock.
    const { id } = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances')
      .where({ entity_id: demo.entities.manufacturing }).whereNull('teams_activity_id').orderBy('due_date', 'desc').first('id'));
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').insert({
      tenant_id: demo.tenantId, channel: 'teams', kind: 'assigned', recipient_user_id: demo.users.owner, instance_id: id, payload: JSON.stringify({ as: 'owner' }), dedup_key: 'hung-connector',
    }));
    const release = fake.hold();
    try {
      const started = Date.now();
      expect(await dispatchNext(outbox(createTeamsChannel(channelDeps({ timeoutMs: 300 }))))).toBe('retry');
      expect(Date.now() - started).toBeLessThan(5_000);
      const row = (await notifications()).find((n) => n.dedup_key === 'hung-connector')!;
      expect(row).toMatchObject({ status: 'pending' });
      expect(row.last_error).toMatch(/^Teams could not be reached: ECONNABORTED/);
      // Nobody holds the item's row: another sender can take it at once.
      await t.db.withSystem((trx) => trx.raw('SELECT id FROM compliance_instances WHERE id = ? FOR UPDATE NOWAIT', [id]));
      expect((await instance(id)).teams_activity_id).toBeNull();
    } finally {
      release();
    }
  });
});

describe("the deployment's own app", () => {
  it('speaks for a tenant whose binding has no secret of its own, with tokens from TEAMS_TENANT_ID', async () => {
    await bindTeamsTenant(t.db, TEST_SECRET_BOX, { tenantId: demo.tenantId, aadTenantId: AAD, appId: BOT_APP_ID, appPassword: null });
    const before = fake.calls.length;
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').insert({
      tenant_id: demo.tenantId, channel: 'teams', kind: 'assigned', recipient_user_id: demo.users.cfo, instance_id: null, payload: JSON.stringify({ as: 'cfo' }), dedup_key: 'deployment-app',
    }));
    expect(await dispatchNext(outbox())).toBe('sent');
    const sent = fake.calls.slice(before);
    expect(sent.map((c) => [c.method, tokenOf(c).appid, tokenOf(c).tid])).toEqual([['POST', BOT_APP_ID, BOT_TENANT_ID]]);
    // The CFO's personal chat was kept: no second one is opened.
    expect(fake.created()).toHaveLength(1);
  });
});

describe('a tenant with Slack and Teams both bound', () => {
  it("reaches each person where they are linked, never twice: Slack, else Teams, else email; an item's thread opens where its preparer is reached", async () => {
    const both = await aTenant('both-chats')
      .withSlackInstallation('T0BOTH')
      .withTeamsTenant('5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c')
      .withPerson('sam', { slackUserId: 'U0SAM' })
      .withPerson('tara', { teamsUserId: '0a1b2c3d-1111-4222-8333-00000000000a' })
      .withPerson('nia')
      .build(t.db);
    const keys = ['sam', 'tara', 'nia'];
    const people = keys.map((key) => both.id(key));
    const rows = await t.db.withTenant(both.tenantId, (tx) => resolveDrafts(tx, people.flatMap((userId) => ['due_soon', 'thread_opened'].map((kind) => ({
      kind, to: { kind: 'user' as const, userId }, instanceId: null, dedupKey: `${kind}:x`, payload: {},
    })))));
    expect(rows.map((r) => [keys[people.indexOf(r.recipient_user_id)], r.kind, r.channel])).toEqual([
      ['sam', 'due_soon', 'slack'], ['sam', 'thread_opened', 'slack'],
      ['tara', 'due_soon', 'teams'], ['tara', 'thread_opened', 'teams'],
      ['nia', 'due_soon', 'email'], ['nia', 'thread_opened', 'slack'],
    ]);
  });
});
