import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bindTeamsTenant } from '../../infra/stores/teams-tenants.js';
import type { TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT, demoDatabase, type DemoIds } from '../support/demo.js';
import {
  BOT_ACCOUNT, BOT_APP_ID, cardOf, cardText, messageActivity, postActivity, startFakeTeams, type ActivityPlace, type FakeTeams, type FakeTeamsCall,
} from '../support/fake-teams.js';
import { TEST_SECRET_BOX, fakeTeamsSettings, startTeamsServer } from '../support/teams.js';
import { until } from '../support/wait.js';

/*
 * The commands typed to the bot in Teams, for the demo tenant bound to Teams as of the demo's
 * moment: the answers a person reads (the same data as Slack's /compliance), where they appear
 * (the personal chat, or the channel thread the bot was mentioned in), and who is recognised.
 */

const AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
const PRIYA = { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000001', name: 'Priya Preparer' };
const CHANNEL = '19:gst-filings@thread.tacv2';

const demoDb = demoDatabase();
let t: TestDatabase;
let demo: DemoIds;
let fake: FakeTeams;
let app: Awaited<ReturnType<typeof startTeamsServer>>;

const personal = (from = PRIYA): ActivityPlace => ({
  serviceUrl: fake.url, aadTenantId: AAD, from, conversation: { id: `a:1personal-${from.aadObjectId}`, conversationType: 'personal' },
});

/** Types `text` to the bot where `place` says and returns the card it answered with there. */
async function ask(place: ActivityPlace, text: string, activity: Record<string, unknown> = messageActivity(place, text)): Promise<{ call: FakeTeamsCall; text: string }> {
  const before = fake.calls.length;
  expect((await postActivity(app.url, activity)).status).toBe(200);
  const call = await until(() => fake.calls.slice(before).find((c) => c.method === 'POST' && c.path === `/v3/conversations/${place.conversation.id}/activities`));
  return { call, text: cardText(cardOf(call).body) };
}

/** What the database says of an entity's open items on the demo's day (26 Nov 2026): overdue, and all open. */
async function openCounts(entityName: string): Promise<{ red: number }> {
  const { rows } = await t.superuser<{ red: number }>(
    `SELECT count(*) FILTER (WHERE i.due_date < DATE '2026-11-26')::int AS red FROM compliance_instances i JOIN entities e ON e.id = i.entity_id
     WHERE e.tenant_id = $1 AND e.name = $2 AND i.status IN ('pending', 'submitted', 'rejected')`, [demo.tenantId, entityName]);
  return rows[0]!;
}

beforeAll(async () => {
  ({ t, demo } = demoDb);
  fake = await startFakeTeams();
  await bindTeamsTenant(t.db, TEST_SECRET_BOX, { tenantId: demo.tenantId, aadTenantId: AAD, appId: BOT_APP_ID, appPassword: null });
  await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.owner }).update({ teams_user_id: PRIYA.aadObjectId }));
  app = await startTeamsServer(t.url, fakeTeamsSettings(fake), undefined, { CLOCK_AT: DEMO_CLOCK_AT });
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe('commands typed to the bot in Teams', () => {
  it('status: RAG per entity with the counts the database has, and the most urgent items, in an Adaptive Card 1.5 well under the message limit', async () => {
    const { call, text } = await ask(personal(), 'status');
    const card = cardOf(call) as ReturnType<typeof cardOf> & { version: string };
    expect(card.version).toBe('1.5');
    expect(text.split('\n')[0]).toBe('Compliance status · all entities');
    const { red } = await openCounts('Demo Manufacturing');
    expect(red).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`^\\*\\*Demo Manufacturing\\*\\* {2}🔴 ${red} {2}🟠 \\d+ {2}🟢 \\d+$`, 'm'));
    expect(text).toContain('**Most urgent**');
    expect(JSON.stringify(call.body).length).toBeLessThan(28_000);
  });

  it('status <entity>: the one entity matching part of its name', async () => {
    const { text } = await ask(personal(), 'status software');
    expect(text.split('\n')[0]).toBe('Compliance status · Demo Software');
    expect(text).not.toContain('**Demo Manufacturing**');
  });

  it('due [days] and mine, as Slack answers them', async () => {
    expect((await ask(personal(), 'due 14')).text.split('\n')[0]).toBe('Due in the next 14 days');
    const mine = await ask(personal(), 'mine');
    expect(mine.text).toMatch(/^\*\*To prepare \(\d+\)\*\*$/m);
    expect(mine.text).toContain('**Awaiting your approval (0)**');
  });

  it("help, and help for what it does not know, saying how proof reaches an item in Teams", async () => {
    const help = await ask(personal(), 'help');
    expect(help.text).toContain('**`due [days]`**  open items due in the next days (default 7)');
    expect(help.text).toContain("press Upload proof on the item's card");
    expect((await ask(personal(), 'frobnicate')).text).toContain('⚠️ "frobnicate" is not a command I know.');
  });

  it('home: the person\'s work at a glance, kept as their home card in their personal chat', async () => {
    const { call, text } = await ask(personal(), 'home');
    expect(text.split('\n')[0]).toBe('Your compliance work');
    expect(text).toMatch(/^\*\*To prepare \(\d+\)\*\*$/m);
    const kept = await t.superuser<{ user_id: string; home_activity_id: string }>(
      'SELECT user_id, home_activity_id FROM teams_conversations WHERE conversation_id = $1', [personal().conversation.id]);
    expect(kept.rows).toEqual([{ user_id: demo.users.owner, home_activity_id: fake.idOf(call) }]);
  });

  it('in a channel, answers an @mention in the thread it was asked in; a person\'s own queue only in their personal chat', async () => {
    const thread = `${CHANNEL};messageid=1764000000999`;
    const place: ActivityPlace = { ...personal(), conversation: { id: thread, conversationType: 'channel' }, teamId: CHANNEL };
    const mention = { type: 'mention', text: '<at>Compliance OS</at>', mentioned: BOT_ACCOUNT };
    const status = await ask(place, '', { ...messageActivity(place, '<at>Compliance OS</at> status advisors'), entities: [mention] });
    expect(status.text.split('\n')[0]).toBe('Compliance status · Demo Advisors');
    const mine = await ask(place, '', { ...messageActivity(place, '<at>Compliance OS</at> mine'), entities: [mention] });
    expect(mine.text).toBe('Ask me that in our personal chat\nAnswers about your own work stay between us: open a chat with Compliance OS and type mine there.');
  });

  it('links a person by the email on the Teams roster on their first command', async () => {
    const cfo = { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000003', name: 'Chitra CFO' };
    fake.addMember({ ...cfo, email: 'CFO@demo.example' });
    expect((await ask(personal(cfo), 'status')).text.split('\n')[0]).toBe('Compliance status · all entities');
    const linked = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.cfo }).first('teams_user_id'));
    expect(linked.teams_user_id).toBe(cfo.aadObjectId);
  });

  it('tells a person nobody added whom to ask, and reads and writes nothing of the tenant', async () => {
    const audits = async () => (await t.superuser<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1', [demo.tenantId])).rows[0]!.n;
    const before = await audits();
    const stranger = { aadObjectId: '99999999-8888-4777-8666-555555555555', name: 'Someone Else' };
    fake.addMember({ ...stranger, email: 'someone@elsewhere.example' });
    const { text } = await ask(personal(stranger), 'status');
    expect(text).toBe('👋 Compliance OS does not know your Teams account yet. Ask your compliance admin to add you with the email address you use in Teams; your first command after that links you automatically.');
    expect(await audits()).toBe(before);
    expect((await t.superuser('SELECT 1 FROM users WHERE teams_user_id = $1', [stranger.aadObjectId])).rows).toEqual([]);
  });
});
