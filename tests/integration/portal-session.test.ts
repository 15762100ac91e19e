import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
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
  it('are kept in PostgreSQL, with a fresh id at sign-in and HttpOnly, SameSite=Lax cookies on /admin', async () => {
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
    expect(attributes).toMatch(/Path=\/admin/i);
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

  it('lose access on the next request when the person is deactivated, even with a live cookie', async () => {
    const client = await portal.login('auditor@demo.example', TEST_PASSWORD);
    expect((await client.get('/admin/api/resources/audit_log/actions/list')).status).toBe(200);
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.auditor }).update({ is_active: false }));
    // AdminJS answers refusals with an error notice and no records.
    const refused = await client.json<{ records: unknown[]; notice?: { message: string; type: string } }>('/admin/api/resources/audit_log/actions/list');
    expect(refused.body.records).toEqual([]);
    expect(refused.body.notice).toEqual({ message: 'Your portal access has changed: sign in again.', type: 'error' });
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.auditor }).update({ is_active: true }));
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
    const stored = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('holidays').where({ holiday_date: '2026-12-25' }).first('id'));
    expect(stored).toBeUndefined();
  });
});
