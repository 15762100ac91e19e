import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CARD_ACTIONS } from '../../bot/teams/ids.js';
import { teamsConversations } from '../../infra/stores/teams-conversations.js';
import { bindTeamsTenant } from '../../infra/stores/teams-tenants.js';
import { DEMO_CLOCK_AT, demoDatabase, instanceId, type DemoIds } from '../support/demo.js';
import {
  BOT_APP_ID, attachmentsActivity, cardActionActivity, cardOf, cardText, fileAttachment, postActivity, postCardAction, startFakeTeams,
  type ActivityPlace, type FakeTeams,
} from '../support/fake-teams.js';
import { TEST_SECRET_BOX, fakeTeamsSettings, startTeamsServer } from '../support/teams.js';
import { until } from '../support/wait.js';
import type { TestDatabase } from '../support/db.js';

/*
 * Evidence from Teams: Upload proof on an item's card asks the preparer in their personal chat;
 * the file they send there (Teams' file.download.info, fetched from the file host faked at HTTP)
 * becomes an evidence version through core's intake, and the item's thread is told.
 */

const AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
const CHANNEL = '19:mfg@thread.tacv2';
const ROOT = '1764000950001';
const OWNER = { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000001', name: 'Priya Preparer' };
const APPROVER = { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000002', name: 'Arjun Approver' };
const OWNER_CHAT = 'a:1personal-priya';

const demoDb = demoDatabase();
let t: TestDatabase;
let demo: DemoIds;
let fake: FakeTeams;
let app: Awaited<ReturnType<typeof startTeamsServer>>;
let item: string;

const personal = (from = OWNER, chat = OWNER_CHAT): ActivityPlace => ({ serviceUrl: fake.url, aadTenantId: AAD, from, conversation: { id: chat, conversationType: 'personal' } });
const pdf = (size = 3000) => {
  const head = Buffer.from('%PDF-1.7\nGSTR-3B acknowledgement\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length, 32)]);
};
const evidence = () => t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: item }).orderBy('version').select('version', 'file_name', 'sha256', 'channel', 'source_ref', 'size_bytes', 'uploaded_by'));
const said = (chat: string, since: number) => fake.calls.slice(since).filter((c) => c.method === 'POST' && c.path === `/v3/conversations/${chat}/activities`).map((c) => cardText(cardOf(c)));
/** Sends a file in a personal chat and waits for the bot's answer there. */
async function send(attachment: ReturnType<typeof fileAttachment>, from = OWNER, chat = OWNER_CHAT): Promise<string> {
  const since = fake.calls.length;
  expect((await postActivity(app.url, attachmentsActivity(personal(from, chat), [attachment]))).status).toBe(200);
  return until(() => said(chat, since)[0], 10_000, 'the answer in the personal chat');
}
const upload = (name: string, bytes: Buffer, uniqueId: string) => fileAttachment({ name, downloadUrl: fake.serveFile(name, bytes), uniqueId, fileType: name.split('.').pop()! });

beforeAll(async () => {
  ({ t, demo } = demoDb);
  fake = await startFakeTeams();
  await bindTeamsTenant(t.db, TEST_SECRET_BOX, { tenantId: demo.tenantId, aadTenantId: AAD, appId: BOT_APP_ID, appPassword: null });
  await t.db.withTenant(demo.tenantId, async ({ trx }) => {
    await trx('users').where({ id: demo.users.owner }).update({ teams_user_id: OWNER.aadObjectId });
    await trx('users').where({ id: demo.users.approver }).update({ teams_user_id: APPROVER.aadObjectId });
    await trx('entities').where({ id: demo.entities.manufacturing }).update({ teams_channel_id: CHANNEL });
  });
  const conversations = teamsConversations(t.db);
  await conversations.remember(demo.tenantId, { conversationId: CHANNEL, conversationType: 'channel', aadTenantId: AAD, serviceUrl: fake.url, userId: null, reference: {} });
  await conversations.remember(demo.tenantId, { conversationId: OWNER_CHAT, conversationType: 'personal', aadTenantId: AAD, serviceUrl: fake.url, userId: demo.users.owner, reference: {} });
  item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
  await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: item }).update({ teams_conversation_id: CHANNEL, teams_activity_id: ROOT }));
  // 1 MB evidence limit, so an oversize file stays small for the test.
  app = await startTeamsServer(t.url, fakeTeamsSettings(fake), undefined, { CLOCK_AT: DEMO_CLOCK_AT, EVIDENCE_MAX_MB: '1' });
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe('before anyone pressed Upload proof', () => {
  it('a file sent in the personal chat is not kept, and they are told to press Upload proof first', async () => {
    const answer = await send(upload('early.pdf', pdf(), 'early-1'));
    expect(answer).toContain('no item is waiting for it. Press **Upload proof**');
    expect(await evidence()).toEqual([]);
    expect(fake.downloads).toEqual([]);
  });
});

describe('Upload proof, then the file in the personal chat', () => {
  it('Upload proof asks the preparer in their personal chat, keeps the request, and the card says where to look', async () => {
    const since = fake.calls.length;
    const { body } = await postCardAction(app.url, cardActionActivity(
      { serviceUrl: fake.url, aadTenantId: AAD, from: OWNER, teamId: CHANNEL, conversation: { id: `${CHANNEL};messageid=${ROOT}`, conversationType: 'channel' } },
      { action: CARD_ACTIONS.uploadEvidence, instanceId: item, card: 'root' }, ROOT));
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(body.value)).toContain('I have asked you for the file in your chat with Compliance OS');
    const [prompt] = said(OWNER_CHAT, since);
    expect(prompt).toContain('Send the filing proof for **GSTR-3B');
    expect(prompt).toContain('Demo Manufacturing');
    const rows = await t.superuser<{ user_id: string; instance_id: string; conversation_id: string }>('SELECT user_id, instance_id, conversation_id FROM teams_upload_prompts');
    expect(rows.rows).toEqual([{ user_id: demo.users.owner, instance_id: item, conversation_id: OWNER_CHAT }]);
  });

  it('a file of the wrong type is refused by its content, and nothing is kept', async () => {
    const answer = await send(upload('payload.pdf', Buffer.from('MZ\x90\x00 not a pdf at all, an executable'), 'wrong-type-1'));
    expect(answer).toMatch(/^❌ \*\*payload\.pdf\*\* was not recorded: .*Nothing was kept\.$/s);
    expect(await evidence()).toEqual([]);
  });

  it('a file over the size limit is refused, and nothing is kept', async () => {
    const answer = await send(upload('huge.pdf', pdf(1024 * 1024 + 10), 'huge-1'));
    expect(answer).toContain('**huge.pdf** was not recorded');
    expect(answer).toContain('larger than the 1.0 MB limit');
    expect(await evidence()).toEqual([]);
  });

  it.each([
    ['an http: address', (url: string) => url.replace('https:', 'http:')],
    ['a host that is neither SharePoint nor the file host', () => 'https://files.evil.example/proof.pdf?tempauth=x'],
    ['a look-alike of SharePoint', () => 'https://sharepoint.com.evil.example/proof.pdf'],
  ])('a file offered from %s is not downloaded, and nothing is kept', async (_what, address) => {
    const before = fake.downloads.length;
    const attachment = upload('proof.pdf', pdf(), 'bad-host');
    attachment.content.downloadUrl = address(attachment.content.downloadUrl);
    const answer = await send(attachment);
    expect(answer).toContain('Teams offered it from an unexpected address');
    expect(fake.downloads.length).toBe(before);
    expect(await evidence()).toEqual([]);
  });

  it('the proof is downloaded without any token, stored with its SHA-256 as a Teams version, and both chats are told', async () => {
    const bytes = pdf(4096);
    const since = fake.calls.length;
    const downloadsBefore = fake.downloads.length;
    const answer = await send(upload('gstr3b-nov.pdf', bytes, 'SP-UNIQUE-0042'));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(answer).toContain(`✅ Recorded **gstr3b-nov.pdf** as version 1 (4.0 KB, SHA-256 \`${sha256}\`)`);
    expect(await evidence()).toEqual([{ version: 1, file_name: 'gstr3b-nov.pdf', sha256, channel: 'teams', source_ref: 'SP-UNIQUE-0042', size_bytes: 4096, uploaded_by: demo.users.owner }]);
    expect(fake.downloads.slice(downloadsBefore).map((d) => d.authorization)).toEqual([undefined]);
    expect((await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: item }).first('status'))).status).toBe('submitted');
    const reply = await until(() => fake.replies(CHANNEL, ROOT).find((r) => fake.calls.indexOf(r) >= since));
    expect(cardText(cardOf(reply))).toContain(`✅ Recorded **gstr3b-nov.pdf** as version 1`);
    expect(cardOf(reply).msteams?.entities?.map((e) => e.mentioned.id)).toEqual([OWNER.aadObjectId]);
    // The request is answered: a second file needs Upload proof again.
    expect((await t.superuser('SELECT 1 FROM teams_upload_prompts')).rows).toEqual([]);
  });

  it('Upload proof by someone who may not submit (the approver) is refused, and nobody is asked anything', async () => {
    const since = fake.calls.length;
    const { body } = await postCardAction(app.url, cardActionActivity(
      { serviceUrl: fake.url, aadTenantId: AAD, from: APPROVER, teamId: CHANNEL, conversation: { id: `${CHANNEL};messageid=${ROOT}`, conversationType: 'channel' } },
      { action: CARD_ACTIONS.uploadEvidence, instanceId: item, card: 'root' }, ROOT));
    expect(cardText(body.value)).toContain('You cannot submit evidence for this item');
    expect(fake.calls.slice(since).filter((c) => c.method === 'POST')).toEqual([]);
    expect((await t.superuser('SELECT 1 FROM teams_upload_prompts')).rows).toEqual([]);
  });
});

describe('a file posted in a channel', () => {
  it('gets a card explaining the Upload proof path, in its thread', async () => {
    const thread = `${CHANNEL};messageid=${ROOT}`;
    const since = fake.calls.length;
    const place: ActivityPlace = { serviceUrl: fake.url, aadTenantId: AAD, from: OWNER, teamId: CHANNEL, conversation: { id: thread, conversationType: 'channel' } };
    await postActivity(app.url, attachmentsActivity(place, [{ contentType: 'text/html', content: '<div><at>Compliance OS</at> <img src="x"></div>' }], '<at>Compliance OS</at>'));
    const [card] = await until(() => { const s = said(thread, since); return s.length ? s : undefined; });
    expect(card).toContain('Files posted in a channel do not reach Compliance OS');
    expect(card).toContain('press **Upload proof** on the item\'s card');
  });
});
