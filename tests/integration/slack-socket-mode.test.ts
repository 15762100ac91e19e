import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { slackDeps } from '../../app/slack.js';
import { createSlackApp, type SlackApp } from '../../bot/slack/app.js';
import type { Runtime } from '../../app/runtime.js';
import { saveSlackInstallation } from '../../infra/stores/slack-installations.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest } from '../support/demo.js';
import { FAKE_TEAM, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { testRuntime } from '../support/runtime.js';
import { SIGNING_SECRET, until } from '../support/slack.js';

let t: TestDatabase;
let runtime: Runtime;
let fake: FakeSlack;
let slack: SlackApp;

beforeAll(async () => {
  t = await createTestDatabase();
  const demo = await seedDemoForTest(t.db);
  runtime = await testRuntime(t.url);
  fake = await startFakeSlack();
  await saveSlackInstallation(t.db, runtime.services.secretBox, { tenantId: demo.tenantId, teamId: FAKE_TEAM.id, teamName: FAKE_TEAM.name, botUserId: 'U0FAKEBOT', botToken: 'xoxb-fake' });
  await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.owner }).update({ slack_user_id: 'U0OWNER' }));
  slack = createSlackApp({ signingSecret: SIGNING_SECRET, appToken: 'xapp-1-A0FAKE-1-test', apiUrl: fake.url }, slackDeps(runtime));
});
afterAll(async () => {
  await slack.stop();
  await fake.close();
  await runtime.close();
  await t.drop();
});

describe('Socket Mode (SLACK_APP_TOKEN)', () => {
  it('connects without a public URL, acknowledges an envelope and answers the command', async () => {
    expect(slack.router).toBeUndefined(); // nothing to mount: Slack comes to us over the socket
    await slack.start();
    expect(fake.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);
    const base = fake.url.replace(/\/api\/$/, '');
    await fake.sendEnvelope({
      envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true,
      payload: {
        team_id: FAKE_TEAM.id, user_id: 'U0OWNER', command: '/compliance', text: 'help', api_app_id: 'A0FAKE',
        channel_id: 'C0FAKE', response_url: `${base}/respond/1`, trigger_id: '1.2.3', token: 'legacy',
      },
    });
    await until(() => fake.socketAcks.some((a) => a.envelope_id === 'env-1'), 10_000);
    await until(() => fake.responses.length > 0, 10_000);
    expect(fake.responses[0]!.path).toBe('/respond/1');
    expect(JSON.stringify(fake.responses[0]!.body)).toContain('/compliance due [days]');
  });
});
