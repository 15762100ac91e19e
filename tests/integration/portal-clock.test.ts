import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

/**
 * The portal's "today" is the runtime clock's (CLOCK_AT), not the machine's nor the database's:
 * the RAG each item shows, the RAG filter and the dashboard agree with the moment the run is
 * placed on. 2 Nov 2026 is weeks before any day these tests run on, so a "today" taken from the
 * machine or the database would count many more items red.
 */
const CLOCK_AT = '2026-11-02T11:30:00+05:30';
const TODAY = '2026-11-02';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let admin: PortalClient;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url, { CLOCK_AT });
  admin = await portal.login('admin@demo.example', TEST_PASSWORD);
});
afterAll(async () => {
  await portal.close();
  await t.drop();
});

const ids = async (where: string, params: unknown[] = []) =>
  (await t.superuser<{ id: string }>(`SELECT id FROM compliance_instances WHERE tenant_id = $1 AND ${where} ORDER BY id`, [demo.tenantId, ...params])).rows.map((r) => r.id);

interface ListBody { meta: { total: number }; records: { params: Record<string, unknown> }[] }

describe("the portal's today is the clock's", () => {
  it('filters.rag=red lists the open items due before the clock’s day, each shown red', async () => {
    const expected = await ids("status IN ('pending', 'submitted', 'rejected') AND due_date < $2::date", [TODAY]);
    const { status, body } = await admin.json<ListBody>('/admin/api/resources/compliance_instances/actions/list?perPage=500&filters.rag=red');
    expect(status).toBe(200);
    expect(body.records.map((r) => String(r.params.id)).sort()).toEqual(expected);
    expect(body.records.every((r) => r.params.rag === 'red')).toBe(true);
  });

  it('an open item due mid-November, beyond the 7-day amber window, shows green', async () => {
    const later = await ids("status = 'pending' AND due_date BETWEEN $2::date AND $3::date", ['2026-11-10', '2026-11-20']);
    expect(later.length).toBeGreaterThan(0);
    const { body } = await admin.json<{ record: { params: Record<string, unknown> } }>(`/admin/api/resources/compliance_instances/records/${later[0]}/show`);
    expect(body.record.params.rag).toBe('green');
  });

  it('an extension applied in the portal is recorded as applied at the clock’s moment', async () => {
    const { body } = await admin.json<{ done?: string }>('/admin/api/resources/due_date_overrides/actions/applyNew', {
      mode: 'apply', code: 'GSTR3B_MONTHLY', period_key: '2026-11', extended_due_date: '2026-12-27', reference: 'Notification 17/2026-CT',
    });
    expect(body.done).toContain('Extension applied');
    const { rows } = await t.superuser<{ day: string }>(
      "SELECT to_char(applied_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS day FROM due_date_overrides WHERE tenant_id = $1 AND period_key = '2026-11'", [demo.tenantId]);
    expect(rows).toEqual([{ day: TODAY }]);
  });

  it('a reassignment’s notice is keyed by the clock’s moment', async () => {
    const [item] = await ids("status = 'pending' AND owner_user_id IS DISTINCT FROM $2", [demo.users.cfo]);
    const { body } = await admin.json<{ notice?: { type: string } }>(`/admin/api/resources/compliance_instances/records/${item}/edit`, { owner_user_id: demo.users.cfo });
    expect(body.notice?.type).toBe('success');
    const { rows } = await t.superuser<{ dedup_key: string }>("SELECT dedup_key FROM notifications WHERE instance_id = $1 AND kind = 'assigned'", [item]);
    const at = Number(rows[0]!.dedup_key.split(':')[4]);
    // The clock started at CLOCK_AT when the portal did and runs on in real time: well within a minute of it here.
    expect(at - new Date(CLOCK_AT).getTime()).toBeGreaterThanOrEqual(0);
    expect(at - new Date(CLOCK_AT).getTime()).toBeLessThan(60_000);
  });

  it("the dashboard is as of the clock's day", async () => {
    const { body } = await admin.json<{ dashboard: { tenant: { today: string }; overdue: { items: { dueDate: string }[] } } }>('/admin/api/dashboard');
    expect(body.dashboard.tenant.today).toBe(TODAY);
    expect(body.dashboard.overdue.items.every((i) => i.dueDate < TODAY)).toBe(true);
  });
});
