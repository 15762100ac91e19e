import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { pino } from 'pino';
import { bindTeamsTenant } from '../../infra/stores/teams-tenants.js';
import { aTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import {
  BOT_APP_ID, BOT_TENANT_ID, FOREIGN_KEY, botFrameworkToken, botMembershipActivity, installActivity, messageActivity, postActivity, startFakeTeams,
  type ActivityPlace, type FakeTeams,
} from '../support/fake-teams.js';
import { TEST_SECRET_BOX, fakeTeamsSettings, startTeamsServer } from '../support/teams.js';
import { until } from '../support/wait.js';

const ACME_AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
const UNBOUND_AAD = 'e1d2c3b4-a596-4877-8899-aabbccddeeff';
const GST_CHANNEL = '19:gst-filings@thread.tacv2';
const PRIYA = { aadObjectId: '11111111-2222-4333-8444-555555555555', name: 'Priya Shah' };
const STRANGER = { aadObjectId: '99999999-8888-4777-8666-555555555555', name: 'Someone Else' };

let t: TestDatabase;
let fake: FakeTeams;
let app: { url: string; close(): Promise<void> };
let acme: { tenantId: string; entityId: string; priyaId: string };
const logLines: string[] = [];

const place = (over: Partial<ActivityPlace> = {}): ActivityPlace => ({
  serviceUrl: fake.url, aadTenantId: ACME_AAD, from: PRIYA, teamId: GST_CHANNEL,
  conversation: { id: GST_CHANNEL, conversationType: 'channel' }, ...over,
});
const personal = (over: Partial<ActivityPlace> = {}) => place({ conversation: { id: `a:1personal-${PRIYA.aadObjectId}`, conversationType: 'personal' }, teamId: undefined, ...over });
const conversations = () => t.superuser<{ conversation_id: string; conversation_type: string; service_url: string; aad_tenant_id: string; entity_id: string | null; user_id: string | null; tenant_id: string; reference: Record<string, unknown> }>(
  'SELECT conversation_id, conversation_type, service_url, aad_tenant_id, entity_id, user_id, tenant_id, reference FROM teams_conversations ORDER BY conversation_id',
).then((r) => r.rows);
const notConnectedCards = (conversationId: string) => fake.calls.filter((c) => c.method === 'POST' && c.path === `/v3/conversations/${conversationId}/activities`
  && JSON.stringify(c.body).includes('Compliance OS is not connected to your organisation yet'));

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeTeams();
  const built = await aTenant('acme')
    .withEntity('gst', { name: 'Acme Manufacturing', teamsChannelId: GST_CHANNEL })
    .withPerson('priya', { name: 'Priya Shah', teamsUserId: PRIYA.aadObjectId, roles: ['owner'] })
    .build(t.db);
  acme = { tenantId: built.tenantId, entityId: built.id('gst'), priyaId: built.id('priya') };
  await bindTeamsTenant(t.db, TEST_SECRET_BOX, { tenantId: acme.tenantId, aadTenantId: ACME_AAD, appId: BOT_APP_ID, appPassword: null });
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  app = await startTeamsServer(t.url, fakeTeamsSettings(fake), logger);
});
afterAll(async () => {
  await app.close();
  await fake.close();
  await t.drop();
});

describe('Teams at /api/messages: the Bot Framework token', () => {
  const forged: [string, (serviceUrl: string) => string | null][] = [
    ['no token at all', () => null],
    ['a token signed by a key Teams never published', (s) => botFrameworkToken(s, {}, { key: FOREIGN_KEY })],
    ['a token for another bot', (s) => botFrameworkToken(s, { aud: '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a' })],
    ['a token from another issuer', (s) => botFrameworkToken(s, { iss: 'https://login.example.com' })],
    ['a token that expired over 5 minutes ago', (s) => botFrameworkToken(s, { nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 600 })],
    ['a token for another connector than the activity names', () => botFrameworkToken('https://smba.evil.example/teams')],
  ];

  it.each(forged)('refuses %s with 401, and nothing is kept or sent', async (what, tokenFor) => {
    const callsBefore = fake.calls.length;
    // Each in a channel of its own, so anything kept would show whose it was.
    const channel = `19:forged-${forged.findIndex(([w]) => w === what)}@thread.tacv2`;
    const response = await postActivity(app.url, installActivity(place({ conversation: { id: channel, conversationType: 'channel' } }), 'add'), tokenFor(fake.url));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: tokenFor(fake.url) === null ? 'Missing authorization header' : 'JWT validation failed' });
    expect(fake.calls.length).toBe(callsBefore);
  });

  it('takes a correctly signed activity: 200, and the team channel is kept with its connector and its entity (and nothing forged was)', async () => {
    const response = await postActivity(app.url, installActivity(place(), 'add'));
    expect(response.status).toBe(200);
    const rows = await until(async () => { const found = await conversations(); return found.length > 0 ? found : undefined; });
    expect(rows.map((r) => r.conversation_id)).toEqual([GST_CHANNEL]);
    const [kept] = rows;
    expect(kept).toMatchObject({
      tenant_id: acme.tenantId, conversation_id: GST_CHANNEL, conversation_type: 'channel', service_url: fake.url, aad_tenant_id: ACME_AAD,
      entity_id: acme.entityId, user_id: null,
    });
    expect(kept!.reference).toMatchObject({ serviceUrl: fake.url, conversation: { id: GST_CHANNEL }, bot: { id: `28:${BOT_APP_ID}` } });
    expect(kept!.reference).not.toHaveProperty('activityId');
  });

  it('never logs the token', () => {
    expect(logLines.join('\n')).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});

describe('install and conversations', () => {
  it("a personal install keeps the person's chat, linked to them by their AAD object id; removing the app forgets it", async () => {
    const chat = personal();
    expect((await postActivity(app.url, installActivity(chat, 'add'))).status).toBe(200);
    const row = await until(async () => (await conversations()).find((c) => c.conversation_type === 'personal'));
    expect(row).toMatchObject({ conversation_id: chat.conversation.id, user_id: acme.priyaId, service_url: fake.url });

    expect((await postActivity(app.url, installActivity(chat, 'remove'))).status).toBe(200);
    await until(async () => !(await conversations()).some((c) => c.conversation_type === 'personal'));
  });

  it('a personal chat of someone not linked yet is kept without a person', async () => {
    const chat = personal({ from: STRANGER, conversation: { id: `a:1personal-${STRANGER.aadObjectId}`, conversationType: 'personal' } });
    await postActivity(app.url, installActivity(chat, 'add'));
    const row = await until(async () => (await conversations()).find((c) => c.conversation_id === chat.conversation.id));
    expect(row).toMatchObject({ user_id: null, tenant_id: acme.tenantId });
  });

  it('the bot added to a group chat keeps it; removed, it is forgotten', async () => {
    const group = place({ conversation: { id: '19:finance-team@thread.v2', conversationType: 'groupChat' }, teamId: undefined });
    await postActivity(app.url, botMembershipActivity(group, 'added'));
    await until(async () => (await conversations()).find((c) => c.conversation_id === '19:finance-team@thread.v2' && c.conversation_type === 'groupChat'));
    await postActivity(app.url, botMembershipActivity(group, 'removed'));
    await until(async () => !(await conversations()).some((c) => c.conversation_id === '19:finance-team@thread.v2'));
  });
});

describe('an Entra tenant no tenant has bound', () => {
  const stranger = () => personal({ aadTenantId: UNBOUND_AAD, from: STRANGER, conversation: { id: 'a:1stranger', conversationType: 'personal' } });

  it('gets a polite card naming its directory id, and nothing is kept', async () => {
    const before = await conversations();
    const auditBefore = (await t.superuser('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    expect((await postActivity(app.url, installActivity(stranger(), 'add'))).status).toBe(200);
    expect((await postActivity(app.url, messageActivity(stranger(), 'status'))).status).toBe(200);
    const cards = await until(() => (notConnectedCards('a:1stranger').length === 2 ? notConnectedCards('a:1stranger') : undefined));
    expect(JSON.stringify(cards[0]!.body)).toContain(`directory (tenant) id: ${UNBOUND_AAD} (npm run cli -- teams connect --tenant <slug> --aad-tenant ${UNBOUND_AAD})`);
    expect(cards[0]!.body).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { version: '1.5' } }] });
    expect(await conversations()).toEqual(before);
    expect((await t.superuser('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n).toBe(auditBefore);
  });

  it('a card action from it is answered in the response with the same card', async () => {
    const invoke = { ...messageActivity(stranger(), ''), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'approve', data: { action: 'evidence_approve' } } } };
    const response = await postActivity(app.url, invoke);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5' } });
  });
});

describe('duplicates and slow turns', () => {
  const stranger = (conversation: string) => personal({ aadTenantId: UNBOUND_AAD, from: STRANGER, conversation: { id: conversation, conversationType: 'personal' } });

  it('the same activity delivered twice is processed once', async () => {
    const message = messageActivity(stranger('a:1twice'), 'help');
    expect((await postActivity(app.url, message)).status).toBe(200);
    expect((await postActivity(app.url, message)).status).toBe(200);
    await until(() => notConnectedCards('a:1twice').length === 1);
    // A different message in the same chat is a new turn.
    await postActivity(app.url, messageActivity(stranger('a:1twice'), 'help'));
    await until(() => notConnectedCards('a:1twice').length === 2);
    expect(logLines.some((l) => JSON.parse(l).msg === 'Teams delivered an activity again: ignored')).toBe(true);
  });

  it('a message is answered 200 before its slow work (here the reply to a Teams that does not answer) is done', async () => {
    const release = fake.hold();
    try {
      const response = await postActivity(app.url, messageActivity(stranger('a:1slow'), 'due'));
      expect(response.status).toBe(200);
      await until(() => fake.held() === 1, 5000, 'the reply to reach the connector');
      expect(notConnectedCards('a:1slow')).toHaveLength(1);
    } finally {
      release();
    }
    await until(() => fake.held() === 0);
  });
});

describe("the bot's own token (client credentials from Entra)", () => {
  // Only the fakes answer: nothing leaves the machine, whatever the SDK asks for.
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('is asked of the configured tenant once for two sends, and carried on both', async () => {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ aud: 'https://api.botframework.com', exp: now + 3600 })).toString('base64url')}.x`;
    const asked: { path: string; body: string }[] = [];
    nock('https://login.microsoftonline.com')
      .post((path) => path.startsWith(`/${BOT_TENANT_ID}/oauth2/v2.0/token`))
      .once()
      .reply(function (path, body) {
        asked.push({ path, body: String(body) });
        return [200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken }];
      });
    const entra = await startTeamsServer(t.url, fakeTeamsSettings(fake, 'entra'));
    try {
      const chat = (id: string) => personal({ aadTenantId: UNBOUND_AAD, from: STRANGER, conversation: { id, conversationType: 'personal' } });
      await postActivity(entra.url, messageActivity(chat('a:1token-one'), 'help'));
      await until(() => notConnectedCards('a:1token-one').length === 1);
      await postActivity(entra.url, messageActivity(chat('a:1token-two'), 'help'));
      await until(() => notConnectedCards('a:1token-two').length === 1);
      expect(asked).toHaveLength(1);
      expect(asked[0]!.path).toMatch(new RegExp(`^/${BOT_TENANT_ID}/oauth2/v2.0/token`));
      expect(new URLSearchParams(asked[0]!.body).get('client_id')).toBe(BOT_APP_ID);
      expect(new URLSearchParams(asked[0]!.body).get('scope')).toBe('https://api.botframework.com/.default');
      for (const id of ['a:1token-one', 'a:1token-two']) expect(notConnectedCards(id)[0]!.authorization).toBe(`Bearer ${accessToken}`);
    } finally {
      await entra.close();
    }
  });

  it('comes from TEAMS_TOKEN_URL outside production, asked with the bot\'s credentials for its tenant', async () => {
    const chat = personal({ aadTenantId: UNBOUND_AAD, from: STRANGER, conversation: { id: 'a:1fake-token', conversationType: 'personal' } });
    await postActivity(app.url, messageActivity(chat, 'help'));
    const [sent] = await until(() => (notConnectedCards('a:1fake-token').length === 1 ? notConnectedCards('a:1fake-token') : undefined));
    expect(fake.tokenRequests.at(-1)).toMatchObject({ grant_type: 'client_credentials', client_id: BOT_APP_ID, tenant: BOT_TENANT_ID, scope: 'https://api.botframework.com/.default' });
    expect(sent!.authorization).toMatch(/^Bearer eyJ/);
  });
});
