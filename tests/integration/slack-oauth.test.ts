import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { BOT_SCOPES } from '../../bot/slack/ids.js';
import { slackInstallLink } from '../../bot/slack/oauth.js';
import type { Runtime } from '../../app/runtime.js';
import { findSlackInstallation } from '../../infra/stores/slack-installations.js';
import type { TestDatabase } from '../support/db.js';
import type { DemoIds } from '../support/demo.js';
import { startSlackTestServer } from '../support/slack-server.js';

let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;
let base: string;

beforeAll(async () => {
  ctx = await startSlackTestServer({ oauth: { clientId: '111.222', clientSecret: 'client-secret-xyz' } });
  ({ t, demo, runtime, base } = ctx);
});
afterAll(() => ctx.close());

describe('Slack OAuth install', () => {
  it("binds the workspace to the tenant named by the admin's signed link, token encrypted", async () => {
    const link = slackInstallLink(runtime, demo.tenantId).replace(runtime.config.http.publicUrl, base);
    const start = await fetch(link, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe('111.222');
    expect(authorize.searchParams.get('scope')!.split(',')).toEqual([...BOT_SCOPES]);
    const state = authorize.searchParams.get('state')!;

    nock('https://slack.com').post('/api/oauth.v2.access', (b) => b.code === 'code-123' && b.client_id === '111.222').reply(200, {
      ok: true, access_token: 'xoxb-installed-token', bot_user_id: 'U0NEWBOT', team: { id: 'T0NEW', name: 'New Workspace' }, authed_user: { id: 'U0ADMIN' },
    });
    const done = await fetch(`${base}/slack/oauth_redirect?code=code-123&state=${encodeURIComponent(state)}`);
    expect([done.status, (await done.text()).includes('Compliance OS is now in <b>New Workspace</b>')]).toEqual([200, true]);
    const install = await findSlackInstallation(t.db, runtime.services.secretBox, 'T0NEW');
    expect(install).toMatchObject({ tenantId: demo.tenantId, botToken: 'xoxb-installed-token', botUserId: 'U0NEWBOT' });
    const stored = await t.superuser("SELECT bot_token_encrypted FROM slack_installations WHERE team_id = 'T0NEW'");
    expect(stored.rows[0]!.bot_token_encrypted).not.toContain('xoxb');
  });

  it('refuses a forged or expired install link, and a callback without a valid state', async () => {
    const installs = async () => Number((await t.superuser<{ n: string }>('SELECT count(*) AS n FROM slack_installations')).rows[0]!.n);
    const before = await installs();
    expect((await fetch(`${base}/slack/install?t=forged.token`, { redirect: 'manual' })).status).toBe(400);
    // A genuine link issued 8 days ago (links last 7).
    const old = slackInstallLink(runtime, demo.tenantId, new Date(Date.now() - 8 * 86_400_000)).replace(runtime.config.http.publicUrl, base);
    const expired = await fetch(old, { redirect: 'manual' });
    expect([expired.status, expired.headers.get('location'), (await expired.text()).includes('invalid or has expired')]).toEqual([400, null, true]);

    // Slack would hand out a token for any code: a forged state must not get as far as asking.
    const slack = nock('https://slack.com').post('/api/oauth.v2.access').reply(200, {
      ok: true, access_token: 'xoxb-forged-token', bot_user_id: 'U0FORGED', team: { id: 'T0FORGED', name: 'Forged' },
    });
    const forged = await fetch(`${base}/slack/oauth_redirect?code=c&state=forged.state`);
    expect([forged.status, (await forged.text()).includes('did not come from a valid install link')]).toEqual([400, true]);
    expect(slack.isDone()).toBe(false);
    nock.cleanAll();
    const denied = await fetch(`${base}/slack/oauth_redirect?error=access_denied&state=x.y`);
    expect([denied.status, (await denied.text()).includes('Slack said: access_denied.')]).toEqual([400, true]);
    expect(await installs()).toBe(before);
  });

  it('manifest.yml asks for exactly the scopes the code uses', () => {
    const manifest = readFileSync('manifest.yml', 'utf8');
    const bot = manifest.slice(manifest.indexOf('    bot:')).split('\n').slice(1);
    const end = bot.findIndex((l) => !/^ {6}- /.test(l));
    const scopes = bot.slice(0, end).map((l) => l.trim().slice(2));
    expect(scopes.sort()).toEqual([...BOT_SCOPES].sort());
    expect(manifest).toContain('command: /compliance');
    expect(manifest.match(/https:\/\/YOUR-PUBLIC-HOST\/slack\/events/g)).toHaveLength(3);
  });
});
