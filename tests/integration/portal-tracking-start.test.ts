import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import { theTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { generateForTenant } from '../support/engine.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

/**
 * A safe first day: a new tenant tracks from the first of its own current month (by the clock,
 * in its time zone), so generation makes no backlog; and anything that would make items due in
 * the past (assigning obligations, an earlier tracking start) first says how many items and how
 * many already overdue, writing nothing until confirmed.
 *
 * The clock: 1 Dec 2026, 02:00 in India, which is still 30 Nov in New York.
 */
const CLOCK_AT = '2026-12-01T02:00:00+05:30';
const NOW = new Date(CLOCK_AT);
const TODAY = '2026-12-01';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let admin: PortalClient;
let platform: PortalClient;

interface ActionBody { preview?: { message: string; blocked?: boolean }; done?: string; notice?: { message: string; type: string }; record?: { params: Record<string, unknown>; errors: Record<string, { message: string }> } }

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  await t.superuser("UPDATE platform_users SET password_hash = $1 WHERE email = 'platform@demo.example'", [await bcrypt.hash(TEST_PASSWORD, 4)]);
  portal = await startPortalServer(t.url, { CLOCK_AT });
  admin = await portal.login('admin@demo.example', TEST_PASSWORD);
  platform = await portal.login('platform@demo.example', TEST_PASSWORD);
});
afterAll(async () => {
  await portal?.close();
  await t?.drop();
});

const one = async <T>(text: string, params: unknown[]) => (await t.superuser(text, params)).rows[0] as T;
const trackingStart = async (tenantId: string) => (await one<{ day: string | null }>("SELECT to_char(tracking_start_date, 'YYYY-MM-DD') AS day FROM tenants WHERE id = $1", [tenantId])).day;
/** The tenant's items in all, and those open and due before the clock's day (overdue). */
const items = async (tenantId: string) => one<{ all: number; overdue: number }>(
  "SELECT count(*)::int AS all, (count(*) FILTER (WHERE due_date < $2::date AND status IN ('pending', 'submitted', 'rejected')))::int AS overdue FROM compliance_instances WHERE tenant_id = $1", [tenantId, TODAY]);
const auditEntries = async (tenantId: string) => (await one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1', [tenantId])).n;
/** "56 item(s) will be made, 50 of them already overdue" → [56, 50]. */
const counted = (message: string) => {
  const found = /(\d+) item\(s\) will be made, (?:(\d+) of them already overdue|none of them overdue)/.exec(message);
  if (!found) throw new Error(`no item counts in: ${message}`);
  return { made: Number(found[1]), overdue: Number(found[2] ?? 0) };
};

const NEW_TENANT = {
  name: 'Echo Traders', amber_window_days: '7', reminder_days_before: '3', escalation_after_days: '2', escalation_repeat_days: '2',
  working_hours_start: '9', working_hours_end: '18', generation_horizon_months: '3',
};

describe('a new tenant', () => {
  it.each([
    ['Asia/Kolkata', 'echo-india', '2026-12-01'],
    ['America/New_York', 'echo-newyork', '2026-11-01'],
  ])('in %s created with no tracking start tracks from the first of its own month (%s → %s)', async (timezone, slug, firstOfMonth) => {
    const res = await platform.json<ActionBody>('/admin/api/resources/tenants/actions/new', { ...NEW_TENANT, slug, timezone });
    expect(res.body.notice?.type).toBe('success');
    const { id } = await one<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', [slug]);
    expect(await trackingStart(id)).toBe(firstOfMonth);
  });

  it('generation on its first day makes no item due before its tracking start', async () => {
    const { id } = await one<{ id: string }>("SELECT id FROM tenants WHERE slug = 'echo-india'", []);
    await theTenant(id, 'echo-india').withEntity('shop', { name: 'Echo Shop', pan: 'AABCE1234E', state: 'MH' })
      .withMaster('gst', { code: 'ECHO_MONTHLY', rule: { kind: 'after_period_end', months: 1, day: 20 } })
      .withAssignment('shop', 'gst').build(t.db);
    const generated = await generateForTenant(t.db, id, undefined, NOW);
    expect(generated.created).toBeGreaterThan(0);
    const { first } = await one<{ first: string }>("SELECT to_char(min(due_date), 'YYYY-MM-DD') AS first FROM compliance_instances WHERE tenant_id = $1", [id]);
    expect(first >= '2026-12-01').toBe(true);
    expect(generated.overdue).toBe(0);
  });
});

describe('assigning applicable masters to a new entity', () => {
  it('previews how many items it makes and how many are already overdue, writes nothing, and confirming makes exactly those', async () => {
    const built = await theTenant(demo.tenantId, 'demo').withEntity('fresh', {
      name: 'Demo Fresh', pan: 'AABCF1234F', gstins: ['27AABCF1234F1Z5'], state: 'MH', gstMode: 'monthly', profile: { has_employees: true, tds_deductor: true },
    }).build(t.db);
    const entityId = built.id('fresh');
    const before = { items: await items(demo.tenantId), audit: await auditEntries(demo.tenantId) };
    const path = `/admin/api/resources/entities/records/${entityId}/assignApplicable`;

    const preview = (await admin.json<ActionBody>(path, { mode: 'preview' })).body.preview!;
    const expected = counted(preview.message);
    expect(expected.made).toBeGreaterThan(0);
    expect(expected.overdue).toBeGreaterThan(0);
    expect(preview.message).toContain('already overdue (due before today, 1 Dec 2026)');
    // Nothing written by the preview: no assignment, no item, no audit entry.
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM assignments WHERE entity_id = $1', [entityId])).n).toBe(0);
    expect(await items(demo.tenantId)).toEqual(before.items);
    expect(await auditEntries(demo.tenantId)).toBe(before.audit);

    const done = (await admin.json<ActionBody>(path, { mode: 'apply' })).body.done!;
    expect(done).toContain(`${expected.made} item(s) generated, ${expected.overdue} of them overdue`);
    const after = await items(demo.tenantId);
    expect(after.all - before.items.all).toBe(expected.made);
    expect(after.overdue - before.items.overdue).toBe(expected.overdue);
  });
});

describe("moving the demo tenant's tracking start", () => {
  const path = () => `/admin/api/resources/tenants/records/${demo.tenantId}/trackingStart`;

  it('earlier, from the edit form, is refused with where to do it instead, and nothing changes', async () => {
    const res = await admin.json<ActionBody>(`/admin/api/resources/tenants/records/${demo.tenantId}/edit`, { tracking_start_date: '2026-04-01' });
    expect(res.body.record?.errors.tracking_start_date?.message).toContain('use "Change tracking start" on this tenant');
    expect(await trackingStart(demo.tenantId)).toBe('2026-11-01');
  });

  it('earlier, previews the items it makes and how many are overdue, writes nothing, and confirming makes exactly those', async () => {
    const before = { items: await items(demo.tenantId), audit: await auditEntries(demo.tenantId) };
    const preview = (await admin.json<ActionBody>(path(), { mode: 'preview', tracking_start_date: '2026-04-01' })).body.preview!;
    expect(preview.message).toMatch(/^Moving the tracking start from 1 Nov 2026 to 1 Apr 2026: /);
    const expected = counted(preview.message);
    expect(expected.made).toBeGreaterThan(0);
    expect(expected.overdue).toBe(expected.made); // every item due April to October is past due on 1 Dec
    expect(await trackingStart(demo.tenantId)).toBe('2026-11-01');
    expect(await items(demo.tenantId)).toEqual(before.items);
    expect(await auditEntries(demo.tenantId)).toBe(before.audit);

    const done = (await admin.json<ActionBody>(path(), { mode: 'apply', tracking_start_date: '2026-04-01' })).body.done!;
    expect(done).toBe(`Tracking start moved from 1 Nov 2026 to 1 Apr 2026; ${expected.made} item(s) made, ${expected.overdue} of them overdue.`);
    expect(await trackingStart(demo.tenantId)).toBe('2026-04-01');
    const after = await items(demo.tenantId);
    expect(after.all - before.items.all).toBe(expected.made);
    expect(after.overdue - before.items.overdue).toBe(expected.overdue);
    const { rows } = await t.superuser("SELECT before, after FROM audit_log WHERE tenant_id = $1 AND action = 'tenant.tracking_start_moved'", [demo.tenantId]);
    expect(rows).toEqual([{ before: { trackingStartDate: '2026-11-01' }, after: { trackingStartDate: '2026-04-01' } }]);
  });

  it('to a day that does not exist is refused in the preview, saying why', async () => {
    const preview = (await admin.json<ActionBody>(path(), { mode: 'preview', tracking_start_date: '2026-02-30' })).body.preview!;
    expect(preview.blocked).toBe(true);
    expect(preview.message).toContain('2026-02-30 is not a date in the calendar (February 2026 has 28 days)');
  });
});
