import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { libraryHolidays, shippedLibrary } from '../../core/library/index.js';
import { aTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { generateForTenant, syncShippedLibrary } from '../support/engine.js';

/*
 * The published holiday lists ship with the library, stored once (tenant_id NULL) and read by
 * every tenant. Dates pinned here, with their sources:
 * - 15 Aug 2025 (Friday), Independence Day: DoPT O.M. No. 12/2/2023-JCA of 9 July 2024, compulsory
 *   for every central office (https://cgstaffportal.in/2024/07/central-government-gazetted-holidays-in-2025/).
 *   PF/ESI for July 2025 were due that day (15th of the following month): the next working day is Mon 18 Aug 2025.
 * - 7 Oct 2025 (Tuesday), Maharshi Valmiki Jayanthi: Karnataka DPAR general holidays 2025
 *   (https://www.jnyanabhandar.in/2024/11/general-holiday-sanctioned-by.html). TDS deducted in
 *   September 2025 was due that day (7th of the following month): in Karnataka Wed 8 Oct 2025;
 *   in Maharashtra (not a holiday there, GAD notification of 4 Dec 2024) it stays 7 Oct 2025.
 * - 15-17 Jan 2026 (Thursday to Saturday), Pongal, Thiruvalluvar Day and Uzhavar Thirunal: Tamil Nadu G.O. of
 *   11 November 2025 (https://www.thenewsminute.com/tamil-nadu/tamil-nadu-govt-issues-2026-public-holiday-list-with-24-declared-holidays).
 *   PF for December 2025, due Thu 15 Jan 2026, is due in Chennai on Mon 19 Jan 2026.
 * No TDS, TDS-return or advance-tax date of 2025-2026 falls on a weekday central gazetted holiday
 * (checked against the 2025 and 2026 memoranda), so the central case is pinned on PF and ESI.
 */
let t: TestDatabase;
let tenantId: string;
let entities: { mumbai: string; bengaluru: string; chennai: string };

const dueOf = async (entity: string, code: string, periodKey: string) => {
  const row = await t.db.withTenant(tenantId, ({ trx }) => trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
    .where({ 'i.entity_id': entity, 'm.code': code, 'i.period_key': periodKey })
    .first(trx.raw("to_char(i.statutory_due_date, 'YYYY-MM-DD') AS statutory"), trx.raw("to_char(i.due_date, 'YYYY-MM-DD') AS due")));
  return row as { statutory: string; due: string } | undefined;
};

beforeAll(async () => {
  t = await createTestDatabase();
  await syncShippedLibrary(t.db); // as every start-up does
  const ids: Record<string, string> = await t.db.withSystem(async (trx) =>
    Object.fromEntries((await trx('compliance_masters').whereNull('tenant_id').whereIn('code', ['TDS_DEPOSIT', 'PF_ECR']).select('code', 'id')).map((r) => [r.code, r.id])));
  const built = await aTenant('holidays').trackingFrom('2025-04-01')
    .withEntity('mumbai', { name: 'Mumbai Co', state: 'MH' })
    .withEntity('bengaluru', { name: 'Bengaluru Co', state: 'KA' })
    .withEntity('chennai', { name: 'Chennai Co', state: 'TN' })
    .withAssignment('mumbai', ids.TDS_DEPOSIT!).withAssignment('bengaluru', ids.TDS_DEPOSIT!).withAssignment('chennai', ids.PF_ECR!)
    .build(t.db);
  tenantId = built.tenantId;
  entities = { mumbai: built.id('mumbai'), bengaluru: built.id('bengaluru'), chennai: built.id('chennai') };
  await generateForTenant(t.db, tenantId, '2025-07-01');
});
afterAll(() => t.drop());

describe('shipped holidays', () => {
  it('a fresh tenant reads every shipped holiday, each with its source, and owns none of them', async () => {
    const rows = await t.db.withTenant(tenantId, ({ trx }) => trx('holidays').select('tenant_id', trx.raw("to_char(holiday_date, 'YYYY-MM-DD') AS day"), 'state', 'name', 'source'));
    expect(rows).toHaveLength(libraryHolidays.length);
    expect(rows.every((r) => r.tenant_id === null && /notification|O\.M\./i.test(r.source))).toBe(true);
    expect(rows.find((r) => r.day === '2025-08-15' && r.state === null)).toMatchObject({ name: 'Independence Day', source: expect.stringContaining('DoPT O.M. No. 12/2/2023-JCA') });
  });

  it('a central gazetted holiday moves a next-working-day item wherever it is', async () => {
    expect(await dueOf(entities.chennai, 'PF_ECR', '2025-07')).toEqual({ statutory: '2025-08-15', due: '2025-08-18' });
  });

  it('a state holiday moves an item in that state and not one in another (TDS on 7 Oct 2025)', async () => {
    expect(await dueOf(entities.bengaluru, 'TDS_DEPOSIT', '2025-09')).toEqual({ statutory: '2025-10-07', due: '2025-10-08' });
    expect(await dueOf(entities.mumbai, 'TDS_DEPOSIT', '2025-09')).toEqual({ statutory: '2025-10-07', due: '2025-10-07' });
  });

  it('a second sync changes nothing', async () => {
    const again = await syncShippedLibrary(t.db);
    expect(again.holidays).toEqual({ inserted: 0, removed: 0, renamed: 0, unchanged: libraryHolidays.length });
    expect(again.moved).toBe(0);
  });

  it('a library update that adds a holiday re-dates the open item, audited; dropping it moves the item back', async () => {
    const added = { date: '2025-10-08', state: 'KA', name: 'Test holiday', source: 'Test notification — https://example.org/notification' };
    const withIt = await syncShippedLibrary(t.db, { ...shippedLibrary, holidays: [...libraryHolidays, added] });
    expect(withIt.holidays).toMatchObject({ inserted: 1, removed: 0 });
    expect(withIt.moved).toBe(1);
    expect(await dueOf(entities.bengaluru, 'TDS_DEPOSIT', '2025-09')).toEqual({ statutory: '2025-10-07', due: '2025-10-09' });
    const audit = await t.db.withTenant(tenantId, ({ trx }) => trx('audit_log').where({ action: 'instance.due_date_changed', actor_id: 'library-sync' }).select('before', 'after'));
    expect(audit).toEqual([expect.objectContaining({ before: { dueDate: '2025-10-08' }, after: expect.objectContaining({ dueDate: '2025-10-09' }) })]);

    const back = await syncShippedLibrary(t.db);
    expect(back.holidays).toMatchObject({ inserted: 0, removed: 1 });
    expect(await dueOf(entities.bengaluru, 'TDS_DEPOSIT', '2025-09')).toEqual({ statutory: '2025-10-07', due: '2025-10-08' });
  });

  it('a tenant can neither add a shared holiday nor change or remove one (row-level security)', async () => {
    await expect(t.db.withTenant(tenantId, ({ trx }) => trx('holidays').insert({ tenant_id: null, holiday_date: '2025-12-26', name: 'Sneaky', source: 'x' })))
      .rejects.toThrow(/row-level security/);
    const changed = await t.db.withTenant(tenantId, ({ trx }) => trx('holidays').whereNull('tenant_id').update({ name: 'Renamed' }));
    const removed = await t.db.withTenant(tenantId, ({ trx }) => trx('holidays').whereNull('tenant_id').delete());
    expect([changed, removed]).toEqual([0, 0]);
    const own = await t.db.withTenant(tenantId, ({ trx }) => trx('holidays').insert({ tenant_id: tenantId, holiday_date: '2025-10-07', state: 'KA', name: 'Also ours' }).returning('id'));
    expect(own).toHaveLength(1); // the same day as a shipped one, as the tenant's own: allowed
  });

  it('Tamil Nadu\'s Pongal holidays move an item there past the whole run (PF for December 2025)', async () => {
    await generateForTenant(t.db, tenantId, '2025-12-01');
    expect(await dueOf(entities.chennai, 'PF_ECR', '2025-12')).toEqual({ statutory: '2026-01-15', due: '2026-01-19' });
  });
});
