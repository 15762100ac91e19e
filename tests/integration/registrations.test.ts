import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatText } from '../../core/chat/text.js';
import { itemLine } from '../../core/chat/lists.js';
import { itemCard } from '../../core/chat/item-card.js';
import { renderEmail } from '../../core/notifications/message.js';
import { readNotification } from '../../core/notifications/kinds.js';
import { itemsDueWithin } from '../../infra/engine/item-queries.js';
import { statusSummary } from '../../infra/engine/status-summary.js';
import { itemThreads } from '../../infra/chat/item-threads.js';
import { aTenant, type BuiltTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { generateForTenant, syncShippedLibrary } from '../support/engine.js';

/**
 * Items owed per registration (india-compliance-rules §6.4): one per GSTIN, TAN, PT
 * registration, PF/ESI code, judged and dated by the registration's state and GST mode.
 */
let t: TestDatabase;
let masters: Map<string, string>;
beforeAll(async () => {
  t = await createTestDatabase();
  await syncShippedLibrary(t.db);
  const rows: { id: string; code: string }[] = await t.db.withSystem((trx) => trx('compliance_masters').whereNull('tenant_id').select('id', 'code'));
  masters = new Map(rows.map((r) => [r.code, r.id]));
});
afterAll(() => t.drop());

const master = (code: string) => masters.get(code)!;
const AS_OF = '2026-12-01';

/** code → registration number (or '-' for the entity's own item) → [period, due date][] */
async function seriesOf(built: BuiltTenant, entity: string) {
  const rows: { code: string; number: string | null; period_key: string; due_date: string }[] = await t.db.withTenant(built.tenantId, ({ trx }) =>
    trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
      .leftJoin('registrations as r', function () { this.on('r.tenant_id', 'i.tenant_id').andOn('r.id', 'i.registration_id'); })
      .where('i.entity_id', built.id(entity)).orderBy(['m.code', 'r.number', 'i.period_start'])
      .select('m.code', 'r.number', 'i.period_key', 'i.due_date'));
  const series: Record<string, Record<string, [string, string][]>> = {};
  for (const r of rows) ((series[r.code] ??= {})[r.number ?? '-'] ??= []).push([r.period_key, r.due_date]);
  return series;
}

describe('items per registration', () => {
  it('an entity with GSTINs in MH, KA and TN gets a GSTR-1 and a GSTR-3B series for each GSTIN', async () => {
    const built = await aTenant('three-states').trackingFrom('2026-11-01')
      .withEntity('acme', { pan: 'AAACD1234F', state: 'MH', gstins: ['27AAACD1234F1Z5', '29AAACD1234F1Z3', '33AAACD1234F1Z1'] })
      .withAssignment('acme', master('GSTR1_MONTHLY')).withAssignment('acme', master('GSTR3B_MONTHLY'))
      .build(t.db);
    await generateForTenant(t.db, built.tenantId, AS_OF);
    const series = await seriesOf(built, 'acme');
    for (const code of ['GSTR1_MONTHLY', 'GSTR3B_MONTHLY']) {
      expect(Object.keys(series[code]!)).toEqual(['27AAACD1234F1Z5', '29AAACD1234F1Z3', '33AAACD1234F1Z1']);
    }
    // GSTR-1 by the 11th, GSTR-3B by the 20th of the next month, for every GSTIN alike.
    expect(series.GSTR1_MONTHLY!['29AAACD1234F1Z3']!.slice(0, 2)).toEqual([['2026-10', '2026-11-11'], ['2026-11', '2026-12-11']]);
    expect(series.GSTR3B_MONTHLY!['33AAACD1234F1Z1']!.slice(0, 2)).toEqual([['2026-10', '2026-11-20'], ['2026-11', '2026-12-20']]);
    expect(new Set(Object.values(series.GSTR3B_MONTHLY!).map((s) => JSON.stringify(s))).size).toBe(1);
    // Idempotent per registration.
    expect((await generateForTenant(t.db, built.tenantId, AS_OF)).created).toBe(0);
  });

  it('the QRMP GSTR-3B group follows each GSTIN\'s state: 22nd in MH (group X), 24th in DL (group Y)', async () => {
    const built = await aTenant('qrmp-groups').trackingFrom('2026-11-01')
      .withEntity('acme', { state: 'MH', gstMode: 'qrmp', gstins: ['27AAACD1234F1Z5', '07AAACD1234F1Z9'] })
      .withAssignment('acme', master('GSTR3B_QRMP_X')).withAssignment('acme', master('GSTR3B_QRMP_Y'))
      .build(t.db);
    await generateForTenant(t.db, built.tenantId, AS_OF);
    const series = await seriesOf(built, 'acme');
    // Quarters Oct–Dec 2026 and Jan–Mar 2027: r.61(5) proviso, Notif. 82/2020-CT —
    // https://gstgyaan.com/time-limit-for-furnishing-gstr-3b-specified-or-extended-ur-61(5)
    expect(series.GSTR3B_QRMP_X).toEqual({ '27AAACD1234F1Z5': [['FY2026-27-Q3', '2027-01-22'], ['FY2026-27-Q4', '2027-04-22']] });
    expect(series.GSTR3B_QRMP_Y).toEqual({ '07AAACD1234F1Z9': [['FY2026-27-Q3', '2027-01-24'], ['FY2026-27-Q4', '2027-04-24']] });
  });

  it('profession tax registrations in MH and KA give Maharashtra PT to the MH one and Karnataka PT to the KA one', async () => {
    const built = await aTenant('pt-states').trackingFrom('2026-11-01')
      .withEntity('acme', { state: 'MH', profile: { pt_registered: true, pt_monthly: true } })
      .withRegistration('pt-mh', { entity: 'acme', kind: 'pt', number: '27123456789P', state: 'MH' })
      .withRegistration('pt-ka', { entity: 'acme', kind: 'pt', number: 'KA-PT-0042', state: 'KA' })
      .withAssignment('acme', master('PT_MH_MONTHLY')).withAssignment('acme', master('PT_KA_MONTHLY'))
      .build(t.db);
    await generateForTenant(t.db, built.tenantId, AS_OF);
    const series = await seriesOf(built, 'acme');
    expect(Object.keys(series.PT_MH_MONTHLY!)).toEqual(['27123456789P']);
    expect(Object.keys(series.PT_KA_MONTHLY!)).toEqual(['KA-PT-0042']);
    expect(series.PT_KA_MONTHLY!['KA-PT-0042']![0]).toEqual(['2026-10', '2026-11-20']);
  });

  it('a composition GSTIN gets CMP-08 and no GSTR-3B, beside a monthly GSTIN that gets GSTR-3B and no CMP-08', async () => {
    const built = await aTenant('composition').trackingFrom('2026-11-01')
      .withEntity('acme', { state: 'MH' })
      .withRegistration('mh', { entity: 'acme', kind: 'gstin', number: '27AAACD1234F1Z5', gstMode: 'monthly' })
      .withRegistration('ka', { entity: 'acme', kind: 'gstin', number: '29AAACD1234F2Z2', gstMode: 'composition' })
      .withAssignment('acme', master('GSTR3B_MONTHLY')).withAssignment('acme', master('CMP08'))
      .build(t.db);
    await generateForTenant(t.db, built.tenantId, AS_OF);
    const series = await seriesOf(built, 'acme');
    expect(Object.keys(series.GSTR3B_MONTHLY!)).toEqual(['27AAACD1234F1Z5']);
    expect(Object.keys(series.CMP08!)).toEqual(['29AAACD1234F2Z2']);
  });

  it('a composition GSTIN gets GSTR-4 and no GSTR-9; a monthly GSTIN gets GSTR-9 and no GSTR-4', async () => {
    // GSTR-4 by 30 June after the FY from FY 2024-25 (r.62(1)(ii) proviso, Notif. 12/2024-CT,
    // https://www.taxrealtime.in/gstlaws/provision/rule/74); composition taxpayers file no GSTR-9
    // (https://www.gstexcelmastery.in/gstr9-9c-changes-2025.html); GSTR-9 by 31 December.
    const built = await aTenant('composition-annual').trackingFrom('2026-11-01')
      .withEntity('acme', { state: 'MH' })
      .withRegistration('mh', { entity: 'acme', kind: 'gstin', number: '27AAACD1234F1Z5', gstMode: 'monthly' })
      .withRegistration('ka', { entity: 'acme', kind: 'gstin', number: '29AAACD1234F2Z2', gstMode: 'composition' })
      .withAssignment('acme', master('GSTR4')).withAssignment('acme', master('GSTR9'))
      .build(t.db);
    await generateForTenant(t.db, built.tenantId, AS_OF);
    const series = await seriesOf(built, 'acme');
    expect(series.GSTR4).toEqual({ '29AAACD1234F2Z2': [['FY2026-27', '2027-06-30']] });
    expect(series.GSTR9).toEqual({ '27AAACD1234F1Z5': [['FY2025-26', '2026-12-31'], ['FY2026-27', '2027-12-31']] });
  });

  it('a TDS deductor with no TAN recorded still gets its TDS items, for the entity', async () => {
    const built = await aTenant('no-tan').trackingFrom('2026-11-01')
      .withEntity('acme', { profile: { tds_deductor: true } })
      .withAssignment('acme', master('TDS_DEPOSIT'))
      .build(t.db);
    await generateForTenant(t.db, built.tenantId, AS_OF);
    const series = await seriesOf(built, 'acme');
    expect(Object.keys(series.TDS_DEPOSIT!)).toEqual(['-']);
    expect(series.TDS_DEPOSIT!['-']!.length).toBeGreaterThanOrEqual(4);
  });

  it('a registration\'s state holiday moves its own next-working-day items, not the other state\'s', async () => {
    // PF ECR for Oct 2026 is due 15 Nov 2026, a Sunday: both move to Monday 16 Nov; a KA holiday that Monday moves only the KA code's.
    const built = await aTenant('pf-holidays').trackingFrom('2026-11-01')
      .withEntity('acme', { state: 'MH', profile: { pf_registered: true } })
      .withRegistration('pf-mh', { entity: 'acme', kind: 'pf', number: 'MHBAN0012345000', state: 'MH' })
      .withRegistration('pf-ka', { entity: 'acme', kind: 'pf', number: 'KRBNG0054321000', state: 'KA' })
      .withHoliday('ka-day', { date: '2026-11-16', name: 'Karnataka holiday', state: 'KA' })
      .withAssignment('acme', master('PF_ECR'))
      .build(t.db);
    await generateForTenant(t.db, built.tenantId, AS_OF);
    const series = await seriesOf(built, 'acme');
    expect(series.PF_ECR!['MHBAN0012345000']![0]).toEqual(['2026-10', '2026-11-16']);
    expect(series.PF_ECR!['KRBNG0054321000']![0]).toEqual(['2026-10', '2026-11-17']);
  });
});

/** What a person reads, markup aside. */
const plain = (text: ChatText) => text.map((s) => (typeof s === 'string' ? s : 'bold' in s ? s.bold : 'italic' in s ? s.italic : '')).join('').trim();

describe('items are named by what they are owed per', () => {
  it('lists, the item card, the status summary and email name the GSTIN, or say that no TAN is recorded', async () => {
    const built = await aTenant('named').trackingFrom('2026-12-01')
      .withEntity('acme', { name: 'Demo Manufacturing', state: 'MH', gstins: ['27AAACD1234F1Z5', '33AAACD1234F1Z1'], profile: { tds_deductor: true } })
      .withAssignment('acme', master('GSTR3B_MONTHLY')).withAssignment('acme', master('TDS_DEPOSIT'))
      .build(t.db);
    await generateForTenant(t.db, built.tenantId, AS_OF);
    const lines = await t.db.withTenant(built.tenantId, (tx) => itemsDueWithin(tx, AS_OF, 20, 7));
    expect(lines.map((l) => plain(itemLine(l)))).toEqual([
      'TDS deposit (challan ITNS-281) · Demo Manufacturing · no TAN recorded · Nov 2026 · due 7 Dec 2026 · pending',
      'GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 27AAACD1234F1Z5 · Nov 2026 · due 20 Dec 2026 · pending',
      'GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 33AAACD1234F1Z1 · Nov 2026 · due 20 Dec 2026 · pending',
    ]);
    const summary = await t.db.withTenant(built.tenantId, (tx) => statusSummary(tx, { today: AS_OF, amberWindowDays: 7, urgentLimit: 10 }));
    expect(summary.urgent.slice(0, 3).map((u) => u.registration)).toEqual(['no TAN recorded', '27AAACD1234F1Z5', '33AAACD1234F1Z1']);

    const gst = lines[2]!;
    const facts = await itemThreads(t.db).withThread(built.tenantId, gst.instanceId, 'slack', async (item) => ({ result: item!.facts }));
    const card = itemCard(facts, new Date('2026-12-01T10:00:00+05:30'), 'http://x');
    expect(plain(card.summary)).toBe('GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 33AAACD1234F1Z1 · Nov 2026 · due 20 Dec 2026 · Pending');
    expect(plain(card.facts[0]!)).toBe('Demo Manufacturing · 33AAACD1234F1Z1 · period Nov 2026');

    const email = renderEmail({
      notificationId: 'n', tenantId: built.tenantId, tenantName: 'Named', timezone: 'Asia/Kolkata', notification: readNotification('due_soon', {}),
      recipient: { userId: null, name: null, email: 'x@named.example', slackUserId: null, teamsUserId: null },
      item: { id: gst.instanceId, code: gst.code, name: gst.name, entityName: gst.entityName, registration: gst.registration, periodKey: gst.periodKey, dueDate: gst.dueDate, statutoryDueDate: gst.dueDate, extensionReference: null, status: 'pending' },
      links: { item: null, acknowledge: null },
    });
    expect(email.subject).toBe('[Named] Due soon: GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 33AAACD1234F1Z1 · Nov 2026 (due 20 Dec 2026)');
    expect(email.text).toContain('Registration: 33AAACD1234F1Z1');
  });
});

describe('the registrations table', () => {
  it('keeps entities.gstins and gst_mode as the mirror of the entity\'s GSTINs, whoever writes the entity', async () => {
    const built = await aTenant('mirror').withEntity('acme', { state: 'KA', gstMode: 'monthly' })
      .withRegistration('ka', { entity: 'acme', kind: 'gstin', number: '29AAACD1234F1Z3', gstMode: 'qrmp' })
      .build(t.db);
    const read = () => t.db.withTenant(built.tenantId, ({ trx }) => trx('entities').where({ id: built.id('acme') }).first('gstins', 'gst_mode'));
    expect(await read()).toEqual({ gstins: ['29AAACD1234F1Z3'], gst_mode: 'qrmp' });
    await t.db.withTenant(built.tenantId, ({ trx }) => trx('entities').where({ id: built.id('acme') }).update({ gstins: ['27AAACD1234F1Z5'], gst_mode: 'monthly' }));
    expect(await read()).toEqual({ gstins: ['29AAACD1234F1Z3'], gst_mode: 'qrmp' });
    await t.db.withTenant(built.tenantId, ({ trx }) => trx('registrations').where({ id: built.id('ka') }).update({ is_active: false }));
    expect(await read()).toEqual({ gstins: [], gst_mode: 'qrmp' });
  });

  it('refuses another tenant\'s registration on an item, and a GSTIN that is not the entity\'s PAN or state', async () => {
    const a = await aTenant('reg-a').withEntity('acme', { pan: 'AAACD1234F' }).withMaster('own', { code: 'OWN_RETURN' })
      .withRegistration('gst', { entity: 'acme', kind: 'gstin', number: '27AAACD1234F1Z5' }).build(t.db);
    const b = await aTenant('reg-b').withEntity('bravo').withMaster('own', { code: 'OWN_RETURN' }).build(t.db);
    const crossTenant = t.db.withTenant(b.tenantId, ({ trx }) => trx('compliance_instances').insert({
      tenant_id: b.tenantId, entity_id: b.id('bravo'), master_id: b.id('own'), registration_id: a.id('gst'), period_key: '2026-11',
      period_start: '2026-11-01', period_end: '2026-11-30', statutory_due_date: '2026-12-20',
    }));
    await expect(crossTenant).rejects.toMatchObject({ code: '23503' });
    const insert = (number: string, state: string) => t.db.withTenant(a.tenantId, ({ trx }) =>
      trx('registrations').insert({ tenant_id: a.tenantId, entity_id: a.id('acme'), kind: 'gstin', number, state, gst_mode: 'monthly' }));
    await expect(insert('29AABCB1234C1Z1', 'KA')).rejects.toMatchObject({
      code: '23514', detail: 'GSTIN 29AABCB1234C1Z1 carries the PAN AABCB1234C, but the entity\'s PAN is AAACD1234F: check the GSTIN or the entity\'s PAN',
    });
    await expect(insert('29AAACD1234F1Z3', 'MH')).rejects.toMatchObject({ code: '23514', constraint: 'registrations_gstin_state' });
  });
});
