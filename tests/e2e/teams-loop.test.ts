import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../infra/db/embedded.js';
import { runCli } from '../support/cli.js';
import { startServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT } from '../support/demo.js';
import { BOT_APP_ID, BOT_APP_PASSWORD, BOT_TENANT_ID, cardOf, installActivity, postActivity, startFakeTeams, type FakeTeams } from '../support/fake-teams.js';
import { statusCounts } from '../support/outbox.js';
import { until } from '../support/wait.js';

const AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
const CHANNEL = '19:demo-filings@thread.tacv2';
/** Every connector call the product makes: a post (root, reply in a chain, personal chat), an update in place, opening a personal chat. */
const CONNECTOR_CALLS = [/^POST \/v3\/conversations\/[^/]+\/activities$/, /^PUT \/v3\/conversations\/[^/;]+\/activities\/\d+$/, /^POST \/v3\/conversations$/];

let t: TestDatabase;
let fake: FakeTeams;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeTeams();
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

describe('npm start with Teams pointed at a local fake Teams', () => {
  it('runs the loop for the demo tenant: connect, install, remind, root cards and replies in the channel, the CFO in personal chat', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: t.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'teams-loop-')), PORT: String(port), LOG_LEVEL: 'warn', CLOCK_AT: DEMO_CLOCK_AT,
      TEAMS_APP_ID: BOT_APP_ID, TEAMS_APP_PASSWORD: BOT_APP_PASSWORD, TEAMS_TENANT_ID: BOT_TENANT_ID,
      TEAMS_OPENID_METADATA_URL: fake.openIdMetadataUrl, TEAMS_TOKEN_URL: fake.tokenUrl,
    };
    const server = await startServerProcess(env);
    expect(server.output()).toContain('Compliance OS is running');
    expect((await runCli(['teams', 'connect', '--tenant', 'demo', '--aad-tenant', AAD], env)).code).toBe(0);
    // What the portal sets (each person's Teams account, the entities' channel): the demo's people and entities share one.
    const { tenantId } = await t.db.withSystem((trx) => trx('tenants').where({ slug: 'demo' }).first('id as tenantId'));
    await t.db.withTenant(tenantId, async ({ trx }) => {
      await trx.raw("UPDATE users SET teams_user_id = '0a1b2c3d-1111-4222-8333-' || lpad(to_hex(row_number), 12, '0') FROM (SELECT id, row_number() OVER (ORDER BY email)::int AS row_number FROM users) n WHERE n.id = users.id");
      await trx('entities').update({ teams_channel_id: CHANNEL });
    });
    // The app is added to the team: Teams tells the bot, which keeps the channel and its connector.
    const install = await postActivity(`http://127.0.0.1:${port}`, installActivity({
      serviceUrl: fake.url, aadTenantId: AAD, teamId: CHANNEL, conversation: { id: CHANNEL, conversationType: 'channel' },
      from: { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000001', name: 'Admin' },
    }, 'add'));
    expect(install.status).toBe(200);
    await until(async () => (await t.superuser('SELECT 1 FROM teams_conversations WHERE conversation_id = $1', [CHANNEL])).rows.length === 1, 10_000, 'the channel to be kept');

    const remind = await runCli(['remind', '--tenant', 'demo'], env);
    expect(Number(/(\d+) reminder\(s\) planned/.exec(remind.stdout)?.[1])).toBeGreaterThan(0);
    const queued = Number((await t.db.withSystem((trx) => trx('notifications').count({ n: '*' })))[0]!.n);
    await until(async () => (await statusCounts(t.db)).sent === queued, 30_000, `${queued} notifications to be sent`);
    expect(await statusCounts(t.db)).toEqual({ sent: queued });

    const threads: string[] = await t.db.withTenant(tenantId, ({ trx }) => trx('compliance_instances').whereNotNull('teams_activity_id').pluck('teams_activity_id'));
    const roots = fake.posts(CHANNEL);
    expect(roots.map((r) => fake.idOf(r)).sort()).toEqual([...threads].sort()); // one root card per item
    const replies = threads.flatMap((root) => fake.replies(CHANNEL, root));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => (cardOf(r).msteams?.entities ?? []).length === 1)).toBe(true); // each mentions its person
    expect(fake.created()).toHaveLength(1); // the CFO's personal chat, for the escalation
    expect(fake.calls.filter((c) => c.path.startsWith('/v3/')).map((c) => `${c.method} ${c.path}`).filter((call) => !CONNECTOR_CALLS.some((p) => p.test(call)))).toEqual([]);

    expect(await server.stop()).toBe(0);
  }, 120_000);
});
