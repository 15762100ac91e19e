import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aBacklogTenant, BACKLOG_ADMIN, BACKLOG_CLOCK_AT, BACKLOG_TODAY } from '../mothers/backlog-tenant.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

/**
 * The dashboard tells the whole truth: 61 overdue items do not hide the 3 that fall due this
 * week (each list has its own true count and shows its first rows), the lists' links find the
 * same items, and the outbox's failed and dead notifications are counted.
 */
const TODAY = BACKLOG_TODAY;

let t: TestDatabase;
let portal: PortalServer;
let admin: PortalClient;

interface Line { instanceId: string; dueDate: string; due: string }
interface Dashboard {
  tenant: { today: string; todayText: string };
  overdue: { total: number; items: Line[] };
  next14: { total: number; items: Line[]; until: string };
  notifications: { failed: number; dead: number };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await (await aBacklogTenant(TEST_PASSWORD)).build(t.db);
  portal = await startPortalServer(t.url, { CLOCK_AT: BACKLOG_CLOCK_AT });
  admin = await portal.login(BACKLOG_ADMIN, TEST_PASSWORD);
});
afterAll(async () => {
  await portal?.close();
  await t?.drop();
});

const dashboard = async () => {
  const res = await admin.json<{ dashboard: Dashboard }>('/admin/api/dashboard');
  if (!res.body.dashboard) throw new Error(`no dashboard: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body.dashboard;
};
const listTotal = async (query: string) =>
  (await admin.json<{ meta: { total: number } }>(`/admin/api/resources/compliance_instances/actions/list?perPage=1&${query}`)).body.meta.total;

describe('the dashboard with 61 overdue and 3 due this week', () => {
  it('counts 61 overdue and lists the first 20, oldest first', async () => {
    const d = await dashboard();
    expect(d.tenant.today).toBe(TODAY);
    expect(d.tenant.todayText).toBe('2 Nov 2026');
    expect(d.overdue.total).toBe(61);
    expect(d.overdue.items).toHaveLength(20);
    expect(d.overdue.items[0]).toMatchObject({ dueDate: '2021-10-20', due: '20 Oct 2021' });
    expect(d.overdue.items.every((i) => i.dueDate < TODAY)).toBe(true);
  });

  it('still finds the 3 due in the next 14 days', async () => {
    const d = await dashboard();
    expect(d.next14.total).toBe(3);
    expect(d.next14.until).toBe('2026-11-16');
    expect(d.next14.items.map((i) => i.due)).toEqual(['3 Nov 2026', '5 Nov 2026', '7 Nov 2026']);
  });

  it('counts the failed and dead notifications of the outbox', async () => {
    expect((await dashboard()).notifications).toEqual({ failed: 2, dead: 1 });
  });

  it("each list's link finds the same items in the Items list", async () => {
    const d = await dashboard();
    expect(await listTotal('filters.rag=red')).toBe(d.overdue.total);
    expect(await listTotal(`filters.open=true&filters.due_date~~from=${TODAY}&filters.due_date~~to=${d.next14.until}`)).toBe(d.next14.total);
    expect(await listTotal('filters.open=false')).toBe(1);
  });
});
