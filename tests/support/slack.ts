import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Headers Slack sends: a v0 HMAC signature over `v0:<timestamp>:<raw body>`. */
export function signedHeaders(body: string, options: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature };
}

export function slashCommandBody(fields: { team_id: string; user_id: string; text: string; response_url: string }): string {
  return new URLSearchParams({
    token: 'legacy', team_id: fields.team_id, team_domain: 'demo', channel_id: 'C0DEMO01', channel_name: 'compliance',
    user_id: fields.user_id, user_name: 'someone', command: '/compliance', text: fields.text, api_app_id: 'A0TEST',
    response_url: fields.response_url, trigger_id: '123.456.abc',
  }).toString();
}

/** Waits until a nock scope has seen all its requests (listeners answer after the ack). */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The demo tenant behind a running HTTP server with the Slack app mounted, outside calls
 * blocked (nock) but for loopback: the set-up every Slack integration test shares.
 */
export async function startSlackTestServer(options: { env?: Record<string, string>; oauth?: { clientId: string; clientSecret: string }; team?: string } = {}) {
  const [{ default: nock }, { createSlackApp }, { createHttpApp, listen }, { saveSlackInstallation }, { createTestDatabase }, { seedDemoForTest }, { testRuntime }] = await Promise.all([
    import('nock'), import('../../bot/slack/app.js'), import('../../app/http/server.js'),
    import('../../core/infra/stores/slack-installations.js'), import('./db.js'), import('./demo.js'), import('./runtime.js'),
  ]);
  const t = await createTestDatabase();
  const demo = await seedDemoForTest(t.db);
  const runtime = await testRuntime(t.url, options.env);
  if (options.team) {
    await saveSlackInstallation(t.db, runtime.services.secretBox, { tenantId: demo.tenantId, teamId: options.team, teamName: 'Demo', botUserId: 'U0BOT', botToken: 'xoxb-demo-token' });
  }
  const slack = createSlackApp({ signingSecret: SIGNING_SECRET, oauth: options.oauth }, runtime, runtime.services.secretBox);
  const server = await listen(createHttpApp({ db: runtime.db, logger: runtime.logger, slackRouter: slack.receiver.router }), '127.0.0.1', 0);
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
