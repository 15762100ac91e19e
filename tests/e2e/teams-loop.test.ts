import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../infra/db/embedded.js';
import { runCli } from '../support/cli.js';
import { startServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT } from '../support/demo.js';
import {
  BOT_APP_ID, BOT_APP_PASSWORD, BOT_TENANT_ID, attachmentsActivity, cardActionActivity, cardOf, cardText, fileAttachment, installActivity, postActivity, postCardAction,
  startFakeTeams, type FakeTeams,
} from '../support/fake-teams.js';
import { CARD_ACTIONS } from '../../bot/teams/ids.js';
import { statusCounts } from '../support/outbox.js';
import { until } from '../support/wait.js';

const AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
const CHANNEL = '19:demo-filings@thread.tacv2';
/**
 * Every connector call the product makes: a post (root, reply in a chain, personal chat), an
 * update in place (a root card; a review request in its chain, once decided), opening a personal chat.
 */
const CONNECTOR_CALLS = [
  /^POST \/v3\/conversations\/[^/]+\/activities$/, /^PUT \/v3\/conversations\/[^/;]+\/activities\/\d+$/,
  /^PUT \/v3\/conversations\/[^/;]+;messageid=\d+\/activities\/\d+$/, /^POST \/v3\/conversations$/,
];

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
  it('runs the loop for the demo tenant: connect, install, remind, root cards and replies in the channel, the CFO in personal chat, proof by Upload proof, Approve on the card', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: t.url, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'teams-loop-')), PORT: String(port), LOG_LEVEL: 'warn', CLOCK_AT: DEMO_CLOCK_AT,
      TEAMS_APP_ID: BOT_APP_ID, TEAMS_APP_PASSWORD: BOT_APP_PASSWORD, TEAMS_TENANT_ID: BOT_TENANT_ID,
      TEAMS_OPENID_METADATA_URL: fake.openIdMetadataUrl, TEAMS_TOKEN_URL: fake.tokenUrl, TEAMS_FILE_HOST: fake.fileHost,
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

    // The preparer presses Upload proof on a pending item's root card, and is asked in their personal chat.
    const base = `http://127.0.0.1:${port}`;
    const person = async (email: string) => ({ ...(await t.db.withTenant(tenantId, ({ trx }) => trx('users').where({ email }).first('id', 'teams_user_id as aadObjectId', 'name'))) });
    const [owner, approver] = [await person('owner@demo.example'), await person('approver@demo.example')];
    const item = await t.db.withTenant(tenantId, ({ trx }) => trx('compliance_instances')
      .where({ status: 'pending', owner_user_id: owner.id }).whereNotNull('teams_activity_id').orderBy('due_date').first('id', 'teams_activity_id as root'));
    const inThread = (who: { aadObjectId: string; name: string }) => ({
      serviceUrl: fake.url, aadTenantId: AAD, from: who, teamId: CHANNEL, conversation: { id: `${CHANNEL};messageid=${item.root}`, conversationType: 'channel' as const },
    });
    const asked = await postCardAction(base, cardActionActivity(inThread(owner), { action: CARD_ACTIONS.uploadEvidence, instanceId: item.id, card: 'root' }, item.root));
    expect(asked.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const { rows: [prompt] } = await t.superuser<{ conversation_id: string }>('SELECT conversation_id FROM teams_upload_prompts WHERE instance_id = $1', [item.id]);

    // She sends the PDF there: it becomes the item's evidence, version 1, hashed.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\nfiling acknowledgement\n'), Buffer.alloc(2000, 32)]);
    const file = fileAttachment({ name: 'proof.pdf', downloadUrl: fake.serveFile('proof.pdf', bytes), uniqueId: 'SP-E2E-1', fileType: 'pdf' });
    const personal = { serviceUrl: fake.url, aadTenantId: AAD, from: owner, conversation: { id: prompt!.conversation_id, conversationType: 'personal' as const } };
    expect((await postActivity(base, attachmentsActivity(personal, [file]))).status).toBe(200);
    const evidence = await until(async () => (await t.superuser<{ id: string; sha256: string; channel: string }>('SELECT id, sha256, channel FROM evidence WHERE instance_id = $1', [item.id])).rows[0], 15_000, 'the proof to be recorded');
    expect(evidence).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), channel: 'teams' });

    // The review request reaches the approver in the item's thread first (the outbox sends it).
    await until(async () => Object.keys(await statusCounts(t.db)).join() === 'sent', 30_000, 'the review request to be sent');
    expect(fake.replies(CHANNEL, item.root).some((r) => cardText(cardOf(r).body).includes('Ready for your review'))).toBe(true);

    // The approver presses Approve on the root card: the root card, updated in place, says Approved.
    const updatesBefore = fake.updates(CHANNEL, item.root).length;
    const approved = await postCardAction(base, cardActionActivity(inThread(approver), { action: CARD_ACTIONS.approveEvidence, instanceId: item.id, evidenceId: evidence.id, version: 1, card: 'root' }, item.root));
    expect(approved.body.statusCode).toBe(200);
    expect((await t.superuser<{ status: string }>('SELECT status FROM compliance_instances WHERE id = $1', [item.id])).rows[0]!.status).toBe('approved');
    const update = await until(() => fake.updates(CHANNEL, item.root).slice(updatesBefore).at(-1), 15_000, 'the root card to be updated');
    expect(cardText(cardOf(update).body)).toContain('Approved');

    expect(fake.calls.filter((c) => c.path.startsWith('/v3/')).map((c) => `${c.method} ${c.path}`).filter((call) => !CONNECTOR_CALLS.some((p) => p.test(call)))).toEqual([]);
    expect(await server.stop()).toBe(0);
  }, 180_000);
});
