import nock from 'nock';
import { slackDeps } from '../../app/slack.js';
import { createSlackApp } from '../../bot/slack/app.js';
import { createHttpApp, listen } from '../../app/http/server.js';
import { saveSlackInstallation } from '../../infra/stores/slack-installations.js';
import { createTestDatabase } from './db.js';
import { seedDemoForTest } from './demo.js';
import { testRuntime } from './runtime.js';
import { SIGNING_SECRET } from './slack.js';

/**
 * The demo tenant behind a running HTTP server with the Slack app mounted, outside calls
 * blocked (nock) but for loopback: the set-up every Slack integration test shares.
 */
export async function startSlackTestServer(options: {
  env?: Record<string, string>;
  oauth?: { clientId: string; clientSecret: string };
  team?: string;
  /** The app's database URL, given the test database's (e.g. through a proxy the test stops, or a closed port). */
  databaseUrl?: (testUrl: string) => string | Promise<string>;
} = {}) {
  const t = await createTestDatabase();
  const demo = await seedDemoForTest(t.db);
  const runtime = await testRuntime(options.databaseUrl ? await options.databaseUrl(t.url) : t.url, options.env);
  if (options.team) {
    await saveSlackInstallation(t.db, runtime.services.secretBox, { tenantId: demo.tenantId, teamId: options.team, teamName: 'Demo', botUserId: 'U0BOT', botToken: 'xoxb-demo-token' });
  }
  const slack = createSlackApp({ signingSecret: SIGNING_SECRET, oauth: options.oauth }, slackDeps(runtime));
  const server = await listen(createHttpApp({ db: runtime.db, logger: runtime.logger, slackRouter: slack.router }), '127.0.0.1', 0);
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  return {
    t, demo, runtime,
    base: `http://127.0.0.1:${server.port}`,
    events: `http://127.0.0.1:${server.port}/slack/events`,
    async close() {
      nock.cleanAll();
      nock.enableNetConnect();
      await server.close();
      await runtime.close();
      await t.drop();
    },
  };
}
