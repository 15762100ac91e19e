import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

/**
 * Entity events beyond the AGM, recorded in the portal: each owes its own item, due a fixed
 * number of days after it (india-compliance-rules.md §6.1 DIR3_KYC, §6.2 FORM_15CA_CB).
 */
interface ActionBody {
  record?: { id?: string; params: Record<string, unknown>; errors: Record<string, { message: string }> };
  notice?: { message: string; type: 'success' | 'error' };
}

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let admin: PortalClient;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  // The portal's "now" decides the generation window: pinned, never the machine's day.
  portal = await startPortalServer(t.url, { CLOCK_AT: DEMO_CLOCK_AT });
  admin = await portal.login('admin@demo.example', TEST_PASSWORD);
});
afterAll(async () => {
  await portal.close();
  await t.drop();
});

const API = '/admin/api/resources/entity_events';
const create = async (params: Record<string, unknown>) => (await admin.json<ActionBody>(`${API}/actions/new`, params)).body;
const edit = async (id: string, params: Record<string, unknown>) => (await admin.json<ActionBody>(`${API}/records/${id}/edit`, params)).body;
const remove = async (id: string) => (await admin.json<ActionBody>(`${API}/records/${id}/delete`, {})).body;

/** The items of a master on the software company, as (period key, period day, due date, status). */
async function itemsOf(code: string) {
  const { rows } = await t.superuser(
    `SELECT i.id, i.period_key, to_char(i.period_start, 'YYYY-MM-DD') AS day, to_char(i.due_date, 'YYYY-MM-DD') AS due, i.status
     FROM compliance_instances i JOIN compliance_masters m ON m.id = i.master_id
     WHERE i.tenant_id = $1 AND i.entity_id = $2 AND m.code = $3 ORDER BY i.period_start, i.due_date`,
    [demo.tenantId, demo.entities.software, code],
  );
  return rows as { id: string; period_key: string; day: string; due: string; status: string }[];
}

describe("a director's mobile, e-mail or address changed", () => {
  it('owes a DIR-3-KYC-Web update 30 days after the change: 10 Jan 2027 → 9 Feb 2027', async () => {
    // Substituted r.12A (G.S.R. 943(E), in force 31 Mar 2026): update within 30 days of the change.
    // https://www.caclubindia.com/articles/din-kyc-once-in-3-years-instead-of-every-year-54574.asp
    // https://www.corpsection.com/2025/12/major-shift-in-director-kyc-mca.html
    const res = await create({ entity_id: demo.entities.software, kind: 'director_details_changed', event_date: '2027-01-10', description: 'A. Rao: new mobile number' });
    expect(res.notice?.type).toBe('success');
    const id = res.record!.id!;
    expect(res.record!.params.fiscal_year).toBe('FY2026-27');
    expect(await itemsOf('DIR3_KYC_UPDATE')).toEqual([expect.objectContaining({ period_key: `EVENT-${id}`, day: '2027-01-10', due: '2027-02-09', status: 'pending' })]);
  });

  it('a second change in the same FY owes a second update', async () => {
    const res = await create({ entity_id: demo.entities.software, kind: 'director_details_changed', event_date: '2027-03-01', description: 'B. Iyer: new address' });
    expect(res.notice?.type).toBe('success');
    expect((await itemsOf('DIR3_KYC_UPDATE')).map((i) => [i.day, i.due])).toEqual([['2027-01-10', '2027-02-09'], ['2027-03-01', '2027-03-31']]);
  });

  it('is refused without saying which director and what changed, and nothing is recorded', async () => {
    const before = await itemsOf('DIR3_KYC_UPDATE');
    const res = await create({ entity_id: demo.entities.software, kind: 'director_details_changed', event_date: '2027-02-01' });
    expect(res.record!.errors.description?.message).toBe('say what it was (which director, and what changed)');
    expect((await t.superuser("SELECT 1 FROM entity_events WHERE event_date = '2027-02-01'")).rows).toEqual([]);
    expect(await itemsOf('DIR3_KYC_UPDATE')).toEqual(before);
  });
});

describe('a remittance to a non-resident', () => {
  let remittance: string;

  it('owes Forms 15CA/15CB on the remittance day itself: 15 Jan 2027 → 15 Jan 2027, named Forms 145/146', async () => {
    // "Before the remittance"; Forms 145/146 of the Income-tax Rules 2026 from 1 Apr 2026.
    // https://taxsocial.pro/article/old-vs-new-income-tax-forms-complete-mapping-of-what-changes-from-april-2026
    const res = await create({ entity_id: demo.entities.software, kind: 'foreign_remittance', event_date: '2027-01-15', description: 'Licence fee to Acme GmbH, Germany' });
    expect(res.notice?.type).toBe('success');
    remittance = res.record!.id!;
    const [item] = await itemsOf('FORM_15CA_CB');
    expect(item).toMatchObject({ day: '2027-01-15', due: '2027-01-15', status: 'pending' });
    const shown = await admin.json<{ record: { params: Record<string, unknown> } }>(`/admin/api/resources/compliance_instances/records/${item!.id}/show`);
    expect(shown.body.record.params.obligation).toBe('Remittance to a non-resident — declaration and CA certificate (Form 145 / 146) · section of the 2025 Act not yet mapped, Income-tax Act, 2025 · 15 Jan 2027');
  });

  it('moving the remittance to 20 Feb 2027 re-dates its open item (no second item), audited', async () => {
    const res = await edit(remittance, { event_date: '2027-02-20' });
    expect(res.notice?.type).toBe('success');
    const items = await itemsOf('FORM_15CA_CB');
    expect(items.map((i) => [i.day, i.due])).toEqual([['2027-02-20', '2027-02-20']]);
    const { rows } = await t.superuser("SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = 'instance.due_date_changed' AND object_id = $2", [demo.tenantId, items[0]!.id]);
    expect(rows).toEqual([expect.objectContaining({ actor_id: demo.users.admin, before: { dueDate: '2027-01-15' }, after: expect.objectContaining({ dueDate: '2027-02-20' }) })]);
  });

  it('deleting the remittance keeps its item and its date', async () => {
    expect((await remove(remittance)).notice?.type).toBe('success');
    expect((await itemsOf('FORM_15CA_CB')).map((i) => [i.day, i.due])).toEqual([['2027-02-20', '2027-02-20']]);
  });

  it('a remittance on 30 Feb 2027 is refused under its date field and nothing is recorded', async () => {
    const res = await create({ entity_id: demo.entities.software, kind: 'foreign_remittance', event_date: '2027-02-30', description: 'Not a day' });
    expect(res.record!.errors.event_date?.message).toBe('2027-02-30 is not a date in the calendar (February 2027 has 28 days). Use YYYY-MM-DD.');
    expect((await t.superuser("SELECT 1 FROM entity_events WHERE description = 'Not a day'")).rows).toEqual([]);
  });
});

describe("a tenant's own obligation counted from each remittance", () => {
  it('previews what it does (it has no dates of its own) before the first save', async () => {
    const res = (await admin.json<ActionBody>('/admin/api/resources/compliance_masters/actions/new', {
      code: 'OWN_REMITTANCE_REVIEW', name: 'Treasury review of the remittance', category: 'Treasury', law: 'Internal policy', authority: 'CFO',
      frequency: 'event', rule_versions: JSON.stringify([{ effectiveFrom: '2026-04-01', rule: { kind: 'after_each_event', event: 'foreign_remittance', days: 7 } }]),
      holiday_policy: 'none', applicability: '', is_active: 'true',
    })).body;
    expect(res.record!.errors.rule_versions?.message).toBe('One item per event recorded on an entity (remittance to a non-resident), due 7 days after it.');
    expect((await t.superuser("SELECT 1 FROM compliance_masters WHERE code = 'OWN_REMITTANCE_REVIEW'")).rows).toEqual([]);
  });
});
