import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { sessionSignature, sessionStoreKey } from '../../infra/portal/session-store.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  for (const user of [demo.users.admin, demo.users.auditor]) await setPassword(t.db, demo.tenantId, user);
  portal = await startPortalServer(t.url);
});
afterAll(async () => {
  await portal.close();
  await t.drop();
});

const sessions = async () => Number((await t.superuser<{ n: string }>('SELECT count(*) AS n FROM admin_sessions')).rows[0]!.n);

describe('portal sessions', () => {
  it('are kept in PostgreSQL, with a fresh id at sign-in and HttpOnly, SameSite=Lax cookies for the whole site (the portal and the web pages share it)', async () => {
    // A session that exists before sign-in (here a live one) must not survive into the new one.
    const count = await sessions();
    const earlier = await portal.login('auditor@demo.example', TEST_PASSWORD);
    expect(earlier.cookie).toMatch(/^compliance_os_admin=/);
    expect(await sessions()).toBe(count + 1);
    const login = await fetch(`${portal.url}/admin/login`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: earlier.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@demo.example', password: TEST_PASSWORD }).toString(),
    });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/admin');
    const attributes = login.headers.getSetCookie()[0]!;
    const cookie = attributes.split(';')[0]!;
    expect(cookie).toMatch(/^compliance_os_admin=/);
    expect(cookie).not.toBe(earlier.cookie);
    expect(attributes).toMatch(/HttpOnly/i);
    expect(attributes).toMatch(/SameSite=Lax/i);
    expect(attributes).toMatch(/Path=\/;/i);
    // The new cookie is the admin's; the old one reaches nothing any more.
    const list = '/admin/api/resources/audit_log/actions/list';
    expect((await fetch(`${portal.url}${list}`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    const stale = await fetch(`${portal.url}${list}`, { headers: { cookie: earlier.cookie }, redirect: 'manual' });
    expect(stale.status).toBe(302);
    expect(stale.headers.get('location')).toBe('/admin/login');
    expect(await sessions()).toBe(count + 1);
  });

  it('end at sign-out: the same cookie no longer reaches the API', async () => {
    const client = await portal.login('admin@demo.example', TEST_PASSWORD);
    expect((await client.get('/admin/api/resources/entities/actions/list')).status).toBe(200);
    const out = await client.get('/admin/logout');
    expect(out.status).toBe(302);
    const after = await client.get('/admin/api/resources/entities/actions/list');
    expect(after.status).toBe(302);
    expect(after.headers.get('location')).toBe('/admin/login');
  });

  it('end on the next request when the person is deactivated, and do not come back when they are reactivated', async () => {
    const client = await portal.login('auditor@demo.example', TEST_PASSWORD);
    const list = '/admin/api/resources/audit_log/actions/list';
    expect((await client.get(list)).status).toBe(200);
    const before = await sessions();
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.auditor }).update({ is_active: false }));
    const refused = await client.get(list);
    expect([refused.status, refused.headers.get('location')]).toEqual([302, '/admin/login']);
    expect(await sessions()).toBe(before - 1);
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.auditor }).update({ is_active: true }));
    const revived = await client.get(list);
    expect([revived.status, revived.headers.get('location')]).toEqual([302, '/admin/login']);
    // Signing in again works as ever.
    expect((await (await portal.login('auditor@demo.example', TEST_PASSWORD)).get(list)).status).toBe(200);
  });

  it('end when the password is reset, however recently the person signed in', async () => {
    const client = await portal.login('auditor@demo.example', TEST_PASSWORD);
    expect((await client.get('/admin/api/resources/audit_log/actions/list')).status).toBe(200);
    await setPassword(t.db, demo.tenantId, demo.users.auditor, 'a new password for Ravi 2026');
    const after = await client.get('/admin/api/resources/audit_log/actions/list');
    expect([after.status, after.headers.get('location')]).toEqual([302, '/admin/login']);
    await setPassword(t.db, demo.tenantId, demo.users.auditor);
  });

  it('follow the current role: an admin demoted to auditor can no longer create', async () => {
    const client = await portal.login('admin@demo.example', TEST_PASSWORD);
    await t.db.withTenant(demo.tenantId, async ({ trx }) => {
      await trx('role_assignments').where({ user_id: demo.users.admin, role: 'tenant_admin' }).delete();
      await trx('role_assignments').insert({ tenant_id: demo.tenantId, user_id: demo.users.admin, role: 'auditor' });
    });
    const res = await client.json<{ notice?: { message: string; type: string } }>('/admin/api/resources/holidays/actions/new', { holiday_date: '2026-12-25', name: 'Christmas' });
    expect(res.body.notice?.type).toBe('error');
    expect(res.body.notice?.message).toMatch(/You cannot create this holiday: it needs the tenant_admin role/);
    const stored = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('holidays').where({ tenant_id: demo.tenantId, holiday_date: '2026-12-25' }).first('id'));
    expect(stored).toBeUndefined();
  });
});

describe('stored sessions', () => {
  const sidOf = (cookie: string) => decodeURIComponent(cookie.split('=')[1]!).replace(/^s:/, '').split('.')[0]!;
  const stored = async (sid: string) => (await t.superuser<{ sess: string }>('SELECT sess::text AS sess FROM admin_sessions WHERE sid = $1', [sid])).rows[0]?.sess;
  /** Writes a session's content as someone with the application secret would (what the store itself does). */
  const rewriteSigned = async (sid: string, change: (sess: { adminUser: { signedInAt: number } }) => void) => {
    const sess = JSON.parse((await stored(sid))!) as { adminUser: { signedInAt: number } };
    change(sess);
    const json = JSON.stringify(sess);
    const sig = sessionSignature(sessionStoreKey(portal.runtime.services.appSecret), sid, json);
    await t.superuser('UPDATE admin_sessions SET sess = $2::json, sig = $3 WHERE sid = $1', [sid, json, sig]);
  };

  it('are out of reach of the application role: it can neither read nor write them', async () => {
    await expect(t.db.withTenant(demo.tenantId, ({ trx }) => trx('admin_sessions').select('sid'))).rejects.toThrow(/permission denied for table admin_sessions/);
    await expect(t.db.withSystem((trx) => trx('admin_sessions').update({ expire: new Date() }))).rejects.toThrow(/permission denied for table admin_sessions/);
  });

  it('are signed: one rewritten in the database into a platform admin\'s reaches nothing, and is dropped', async () => {
    const client = await portal.login('auditor@demo.example', TEST_PASSWORD);
    expect((await client.get('/admin/api/resources/audit_log/actions/list')).status).toBe(200);
    const sid = sidOf(client.cookie);
    const platform = await t.superuser<{ id: string; credentials_changed_at: Date }>("SELECT id, credentials_changed_at FROM platform_users WHERE email = 'platform@demo.example'");
    const admin = {
      email: 'platform@demo.example', title: 'Pat Platform (platform admin)', id: platform.rows[0]!.id, kind: 'platform', tenantId: null, role: 'platform_admin',
      grants: [{ role: 'platform_admin', entityId: null }], signedInAt: Date.now(), credentialsChangedAt: platform.rows[0]!.credentials_changed_at.getTime(),
    };
    await t.superuser(`UPDATE admin_sessions SET sess = json_build_object('cookie', sess->'cookie', 'adminUser', $2::json) WHERE sid = $1`, [sid, JSON.stringify(admin)]);
    const forged = await client.get('/admin/api/resources/tenants/actions/list');
    expect([forged.status, forged.headers.get('location')]).toEqual([302, '/admin/login']);
    expect(await stored(sid)).toBeUndefined();
  });

  it('end 12 hours after sign-in, however active', async () => {
    const client = await portal.login('auditor@demo.example', TEST_PASSWORD);
    const sid = sidOf(client.cookie);
    await rewriteSigned(sid, (sess) => { sess.adminUser.signedInAt = Date.now() - 11 * 3_600_000; });
    expect((await client.get('/admin/api/resources/audit_log/actions/list')).status).toBe(200);
    await rewriteSigned(sid, (sess) => { sess.adminUser.signedInAt = Date.now() - 12 * 3_600_000 - 60_000; });
    const late = await client.get('/admin/api/resources/audit_log/actions/list');
    expect([late.status, late.headers.get('location')]).toEqual([302, '/admin/login']);
  });
});
