import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import { authenticate } from '../../admin/auth.js';
import { theTenant } from '../mothers/tenant-mother.js';
import { type TestDatabase } from '../support/db.js';
import { type DemoIds } from '../support/demo.js';
import { type DemoPortal, type PortalClient, type PortalServer, startDemoPortal, startPortalServer, TEST_PASSWORD } from '../support/portal.js';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let admin: PortalClient;

let ctx: DemoPortal;
beforeAll(async () => {
  ctx = await startDemoPortal('admin');
  ({ t, demo, portal, client: admin } = ctx);
});
afterAll(() => ctx.close());

/** A temporary folder of its own for each test: whatever a request writes to os.tmpdir() lands there. */
let temp: string;
let savedTmp: string | undefined;
beforeEach(() => {
  savedTmp = process.env.TMPDIR;
  temp = mkdtempSync(path.join(tmpdir(), 'portal-tmp-'));
  process.env.TMPDIR = temp;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

const multipartWithFile = () => {
  const form = new FormData();
  form.append('name', 'x');
  form.append('upload', new Blob([Buffer.alloc(256 * 1024, 7)], { type: 'application/pdf' }), 'big.pdf');
  return form;
};
const holidayCount = async () => Number((await t.superuser('SELECT count(*) AS n FROM holidays WHERE tenant_id = $1', [demo.tenantId])).rows[0]!.n);

describe('request bodies', () => {
  it('an unauthenticated multipart upload to any /admin path is refused unread, and nothing reaches the temp folder', async () => {
    for (const target of ['/admin/x', '/admin/api/resources/holidays/actions/new']) {
      const res = await fetch(`${portal.url}${target}`, { method: 'POST', body: multipartWithFile(), redirect: 'manual' });
      expect({ target, status: res.status }).toEqual({ target, status: 401 });
      expect(await res.text()).toContain('Sign in to the portal first.');
    }
    expect(readdirSync(temp)).toEqual([]);
  });

  it('a signed-in form with a file in it is refused (files are not taken here), and nothing reaches the temp folder', async () => {
    const res = await fetch(`${portal.url}/admin/api/resources/holidays/actions/new`, { method: 'POST', headers: { cookie: admin.cookie }, body: multipartWithFile() });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'Files cannot be uploaded here.' });
    expect(readdirSync(temp)).toEqual([]);
  });

  it('a 60 MB JSON body is refused: unread without a session, 413 with one; nothing saved', async () => {
    const big = JSON.stringify({ holiday_date: '2026-12-25', name: 'x'.repeat(60 * 1024 * 1024) });
    const anonymous = await fetch(`${portal.url}/admin/api/resources/holidays/actions/new`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(anonymous.status).toBe(401);
    const before = await holidayCount();
    const signedIn = await fetch(`${portal.url}/admin/api/resources/holidays/actions/new`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body: big });
    expect(signedIn.status).toBe(413);
    expect(((await signedIn.json()) as { message: string }).message).toMatch(/too large: the portal accepts up to 2048 KB/);
    expect(await holidayCount()).toBe(before);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('ordinary forms still work: a holiday saved from a multipart form like the portal sends', async () => {
    const form = new FormData();
    form.append('holiday_date', '2026-12-25');
    form.append('name', 'Christmas');
    const before = await holidayCount();
    const res = await fetch(`${portal.url}/admin/api/resources/holidays/actions/new`, { method: 'POST', headers: { cookie: admin.cookie }, body: form });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { notice?: { type: string } }).notice?.type).toBe('success');
    expect(await holidayCount()).toBe(before + 1);
  });
});

describe('cross-site requests', () => {
  const newHoliday = (headers: Record<string, string>, name: string) => fetch(`${portal.url}/admin/api/resources/holidays/actions/new`, {
    method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ holiday_date: '2026-08-15', name }),
  });

  it('a change posted from another site is refused and nothing changes; the same from the portal itself works', async () => {
    const before = await holidayCount();
    const foreign = await newHoliday({ origin: 'https://evil.example' }, 'Forged');
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toMatch(/came from another site, so it was refused and nothing changed/);
    const noOrigin = await newHoliday({ 'sec-fetch-site': 'cross-site' }, 'Forged too');
    expect(noOrigin.status).toBe(403);
    expect(await holidayCount()).toBe(before);
    const own = await newHoliday({ origin: portal.url, 'sec-fetch-site': 'same-origin' }, 'Independence Day');
    expect(own.status).toBe(200);
    expect(await holidayCount()).toBe(before + 1);
  });

  it('a sign-in posted from another site is refused (login CSRF) and gives no session', async () => {
    const res = await portal.attempt('admin@demo.example', TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('signing out from a link on another site is refused; the session stands', async () => {
    const client = await portal.login('admin@demo.example', TEST_PASSWORD);
    const res = await fetch(`${portal.url}/admin/logout`, { headers: { cookie: client.cookie, 'sec-fetch-site': 'cross-site' }, redirect: 'manual' });
    expect(res.status).toBe(403);
    expect((await client.get('/admin/api/resources/entities/actions/list')).status).toBe(200);
    const own = await fetch(`${portal.url}/admin/logout`, { headers: { cookie: client.cookie, 'sec-fetch-site': 'same-origin' }, redirect: 'manual' });
    expect([own.status, own.headers.get('location')]).toEqual([302, '/admin/login']);
  });

  it('Retry on a dead notification changes nothing on a GET or a cross-site POST; the confirming POST requeues it', async () => {
    const id = (await theTenant(demo.tenantId).withNotification('dead', {
      to: demo.users.owner, kind: 'due_soon', dedupKey: 'hardening:dead', status: 'dead', attempts: 8, lastError: 'mailbox full',
    }).build(t.db)).id('dead');
    const status = async () => (await t.superuser('SELECT status FROM notifications WHERE id = $1', [id])).rows[0]!.status;
    const retry = `/admin/api/resources/notifications/records/${id}/retry`;

    const viewed = await admin.get(retry);
    expect(viewed.status).toBe(200);
    expect(await status()).toBe('dead');
    const preview = await admin.json<{ preview?: { message: string; rows: string[][] } }>(retry, { mode: 'preview' });
    expect(preview.body.preview?.message).toBe('A dead email notification (due soon) will be queued again.');
    expect(preview.body.preview?.rows).toEqual([['due soon', 'Priya Preparer <owner@demo.example>', 'email', '8', 'mailbox full']]);
    expect(await status()).toBe('dead');
    const forged = await fetch(`${portal.url}${retry}`, {
      method: 'POST', headers: { cookie: admin.cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'apply' }),
    });
    expect(forged.status).toBe(403);
    expect(await status()).toBe('dead');
    const applied = await admin.json<{ notice?: { message: string } }>(retry, { mode: 'apply' });
    expect(applied.body.notice?.message).toBe('Queued again: it will be sent within seconds.');
    expect(await status()).toBe('pending');
  });
});

describe('security headers', () => {
  it('the portal forbids framing, sends no referrer off-site, and lets only its own and nonce-carrying scripts run', async () => {
    const res = await fetch(`${portal.url}/admin/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    const inline = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [];
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Plain http here: no HSTS (it is sent where the portal is served over https).
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const next = (await fetch(`${portal.url}/admin/login`)).headers.get('content-security-policy');
    expect(next).not.toContain(nonce!);
  });

  it('the acknowledgement pages run no scripts at all and cannot be framed', async () => {
    const res = await fetch(`${portal.url}/ack/not-a-token`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('over https the portal also asks browsers to stay on https (HSTS)', async () => {
    const secure = await startPortalServer(t.url, { PUBLIC_URL: 'https://compliance.example' });
    try {
      const res = await fetch(`${secure.url}/admin/login`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await secure.close();
    }
  });
});

describe('sign-in limits', () => {
  it('X-Forwarded-For is not believed without a trusted proxy: forged addresses do not buy more attempts', async () => {
    const server = await startPortalServer(t.url);
    try {
      let last: Response | undefined;
      for (let i = 0; i < 31; i++) last = await server.attempt(`someone${i}@nowhere.example`, 'wrong password', { 'x-forwarded-for': `198.51.100.${i}` });
      expect(last!.status).toBe(429);
      expect(await last!.text()).toContain('Too many sign-in attempts from your network.');
      // The right password from this machine now waits as well.
      expect((await server.attempt('admin@demo.example', TEST_PASSWORD)).status).toBe(429);
    } finally {
      await server.close();
    }
  });

  it('behind a trusted proxy, failures from one client lock that client out of the account, not the real person elsewhere', async () => {
    const server = await startPortalServer(t.url, { TRUST_PROXY: 'loopback' });
    try {
      const stranger = { 'x-forwarded-for': '203.0.113.9' };
      for (let i = 0; i < 5; i++) expect((await server.attempt('admin@demo.example', `guess ${i}`, stranger)).status).toBe(200);
      const locked = await server.attempt('admin@demo.example', TEST_PASSWORD, stranger);
      expect(locked.status).toBe(429);
      const owner = await server.attempt('admin@demo.example', TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.7' });
      expect([owner.status, owner.headers.get('location')]).toEqual([302, '/admin']);
    } finally {
      await server.close();
    }
  });
});

describe('sign-in timing', () => {
  /**
   * Median milliseconds of sign-ins with a wrong password, per address. The addresses take
   * turns, so a machine busy with other work slows each of them alike.
   */
  async function medians(emails: string[]): Promise<number[]> {
    const times: number[][] = emails.map(() => []);
    for (let round = 0; round < 7; round++) {
      for (const [n, email] of emails.entries()) {
        const started = process.hrtime.bigint();
        expect(await authenticate(t.db, email, 'wrong password entirely')).toBeNull();
        times[n]!.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    return times.map((ts) => ts.sort((a, b) => a - b)[3]!);
  }

  it('costs the same whether the address is unknown, has no password, or has one (response times tell nothing)', async () => {
    // Production hashes (cost 10) for the person who has a password; the viewer has none.
    await t.db.withTenant(demo.tenantId, async ({ trx }) => {
      await trx('users').where({ id: demo.users.auditor }).update({ password_hash: await bcrypt.hash(TEST_PASSWORD, 10) });
      await trx('users').where({ id: demo.users.viewer }).update({ password_hash: null });
    });
    const [unknown, withoutPassword, withPassword] = await medians(['nobody-at-all@demo.example', 'viewer@demo.example', 'auditor@demo.example']);
    // Each costs one bcrypt comparison; before, an address without a password cost none (~15 ms against ~200 ms).
    for (const ms of [withoutPassword!, withPassword!]) {
      expect(ms / unknown!).toBeGreaterThan(0.5);
      expect(ms / unknown!).toBeLessThan(2);
    }
  });
});
