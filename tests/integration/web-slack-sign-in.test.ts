import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { saveSlackInstallation } from '../../infra/stores/slack-installations.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { startFakeSlack, type FakeSlack, type FakeSlackIdentity } from '../support/fake-slack.js';
import { createTenantWithEverything } from '../support/fixtures.js';
import { startPortalServer, type PortalServer } from '../support/portal.js';
import { SIGNING_SECRET, linkDemoToSlack } from '../support/slack.js';
import { specProblems } from '../support/slack-spec.js';
import { leaveForSlack, signInBySlack, webClient, type WebClient } from '../support/web.js';

// The demo tenant on workspace T0DEMO (its approver linked to U0APPROVER), and another tenant on its own workspace (Tother).
let t: TestDatabase;
let demo: DemoIds;
let fake: FakeSlack;
let server: PortalServer;
let item: string;

const DEMO_TEAM = 'T0DEMO';
const CLIENT_ID = '111.222';
const inDemo = (who: Omit<FakeSlackIdentity, 'team'>): FakeSlackIdentity => ({ team: DEMO_TEAM, teamName: 'Demo Workspace', ...who });
const slackIdOf = async (email: string) => (await t.db.owner('users').where({ email }).first('slack_user_id'))?.slack_user_id as string | null;
const tokenCalls = () => fake.calls.filter((c) => c.method === 'openid.connect.token').length;
/** Whether the client is signed in: My work answers it, or sends it to sign in. */
const signedInAs = async (client: WebClient) => {
  const work = await client.get('/work');
  return work.status === 200 ? /class="who">([^<]*)</.exec(work.text)?.[1] : work.location;
};

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await createTenantWithEverything(t.db, 'other');
  fake = await startFakeSlack();
  server = await startPortalServer(t.url, {
    CLOCK_AT: DEMO_CLOCK_AT, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: 'client-secret-xyz',
    SLACK_API_URL: fake.url, SLACK_OAUTH_URL: fake.oauthUrl,
  });
  await saveSlackInstallation(t.db, server.runtime.services.secretBox, { tenantId: demo.tenantId, teamId: DEMO_TEAM, teamName: 'Demo Workspace', botUserId: 'U0BOT', botToken: 'xoxb-demo-token' });
  await linkDemoToSlack(t.db, demo, { approver: 'U0APPROVER' });
  item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
  await t?.drop();
});

describe('Sign in with Slack', () => {
  it('signs the approver in by their linked Slack account and lands on My work', async () => {
    const client = webClient(server);
    expect((await client.get('/sign-in')).text).toContain('Sign in with Slack');
    // Slack's email for them is not the one Compliance OS has: only the linked Slack account can find them.
    const { authorize, callback } = await leaveForSlack(client, fake, inDemo({ user: 'U0APPROVER', email: 'arjun@personal.example' }));
    expect(authorize.origin + authorize.pathname).toBe(`${fake.oauthUrl}/openid/connect/authorize`);
    expect(authorize.search).toContain('scope=openid%20email%20profile');
    const redirectUri = `${server.runtime.config.http.publicUrl}/sign-in/slack/callback`;
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: 'code', scope: 'openid email profile', client_id: CLIENT_ID, redirect_uri: redirectUri,
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const done = await client.get(callback);
    expect([done.status, done.location]).toEqual([303, '/work']);
    expect(await signedInAs(client)).toBe('Arjun Approver · Demo Group');
    const token = fake.calls.find((c) => c.method === 'openid.connect.token')!;
    expect(token.args).toMatchObject({ client_id: CLIENT_ID, client_secret: 'client-secret-xyz', code: new URLSearchParams(callback.split('?')[1]).get('code'), redirect_uri: redirectUri });
    expect(fake.calls.map((c) => c.method)).toEqual(['openid.connect.token', 'openid.connect.userInfo']);
    expect(fake.calls.flatMap(specProblems)).toEqual([]);
  });

  it('finds someone not linked yet by the email Slack has verified, and links their Slack account', async () => {
    expect(await slackIdOf('cfo@demo.example')).toBeNull();
    const client = await signInBySlack(server, fake, inDemo({ user: 'U0CFO', email: 'CFO@demo.example' }));
    expect(await signedInAs(client)).toBe('Meera CFO · Demo Group');
    expect(await slackIdOf('cfo@demo.example')).toBe('U0CFO');
  });

  it('refuses an answer that did not start in this browser (or carries another state), and changes nothing', async () => {
    const calls = tokenCalls();
    const started = webClient(server);
    const { callback } = await leaveForSlack(started, fake, inDemo({ user: 'U0APPROVER' }));
    const elsewhere = webClient(server);
    const stray = await elsewhere.get(callback);
    expect(stray.status).toBe(400);
    expect(stray.text).toContain('This sign-in did not start here; start again.');
    expect(await signedInAs(elsewhere)).toBe('/sign-in?next=%2Fwork');
    const forged = await started.get(callback.replace(/state=[^&]+/, 'state=forged-state'));
    expect([forged.status, forged.text.includes('did not start here')]).toEqual([400, true]);
    expect(tokenCalls()).toBe(calls);
    // Nothing changed: the sign-in that did start here still completes.
    expect((await started.get(callback)).location).toBe('/work');
    expect(await signedInAs(started)).toBe('Arjun Approver · Demo Group');
  });

  it('answers once: the same answer from Slack opened again is refused', async () => {
    const client = webClient(server);
    const { callback } = await leaveForSlack(client, fake, inDemo({ user: 'U0APPROVER' }));
    expect((await client.get(callback)).status).toBe(303);
    expect((await client.get(callback)).text).toContain('did not start here');
  });

  it("refuses a code Slack issued to another browser's sign-in (its ID token carries that sign-in's nonce)", async () => {
    const victim = webClient(server);
    const mine = await leaveForSlack(victim, fake, inDemo({ user: 'U0APPROVER' }));
    const attacker = webClient(server);
    const theirs = await leaveForSlack(attacker, fake, inDemo({ user: 'Uother', email: 'owner@other.example' }));
    const injected = mine.callback.replace(/code=[^&]+/, `code=${new URLSearchParams(theirs.callback.split('?')[1]).get('code')}`);
    const answer = await victim.get(injected);
    expect(answer.status).toBe(502);
    expect(answer.text).toContain('The answer from Slack did not belong to this sign-in, so you are not signed in; start again.');
    expect(await signedInAs(victim)).toBe('/sign-in?next=%2Fwork');
  });

  it('refuses a Slack account Compliance OS does not know, saying whom to ask', async () => {
    const client = webClient(server);
    const answer = await client.get((await leaveForSlack(client, fake, inDemo({ user: 'U0STRANGER', email: 'nobody@demo.example' }))).callback);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Compliance OS does not know your Slack account (nobody@demo.example) in Demo Workspace. Ask your compliance admin to add you with the email address you use in Slack.');
    expect(await signedInAs(client)).toBe('/sign-in?next=%2Fwork');
    expect(await t.db.owner('users').where({ slack_user_id: 'U0STRANGER' }).first('id')).toBeUndefined();
  });

  it('does not match anyone by an email Slack has not verified', async () => {
    const client = webClient(server);
    const answer = await client.get((await leaveForSlack(client, fake, inDemo({ user: 'U0NOTOWNER', email: 'owner@demo.example', emailVerified: false }))).callback);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Slack has not verified the email address of your Slack account (owner@demo.example)');
    expect(await signedInAs(client)).toBe('/sign-in?next=%2Fwork');
    expect(await slackIdOf('owner@demo.example')).toBeNull();
  });

  it('refuses a workspace no tenant has connected', async () => {
    const client = webClient(server);
    const who = { team: 'T0NOWHERE', teamName: 'Elsewhere Inc', user: 'U0APPROVER', email: 'approver@demo.example' };
    const answer = await client.get((await leaveForSlack(client, fake, who)).callback);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('Your Slack workspace (Elsewhere Inc) is not connected to Compliance OS');
    expect(await signedInAs(client)).toBe('/sign-in?next=%2Fwork');
  });

  it('comes back to the page that asked for sign-in, and only to a page of this site', async () => {
    const client = webClient(server);
    const asked = await client.get(`/items/${item}`);
    const next = new URL(asked.location!, server.url).searchParams.get('next')!;
    const page = await client.get(asked.location!);
    const start = /href="(\/sign-in\/slack\?next=[^"]+)"/.exec(page.text)![1]!;
    expect(start).toBe(`/sign-in/slack?next=${encodeURIComponent(`/items/${item}`)}`);
    expect(next).toBe(`/items/${item}`);
    const back = await client.get((await leaveForSlack(client, fake, inDemo({ user: 'U0APPROVER' }), start)).callback);
    expect([back.status, back.location]).toEqual([303, `/items/${item}`]);
    expect((await client.get(`/items/${item}`)).status).toBe(200);

    for (const away of ['//evil.example/work', 'https://evil.example/work']) {
      const other = webClient(server);
      const landed = await other.get((await leaveForSlack(other, fake, inDemo({ user: 'U0APPROVER' }), `/sign-in/slack?next=${encodeURIComponent(away)}`)).callback);
      expect(landed.location).toBe('/work');
    }
  });

  it("never gives a person of another tenant's workspace this tenant's session", async () => {
    // The demo approver's Slack id and email, but from the other tenant's workspace: nobody there.
    const impostor = webClient(server);
    const refusedAnswer = await impostor.get((await leaveForSlack(impostor, fake, { team: 'Tother', teamName: 'Other Workspace', user: 'U0APPROVER', email: 'approver@demo.example' })).callback);
    expect(refusedAnswer.status).toBe(403);
    expect(await signedInAs(impostor)).toBe('/sign-in?next=%2Fwork');

    // The other tenant's own person signs in to their own tenant, and sees nothing of the demo's.
    const theirs = await signInBySlack(server, fake, { team: 'Tother', user: 'Uother', email: 'owner@other.example' });
    const demoItem = await theirs.get(`/items/${item}`);
    expect(demoItem.status).toBe(404);
    // Signed in as the other tenant's Owner (the demo has nobody of that name), who cannot see the demo's item.
    expect(/class="who">([^<]*)</.exec(demoItem.text)?.[1]).toBe('Owner');
    expect(demoItem.text).not.toContain('Demo Manufacturing');
  });

  it('says what happened when Slack refuses, cannot be reached, or the person declines', async () => {
    const refusedCode = webClient(server);
    const first = await leaveForSlack(refusedCode, fake, inDemo({ user: 'U0APPROVER' }));
    const bogus = await refusedCode.get(first.callback.replace(/code=[^&]+/, 'code=bogus'));
    expect(bogus.status).toBe(502);
    expect(bogus.text).toContain('Slack could not confirm who you are (Slack said: invalid_code), so you are not signed in. Start again');

    const unreachable = webClient(server);
    const second = await leaveForSlack(unreachable, fake, inDemo({ user: 'U0APPROVER' }));
    fake.cutNext('openid.connect.token');
    const cut = await unreachable.get(second.callback);
    expect(cut.status).toBe(502);
    expect(cut.text).toContain('Compliance OS could not reach Slack, so you are not signed in. Try again in a minute.');

    const declined = webClient(server);
    const third = await leaveForSlack(declined, fake, inDemo({ user: 'U0APPROVER' }));
    const state = third.authorize.searchParams.get('state')!;
    const no = await declined.get(`/sign-in/slack/callback?error=access_denied&state=${state}`);
    expect(no.status).toBe(400);
    expect(no.text).toContain('Slack did not sign you in (Slack said: access_denied)');

    for (const client of [refusedCode, unreachable, declined]) expect(await signedInAs(client)).toBe('/sign-in?next=%2Fwork');
  });
});
