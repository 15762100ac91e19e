import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { createTenantWithEverything } from '../support/fixtures.js';
import { startPortalServer, type PortalServer } from '../support/portal.js';
import { captureSignInMail, signInByLink, webClient, type Mailbox } from '../support/web.js';

// One database and server for the file: the demo tenant, and another tenant whose items must stay out of sight.
let t: TestDatabase;
let demo: DemoIds;
let server: PortalServer;
let mail: Mailbox;
let item: string;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await createTenantWithEverything(t.db, 'other');
  server = await startPortalServer(t.url, { CLOCK_AT: DEMO_CLOCK_AT });
  mail = captureSignInMail(server);
  item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
});

afterAll(async () => {
  await server?.close();
  await t?.drop();
});

// Each person signs in once for the file: links asked for count against the address in the sign-in limits.
const sessions = new Map<string, ReturnType<typeof signInByLink>>();
const signedIn = (email: string) => {
  if (!sessions.has(email)) sessions.set(email, signInByLink(server, mail, email));
  return sessions.get(email)!;
};

const upload = (fileName: string, bytes: Buffer, type = 'application/pdf') => {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), fileName);
  return form;
};

describe('sign-in by an emailed link', () => {
  it('answers the same for a known and an unknown address, and mails a link only to the known one', async () => {
    const client = webClient(server);
    const known = await client.post('/sign-in/email', { email: 'owner@demo.example' });
    const unknown = await client.post('/sign-in/email', { email: 'nobody@demo.example' });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(known.text.replace('owner@demo.example', 'X')).toBe(unknown.text.replace('nobody@demo.example', 'X'));
    const sent = await mail.nth(1);
    expect(sent).toMatchObject({ to: 'owner@demo.example', tenantName: expect.any(String), minutes: 15 });
    expect(sent.link).toMatch(/\/sign-in\/link\?token=[A-Za-z0-9_-]{43}$/);
    expect(mail.sent).toHaveLength(1);
  });

  it('signs in once: the link works a single time, then says it was used', async () => {
    const n = mail.sent.length + 1;
    const client = webClient(server);
    await client.post('/sign-in/email', { email: 'owner@demo.example' });
    const token = new URL((await mail.nth(n)).link).searchParams.get('token')!;
    // Opening the link shows a button (mail scanners that open links do not use it up).
    expect((await client.get(`/sign-in/link?token=${token}`)).text).toContain('Continue to Compliance OS');
    const first = await client.post('/sign-in/link', { token });
    expect([first.status, first.location]).toEqual([303, '/work']);
    const work = await client.get('/work');
    expect(work.status).toBe(200);
    expect(work.text).toContain('To prepare');
    const again = await webClient(server).post('/sign-in/link', { token });
    expect(again.status).toBe(400);
    expect(again.text).toContain('expired or was already used');
  });

  it('refuses an expired link', async () => {
    const n = mail.sent.length + 1;
    const client = webClient(server);
    await client.post('/sign-in/email', { email: 'approver@demo.example' });
    const token = new URL((await mail.nth(n)).link).searchParams.get('token')!;
    await t.db.owner('sign_in_links').where({ token_hash: createHash('sha256').update(token).digest('hex') }).update({ expires_at: new Date('2026-11-26T00:00:00Z') });
    expect((await client.post('/sign-in/link', { token })).status).toBe(400);
    expect((await client.get('/work')).location).toBe('/sign-in?next=%2Fwork');
  });

  it('ends the session of a person deactivated since, and a deactivated person gets no link', async () => {
    const cfo = await signInByLink(server, mail, 'cfo@demo.example');
    expect((await cfo.get('/work')).status).toBe(200);
    await t.db.owner('users').where({ id: demo.users.cfo }).update({ is_active: false });
    try {
      expect((await cfo.get('/work')).location).toBe('/sign-in');
      const before = mail.sent.length;
      await webClient(server).post('/sign-in/email', { email: 'cfo@demo.example' });
      // The answer is the same as for anyone; the mailbox stays empty (the next email is the owner's).
      await webClient(server).post('/sign-in/email', { email: 'owner@demo.example' });
      expect((await mail.nth(before + 1)).to).toBe('owner@demo.example');
    } finally {
      await t.db.owner('users').where({ id: demo.users.cfo }).update({ is_active: true });
    }
  });

  it('comes back to the page that asked for sign-in', async () => {
    const anonymous = webClient(server);
    const asked = await anonymous.get(`/items/${item}`);
    expect(asked.location).toBe(`/sign-in?next=${encodeURIComponent(`/items/${item}`)}`);
    const n = mail.sent.length + 1;
    await anonymous.post('/sign-in/email', { email: 'viewer@demo.example', next: `/items/${item}` });
    const token = new URL((await mail.nth(n)).link).searchParams.get('token')!;
    expect((await anonymous.post('/sign-in/link', { token })).location).toBe(`/items/${item}`);
  });
});

describe('the item page', () => {
  it('names the item, and lets its preparer upload a PDF: version 1 with its full SHA-256', async () => {
    const owner = await signedIn('owner@demo.example');
    const page = await owner.get(`/items/${item}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<h1>GSTR-3B[^<]* · Demo Manufacturing · [^<]*Nov 2026<\/h1>/);
    expect(page.text).toContain('Upload the filing proof');
    const sent = await owner.post(`/items/${item}/evidence`, upload('challan.pdf', PDF));
    expect([sent.status, sent.location]).toEqual([303, `/items/${item}`]);
    const after = await owner.get(`/items/${item}`);
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(after.text).toContain(`Recorded challan.pdf as version 1`);
    expect(after.text).toContain(`SHA-256 ${sha}`);
    expect(after.text).toContain('Submitted, awaiting approval');
    const row = await t.db.owner('evidence').where({ instance_id: item }).first('channel', 'sha256');
    expect(row).toEqual({ channel: 'portal', sha256: sha });
  });

  it('refuses a file that is not what its name says, and keeps nothing', async () => {
    const owner = await signedIn('owner@demo.example');
    await owner.post(`/items/${item}/evidence`, upload('challan.pdf', Buffer.from('MZ this is a program')));
    expect((await owner.get(`/items/${item}`)).text).toContain('The file was not recorded');
    expect(await t.db.owner('evidence').where({ instance_id: item }).count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('stores nothing for an item id that is not one', async () => {
    const owner = await signedIn('owner@demo.example');
    const res = await owner.post('/items/..%2F..%2Fescape/evidence', upload('challan.pdf', PDF));
    expect(res.status).toBe(404);
    expect(res.text).toContain('There is no such item');
  });

  it('lets the approver approve with a filing reference, through the same use case', async () => {
    const approver = await signedIn('approver@demo.example');
    const page = await approver.get(`/items/${item}`);
    const evidenceId = /name="evidenceId" value="([0-9a-f-]{36})"/.exec(page.text)![1]!;
    const done = await approver.post(`/items/${item}/approve`, { evidenceId, reference: 'ARN-AA2711260001' });
    expect(done.status).toBe(303);
    const after = await approver.get(`/items/${item}`);
    expect(after.text).toContain('Approved version 1');
    expect(after.text).toContain('ARN-AA2711260001');
    expect(await t.db.owner('compliance_instances').where({ id: item }).first('status')).toEqual({ status: 'approved' });
  });

  it('never lets the uploader approve their own file', async () => {
    const own = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'TDS_DEPOSIT', '2026-11');
    const admin = await signedIn('admin@demo.example');
    await admin.post(`/items/${own}/evidence`, upload('tds-challan.pdf', PDF));
    const page = await admin.get(`/items/${own}`);
    expect(page.text).toContain('someone else has to approve it (segregation of duties)');
    expect(page.text).not.toContain('>Approve version');
    const evidenceId = (await t.db.owner('evidence').where({ instance_id: own }).first('id')).id as string;
    await admin.post(`/items/${own}/approve`, { evidenceId });
    expect((await admin.get(`/items/${own}`)).text).toContain('Nothing changed: You uploaded this evidence');
    expect(await t.db.owner('compliance_instances').where({ id: own }).first('status')).toEqual({ status: 'submitted' });
  });

  it('shows a viewer the item and no buttons', async () => {
    const viewer = await signedIn('viewer@demo.example');
    const page = await viewer.get(`/items/${item}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('What you can do');
    expect(page.text).not.toContain('<form class="action"');
  });

  it("answers another tenant's person with a not-found page holding nothing of the item", async () => {
    const stranger = await signedIn('owner@other.example');
    const page = await stranger.get(`/items/${item}`);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('Demo Manufacturing');
    expect(page.text).not.toContain('GSTR-3B');
  });

  it("downloads evidence for whoever may read the item, and for nobody of another tenant", async () => {
    const evidenceId = (await t.db.owner('evidence').where({ instance_id: item }).first('id')).id as string;
    const path = `/items/${item}/evidence/${evidenceId}/download`;
    const viewer = await (await signedIn('viewer@demo.example')).get(path);
    expect(viewer.status).toBe(200);
    expect(viewer.text).toBe(PDF.toString());
    expect((await (await signedIn('owner@other.example')).get(path)).status).toBe(404);
  });

  it('refuses a form posted from another site', async () => {
    const owner = await signedIn('owner@demo.example');
    const res = await fetch(`${server.url}/items/${item}/reopen`, {
      method: 'POST', redirect: 'manual', headers: { cookie: owner.cookie(), origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'reason=because+I+said+so',
    });
    expect(res.status).toBe(403);
  });
});
