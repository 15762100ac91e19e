import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { itemCard } from '../../core/chat/item-card.js';
import { systemActor } from '../../core/engine/access.js';
import { libraryExtensionList, shippedLibrary } from '../../core/library/index.js';
import type { ItemFacts } from '../../core/ports/item-threads.js';
import { redateOpenItems } from '../../core/use-cases/redate-open-items.js';
import { itemThreads } from '../../infra/chat/item-threads.js';
import { sweepTenant } from '../../infra/engine/reminder-sweep.js';
import { tenantWork } from '../../infra/stores/engine-unit.js';
import { aTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { generateForTenant, syncShippedLibrary } from '../support/engine.js';

/*
 * Government relief beyond "this period is due later", with the published dates pinned:
 * - GSTR-3B July 2025: 20 Aug → 27 Aug 2025 only for principal places of business in Mumbai City,
 *   Mumbai Suburban, Thane, Raigad and Palghar (CBIC under s.39(6), floods):
 *   https://www.gujaratimidday.com/amp/news/mumbai-news/article/gst-filing-extended-for-mumbai-thane-raigad-palghar-traders-due-to-floods-250700
 * - GSTR-3B September 2025: 25 Oct 2025 everywhere (Notification 17/2025-CT):
 *   https://taxmanagementindia.com/visitor/detail_rss_feed.asp?ID=23731
 * - MGT-7 / AOC-4 FY 2024-25: no additional fee until 31 Jan 2026 (MCA GC 08/2025, after GC 06/2025
 *   to 31 Dec 2025); the AGM-based due date (29 Nov 2025 for MGT-7) was not extended:
 *   https://taxguru.in/company-law/mca-companies-file-annual-returns-extra-fees-december-31-2025.html
 */
let t: TestDatabase;
let tenantId: string;
let ids: Record<'thane' | 'pune' | 'bengaluru' | 'roc' | 'owner' | 'cfo', string>;

const dueOf = async (entity: string, code: string, periodKey: string) => {
  const row = await t.db.withTenant(tenantId, ({ trx }) => trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
    .where({ 'i.entity_id': entity, 'm.code': code, 'i.period_key': periodKey })
    .first('i.id', trx.raw("to_char(i.statutory_due_date, 'YYYY-MM-DD') AS statutory"), trx.raw("to_char(i.extended_due_date, 'YYYY-MM-DD') AS extended"),
      'i.extension_reference', trx.raw("to_char(i.due_date, 'YYYY-MM-DD') AS due")));
  return row as { id: string; statutory: string; extended: string | null; extension_reference: string | null; due: string };
};
const dates = async (entity: string, code: string, periodKey: string) => {
  const { id: _id, ...rest } = await dueOf(entity, code, periodKey);
  return rest;
};
const factsOf = (instanceId: string) =>
  itemThreads(t.db).withThread(tenantId, instanceId, 'slack', async (item) => ({ result: item!.facts as ItemFacts }));

beforeAll(async () => {
  t = await createTestDatabase();
  await syncShippedLibrary(t.db); // as every start-up does
  const library: Record<string, string> = await t.db.withSystem(async (trx) =>
    Object.fromEntries((await trx('compliance_masters').whereNull('tenant_id').whereIn('code', ['GSTR3B_MONTHLY', 'ROC_MGT7']).select('code', 'id')).map((r) => [r.code, r.id])));
  const built = await aTenant('relief').trackingFrom('2025-04-01')
    .withEntity('thane', { name: 'Thane Co', state: 'MH', district: 'Thane' })
    .withEntity('pune', { name: 'Pune Co', state: 'MH', district: 'Pune' })
    .withEntity('bengaluru', { name: 'Bengaluru Co', state: 'KA', district: 'Bengaluru Urban' })
    .withEntity('roc', { name: 'Roc Co', state: 'MH' })
    .withPerson('owner', { name: 'Olivia Owner' })
    .withPerson('cfo', { name: 'Chitra CFO', roles: ['cfo'] })
    .withAssignment('thane', library.GSTR3B_MONTHLY!).withAssignment('pune', library.GSTR3B_MONTHLY!).withAssignment('bengaluru', library.GSTR3B_MONTHLY!)
    .withAssignment('roc', library.ROC_MGT7!, 'owner')
    .build(t.db);
  tenantId = built.tenantId;
  ids = { thane: built.id('thane'), pune: built.id('pune'), bengaluru: built.id('bengaluru'), roc: built.id('roc'), owner: built.id('owner'), cfo: built.id('cfo') };
  await generateForTenant(t.db, tenantId, '2025-08-01');
});
afterAll(() => t.drop());

describe('an extension scoped to districts', () => {
  it('moves GSTR-3B July 2025 to 27 Aug 2025 for an entity in Thane only; Pune and Karnataka keep 20 Aug 2025', async () => {
    const reference = 'CBIC extension under s.39(6) CGST Act (floods)';
    expect(await dates(ids.thane, 'GSTR3B_MONTHLY', '2025-07')).toEqual({ statutory: '2025-08-20', extended: '2025-08-27', extension_reference: reference, due: '2025-08-27' });
    expect(await dates(ids.pune, 'GSTR3B_MONTHLY', '2025-07')).toEqual({ statutory: '2025-08-20', extended: null, extension_reference: null, due: '2025-08-20' });
    expect(await dates(ids.bengaluru, 'GSTR3B_MONTHLY', '2025-07')).toEqual({ statutory: '2025-08-20', extended: null, extension_reference: null, due: '2025-08-20' });
  });

  it('leaves an extension for everywhere applying to every place (September 2025 → 25 Oct 2025)', async () => {
    for (const entity of [ids.thane, ids.pune, ids.bengaluru]) {
      expect(await dates(entity, 'GSTR3B_MONTHLY', '2025-09')).toMatchObject({ statutory: '2025-10-20', extended: '2025-10-25', due: '2025-10-25' });
    }
  });

  it('follows an entity whose district is corrected (Pune → Palghar) when its open items are re-dated', async () => {
    await t.db.withTenant(tenantId, ({ trx }) => trx('entities').where({ id: ids.pune }).update({ district: ' palghar ' }));
    const moved = await tenantWork(t.db).inTenant(tenantId, (unit) => redateOpenItems(unit, systemActor('test'), {}));
    expect(moved.map((m) => [m.periodKey, m.oldDueDate, m.newDueDate])).toEqual([['2025-07', '2025-08-20', '2025-08-27']]);
    expect((await dates(ids.pune, 'GSTR3B_MONTHLY', '2025-07')).due).toBe('2025-08-27');
  });
});

describe('a fee waiver', () => {
  it("keeps MGT-7 FY 2024-25 due on 29 Nov 2025 (no extended date) and shows the waiver on the item's card", async () => {
    const item = await dueOf(ids.roc, 'ROC_MGT7', 'FY2024-25');
    expect(item).toMatchObject({ statutory: '2025-11-29', extended: null, extension_reference: null, due: '2025-11-29' });
    const facts = await factsOf(item.id);
    expect(facts.feeWaiver).toEqual({ until: '2026-01-31', reference: 'MCA General Circular 08/2025' });
    expect(itemCard(facts, new Date('2025-11-10T06:00:00Z'), 'http://x').facts[1])
      .toEqual([{ bold: 'Due:' }, ' 29 Nov 2025', ' · no additional fee until 31 Jan 2026 (MCA General Circular 08/2025)']);
  });

  it('does not turn an overdue item green: past 29 Nov 2025 it is red, though the fee is waived until 31 Jan 2026', async () => {
    const facts = await factsOf((await dueOf(ids.roc, 'ROC_MGT7', 'FY2024-25')).id);
    expect(itemCard(facts, new Date('2025-12-15T06:00:00Z'), 'http://x').rag).toBe('red');
  });

  it('leaves the reminders on the legal date: the owner three days before 29 Nov 2025, the CFO three days after', async () => {
    const item = (await dueOf(ids.roc, 'ROC_MGT7', 'FY2024-25')).id;
    const remindersAt = async (at: string) => (await sweepTenant(t.db, tenantId, new Date(at), { dryRun: true })).named
      .filter((r) => r.instanceId === item).map((r) => [r.kind, r.recipientUserId]);
    expect(await remindersAt('2025-11-26T05:30:00Z')).toEqual([['due_soon', ids.owner]]);
    expect(await remindersAt('2025-12-02T05:30:00Z')).toEqual([['escalation', ids.cfo]]);
  });
});

describe('library sync of relief', () => {
  it('is idempotent: a second sync adds, updates or removes no extension or waiver and moves nothing', async () => {
    const again = await syncShippedLibrary(t.db);
    expect(again.extensions).toEqual({ inserted: 0, updated: 0, removed: 0, unchanged: libraryExtensionList.length });
    expect(again.moved).toBe(0);
    const stored = await t.db.withSystem((trx) => trx('due_date_overrides').whereNull('tenant_id').where({ kind: 'fee_waiver' }).count({ n: '*' }));
    expect(Number(stored[0]!.n)).toBe(libraryExtensionList.filter((e) => e.kind === 'fee_waiver').length);
  });

  it('a relief shipped as an extension and then re-classified as a fee waiver stops moving the date', async () => {
    // As DIR-3 KYC FY 2024-25 was, before GC 04/05-2025 were read as fee relaxations.
    const asExtension = { ...libraryExtensionList.find((e) => e.code === 'ROC_MGT7')!, kind: 'extension' as const };
    const before = await syncShippedLibrary(t.db, { ...shippedLibrary, extensions: [...libraryExtensionList, asExtension] });
    expect(before.extensions).toMatchObject({ inserted: 1, removed: 0 });
    expect((await dates(ids.roc, 'ROC_MGT7', 'FY2024-25')).due).toBe('2026-01-31');

    const after = await syncShippedLibrary(t.db);
    expect(after.extensions).toMatchObject({ inserted: 0, updated: 0, removed: 1 });
    expect(await dates(ids.roc, 'ROC_MGT7', 'FY2024-25')).toEqual({ statutory: '2025-11-29', extended: null, extension_reference: null, due: '2025-11-29' });
  });
});
