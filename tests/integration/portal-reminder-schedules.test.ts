import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { callAction, type DemoPortal, type PortalClient, startDemoPortal } from '../support/portal.js';

/** A tenant admin sets an obligation's notice in the portal; the sweep follows it. */

let ctx: DemoPortal;
let admin: PortalClient;
beforeAll(async () => {
  ctx = await startDemoPortal('admin');
  admin = ctx.client;
});
afterAll(() => ctx.close());

const API = '/admin/api/resources';
const call = (pathname: string, body?: Record<string, unknown>) => callAction(admin, pathname, body);
const masterId = async (code: string) => (await ctx.t.superuser<{ id: string }>('SELECT id FROM compliance_masters WHERE code = $1 AND tenant_id IS NULL', [code])).rows[0]!.id;

describe("a tenant's own notice for an obligation", () => {
  it('refuses a schedule that is not days before the due date, saying what to type, and stores nothing', async () => {
    const res = await call(`${API}/reminder_schedules/actions/new`, { master_id: await masterId('GSTR3B_MONTHLY'), days_before: '10, two' });
    expect(res.record?.errors.days_before?.message).toBe('“two” is not a number of days between 0 and 120: type the days before the due date, e.g. 30, 14, 7, 3.');
    const many = await call(`${API}/reminder_schedules/actions/new`, { master_id: await masterId('GSTR3B_MONTHLY'), days_before: '200' });
    expect(many.record?.errors.days_before?.message).toBe('200 is not a number of days between 0 and 120: type the days before the due date, e.g. 30, 14, 7, 3.');
    expect((await ctx.t.superuser('SELECT 1 FROM reminder_schedules')).rows).toEqual([]);
  });

  it('is stored as typed, audited, and the sweep reminds the preparer on its days', async () => {
    const gstr3b = await masterId('GSTR3B_MONTHLY');
    const res = await call(`${API}/reminder_schedules/actions/new`, { master_id: gstr3b, days_before: '10, 5' });
    expect(res.notice?.type).toBe('success');
    const rows = (await ctx.t.superuser<{ days_before: number[] }>('SELECT days_before FROM reminder_schedules WHERE master_id = $1', [gstr3b])).rows;
    expect(rows).toEqual([{ days_before: [10, 5] }]);
    const audit = await ctx.t.superuser("SELECT 1 FROM audit_log WHERE object_type = 'reminder_schedule'");
    expect(audit.rows).toHaveLength(1);

    // 10 Dec 2026, 10:00 IST: the November GSTR-3B items (due 20 Dec) are 10 days out.
    await ctx.t.db.withTenant(ctx.demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-12-10T04:30:00Z')));
    // Each reminder, whether about its item alone or listed with the preparer's others by email.
    const soon = await ctx.t.superuser<{ day: string }>(
      `SELECT x.day FROM notifications n
       CROSS JOIN LATERAL jsonb_to_recordset(coalesce(n.payload -> 'items', jsonb_build_array(jsonb_build_object('instanceId', n.instance_id, 'day', n.payload ->> 'day'))))
         AS x("instanceId" uuid, day text)
       JOIN compliance_instances i ON i.id = x."instanceId"
       WHERE n.kind = 'due_soon' AND i.master_id = $1 AND i.period_key = '2026-11'`, [gstr3b]);
    expect(soon.rows.length).toBeGreaterThan(0);
    expect(soon.rows.every((r) => r.day === '2026-12-10')).toBe(true);
  });

  it("a tenant's own obligation carries its own notice, refused when it is not days", async () => {
    const master = (reminder_days: string) => call(`${API}/compliance_masters/actions/new`, {
      code: 'OWN_BOARD_PACK', name: 'Board pack', category: 'Internal', law: 'Internal policy', authority: 'Board', frequency: 'quarterly',
      rule_versions: '[{"effectiveFrom":"2020-04-01","rule":{"kind":"after_period_end","months":1,"day":15}}]', dates_checked: 'true', reminder_days,
    });
    const bad = await master('21, soon');
    expect(bad.record?.errors.reminder_days?.message).toBe('“soon” is not a number of days between 0 and 120: type the days before the due date, e.g. 30, 14, 7, 3.');
    expect((await ctx.t.superuser("SELECT 1 FROM compliance_masters WHERE code = 'OWN_BOARD_PACK'")).rows).toEqual([]);
    expect((await master('21, 7')).notice?.type).toBe('success');
    expect((await ctx.t.superuser("SELECT reminder_days FROM compliance_masters WHERE code = 'OWN_BOARD_PACK'")).rows).toEqual([{ reminder_days: [21, 7] }]);
  });
});
