import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createDatabase } from '../../infra/db/database.js';
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from '../../infra/db/embedded.js';
import { migrateLatest } from '../../infra/db/migrator.js';
import { ensureRuntimeLogin } from '../../infra/db/roles.js';
import { runCli } from '../support/cli.js';
import { DEMO_CLOCK_AT } from '../support/demo.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startServerProcess } from '../support/server-process.js';
import { SIGNING_SECRET, signedHeaders, slashCommandBody } from '../support/slack.js';
import { until } from '../support/wait.js';

/** A PostgreSQL of this test's own (the shared test server must not be restarted under other tests). */
const pgDir = mkdtempSync(path.join(tmpdir(), 'restart-pg-'));
let pgPort: number;
let postgres: EmbeddedPostgres | undefined;
let fake: FakeSlack | undefined;
const startPostgres = async () => (postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, database: 'restart' }));

afterAll(async () => {
  await fake?.close();
  await postgres?.stop();
});

describe('a database restart under a running npm start', () => {
  it('is survived: /readyz reports the outage and recovers, then Slack and the portal answer again', async () => {
    pgPort = await freePort();
    await startPostgres();
    const owner = createDatabase({ url: postgres!.url() });
    await migrateLatest(owner.owner);
    await ensureRuntimeLogin(owner.owner, postgres!.runtimePassword);
    await owner.close();
    fake = await startFakeSlack();

    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'restart-data-'));
    const env = {
      DATABASE_URL: postgres!.runtimeUrl(), DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', CLOCK_AT: DEMO_CLOCK_AT,
      SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-fake-token-0001', SLACK_API_URL: fake.url,
    };
    const server = await startServerProcess(env);
    const base = `http://127.0.0.1:${port}`;
    expect((await runCli(['slack', 'connect', '--tenant', 'demo'], env)).code).toBe(0);
    const login = JSON.parse(readFileSync(path.join(dataDir, 'demo-login.json'), 'utf8')) as { email: string; password: string };
    const signIn = () => fetch(`${base}/admin/login`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(login).toString(),
    });
    // A signed-in portal session holds pooled connections open across the restart.
    expect((await signIn()).status).toBe(302);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    await postgres!.stop();
    await until(async () => (await fetch(`${base}/readyz`)).status === 503, 20_000, '/readyz to report the outage');
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'not_ready', reason: 'database unreachable' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // Requests during the outage fail, and the process lives on.
    await signIn();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await startPostgres();
    await until(async () => (await fetch(`${base}/readyz`)).status === 200, 30_000, '/readyz to recover');

    // Slack: a command is answered (at its response_url) as before.
    const body = slashCommandBody({ team_id: 'T0FAKE', user_id: 'UADMIN', text: 'help', response_url: `${fake.url.replace(/\/api\/$/, '')}/respond/after-restart` });
    const slack = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
    expect(slack.status).toBe(200);
    const answer = await until(async () => fake!.responses.find((r) => r.path === '/respond/after-restart'), 20_000, 'the Slack answer');
    expect(String(answer.body.text)).toContain('Compliance OS commands');
    // The portal: sign-in works again.
    expect((await signIn()).headers.get('location')).toBe('/admin');

    expect(await server.stop()).toBe(0);
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);
  }, 150_000);
});
