import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateForTenant, syncShippedLibrary } from '../support/engine.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { systemActor } from '../../core/engine/access.js';
import { ragOf } from '../../core/engine/rag.js';
import { applyExtension, previewExtension } from '../../core/use-cases/apply-extension.js';
import { redateOpenItems } from '../../core/use-cases/redate-open-items.js';
import { createEngineUnit } from '../../infra/stores/engine-unit.js';
import { statusSummary } from '../../infra/engine/status-summary.js';
import { verifyAuditChain } from '../../infra/audit/audit-store.js';
import { libraryExtensionList, libraryMasters } from '../../core/library/index.js';
import { approveEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { theTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { sha256Hex } from '../support/fixtures.js';

let t: TestDatabase;
let demo: DemoIds;
const actor = systemActor('test');

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
});
afterAll(() => t.drop());

const periodsOf = (entityId: string, code: string) =>
  t.db.withTenant(demo.tenantId, ({ trx }) =>
    trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
      .where({ 'i.entity_id': entityId, 'm.code': code }).orderBy('i.period_start')
      .select('i.period_key', 'i.statutory_due_date', 'i.working_due_date', 'i.due_date'));
const countInstances = async () => Number((await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').count({ n: '*' })))[0]!.n);

describe('library sync', () => {
  it('is idempotent: a second sync changes nothing', async () => {
    const again = await syncShippedLibrary(t.db);
    expect(again.masters).toEqual({ inserted: [], updated: [], unchanged: libraryMasters.length });
    expect(again.extensions).toEqual({ inserted: 0, updated: 0, removed: 0, unchanged: libraryExtensionList.length });
  });
});

describe('instance generation', () => {
  it('creates every period from the tracking start to the 3-month horizon, with working-day dates', async () => {
    expect(await periodsOf(demo.entities.manufacturing, 'TDS_DEPOSIT')).toEqual([
      { period_key: '2026-10', statutory_due_date: '2026-11-07', working_due_date: '2026-11-09', due_date: '2026-11-09' },
      { period_key: '2026-11', statutory_due_date: '2026-12-07', working_due_date: null, due_date: '2026-12-07' },
      { period_key: '2026-12', statutory_due_date: '2027-01-07', working_due_date: null, due_date: '2027-01-07' },
      { period_key: '2027-01', statutory_due_date: '2027-02-07', working_due_date: '2027-02-08', due_date: '2027-02-08' },
      { period_key: '2027-02', statutory_due_date: '2027-03-07', working_due_date: '2027-03-08', due_date: '2027-03-08' },
    ]);
  });

  it('counts event-based dates from the AGM an entity recorded, else the statutory default', async () => {
    // FY2025-26: Manufacturing recorded its AGM on 26 Sep 2026 (+60 days); Software did not (30 Sep default + 60).
    // FY2026-27: no AGM recorded yet for either, so both count from the default.
    expect((await periodsOf(demo.entities.manufacturing, 'ROC_MGT7')).map((r) => [r.period_key, r.due_date])).toEqual([['FY2025-26', '2026-11-25'], ['FY2026-27', '2027-11-29']]);
    expect((await periodsOf(demo.entities.software, 'ROC_MGT7')).map((r) => [r.period_key, r.due_date])).toEqual([['FY2025-26', '2026-11-29'], ['FY2026-27', '2027-11-29']]);
  });

  it('is idempotent: running it twice creates nothing new', async () => {
    const before = await countInstances();
    expect(before).toBeGreaterThan(100);
    expect((await generateForTenant(t.db, demo.tenantId, undefined, DEMO_NOW)).created).toBe(0);
    expect((await generateForTenant(t.db, demo.tenantId, undefined, DEMO_NOW)).created).toBe(0);
    expect(await countInstances()).toBe(before);
  });

  it('a later as-of date adds only the newly covered periods', async () => {
    const before = await countInstances();
    const r = await generateForTenant(t.db, demo.tenantId, '2026-12-26');
    expect(r.created).toBeGreaterThan(0);
    expect(await countInstances()).toBe(before + r.created);
    expect((await periodsOf(demo.entities.manufacturing, 'TDS_DEPOSIT')).at(-1)!.period_key).toBe('2027-03');
  });
});

describe('status summary', () => {
  it('agrees with ragOf item by item, per entity', async () => {
    const today = '2026-11-26';
    const summary = await t.db.withTenant(demo.tenantId, (tx) => statusSummary(tx, { today, amberWindowDays: 7 }));
    expect(summary.entities).toHaveLength(3);
    const rows: { entity_id: string; status: never; due_date: string }[] = await t.db.withTenant(demo.tenantId, ({ trx }) =>
      trx('compliance_instances').select('entity_id', 'status', 'due_date'));
    for (const e of summary.entities) {
      const mine = rows.filter((r) => r.entity_id === e.entityId).map((r) => ragOf(r.status, r.due_date, today, 7));
      expect({ entity: e.entityName, red: e.red, amber: e.amber, green: e.green }).toEqual({
        entity: e.entityName, red: mine.filter((x) => x === 'red').length, amber: mine.filter((x) => x === 'amber').length, green: mine.filter((x) => x === 'green').length,
      });
    }
    expect(summary.totals.red).toBeGreaterThan(0);
    expect(summary.urgent[0]!.rag).toBe('red');
    expect(summary.urgent.map((u) => u.dueDate)).toEqual([...summary.urgent.map((u) => u.dueDate)].sort());
  });
});

describe('holidays', () => {
  it('a state holiday moves next-working-day items of entities in that state only', async () => {
    // TDS for November 2026 is due Monday 7 Dec 2026 and GSTR-1 on Friday 11 Dec 2026; declare both holidays in Maharashtra.
    await theTenant(demo.tenantId)
      .withHoliday('first', { date: '2026-12-07', state: 'MH', name: 'State holiday' })
      .withHoliday('second', { date: '2026-12-11', state: 'MH', name: 'Second state holiday' })
      .build(t.db);
    const moved = await t.db.withTenant(demo.tenantId, async (tx) => redateOpenItems(await createEngineUnit(tx), actor, {}));
    const tds = moved.filter((m) => m.periodKey === '2026-11' && m.oldDueDate === '2026-12-07');
    expect(tds.map((m) => m.newDueDate)).toEqual(['2026-12-08', '2026-12-08']); // Manufacturing and Advisors (MH), not Software (KA)
    expect((await periodsOf(demo.entities.software, 'TDS_DEPOSIT')).find((r) => r.period_key === '2026-11')!.due_date).toBe('2026-12-07');
    expect((await periodsOf(demo.entities.manufacturing, 'TDS_DEPOSIT')).find((r) => r.period_key === '2026-11')).toMatchObject({ statutory_due_date: '2026-12-07', due_date: '2026-12-08' });
    // GST dates do not move for holidays, even one on the GST due date itself.
    expect((await periodsOf(demo.entities.manufacturing, 'GSTR1_MONTHLY')).find((r) => r.period_key === '2026-11'))
      .toMatchObject({ statutory_due_date: '2026-12-11', working_due_date: null, due_date: '2026-12-11' });
    expect(moved.some((m) => m.oldDueDate === '2026-12-11')).toBe(false);
  });
});

describe('extensions', () => {
  it('moves open instances only, keeps the statutory date, audits and tells the owner', async () => {
    // Demo Manufacturing files its GSTR-3B for November and gets it approved; Demo Advisors has not.
    const done = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
    const open = await instanceId(t.db, demo.tenantId, demo.entities.advisors, 'GSTR3B_MONTHLY', '2026-11');
    const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) =>
      submitEvidence(u, a, { instanceId: done, channel: 'portal', file: { fileName: 'gstr3b.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` } }, DEMO_NOW));
    await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => approveEvidence(u, a, { instanceId: done, evidenceId: evidence.id }, DEMO_NOW));

    const input = { code: 'GSTR3B_MONTHLY', periodKey: '2026-11', extendedDueDate: '2026-12-27', reference: 'Notification 99/2026-Central Tax' };
    const preview = await t.db.withTenant(demo.tenantId, async (tx) => previewExtension(await createEngineUnit(tx), actor, input, DEMO_NOW));
    expect(preview.map((m) => [m.instanceId, m.oldDueDate, m.newDueDate])).toEqual([[open, '2026-12-20', '2026-12-27']]);
    const unchanged = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('due_date_overrides').where({ tenant_id: demo.tenantId }).count({ n: '*' }));
    expect(Number(unchanged[0]!.n)).toBe(0);

    const moved = await t.db.withTenant(demo.tenantId, async (tx) => applyExtension(await createEngineUnit(tx), actor, input, DEMO_NOW));
    expect(moved.map((m) => m.instanceId)).toEqual([open]);
    const rows = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').whereIn('id', [done, open]).select('id', 'statutory_due_date', 'extended_due_date', 'extension_reference', 'due_date'));
    expect(rows.find((r) => r.id === open)).toMatchObject({ statutory_due_date: '2026-12-20', extended_due_date: '2026-12-27', extension_reference: 'Notification 99/2026-Central Tax', due_date: '2026-12-27' });
    expect(rows.find((r) => r.id === done)).toMatchObject({ statutory_due_date: '2026-12-20', extended_due_date: null, due_date: '2026-12-20' });

    const audit = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('audit_log').where({ object_id: open, action: 'instance.due_date_changed' }).first('before', 'after'));
    expect(audit).toMatchObject({ before: { dueDate: '2026-12-20' }, after: { dueDate: '2026-12-27', statutoryDueDate: '2026-12-20', reference: 'Notification 99/2026-Central Tax' } });
    const note = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ instance_id: open, kind: 'due_date_changed' }).first('recipient_user_id', 'payload'));
    expect(note).toMatchObject({ recipient_user_id: demo.users.owner, payload: { oldDueDate: '2026-12-20', newDueDate: '2026-12-27' } });
    expect((await t.db.withTenant(demo.tenantId, (tx) => verifyAuditChain(tx))).intact).toBe(true);
  });

  it('explains an unknown code or period and a date that does not exist', async () => {
    await expect(t.db.withTenant(demo.tenantId, async (tx) => applyExtension(await createEngineUnit(tx), actor, { code: 'NOPE', periodKey: '2026-11', extendedDueDate: '2026-12-27', reference: 'Notif 1' }, DEMO_NOW)))
      .rejects.toThrow('No obligation with code NOPE');
    await expect(t.db.withTenant(demo.tenantId, async (tx) => applyExtension(await createEngineUnit(tx), actor, { code: 'GSTR3B_MONTHLY', periodKey: '2031-01', extendedDueDate: '2031-02-27', reference: 'Notif 1' }, DEMO_NOW)))
      .rejects.toThrow(/No GSTR3B_MONTHLY item for period 2031-01/);
    await expect(t.db.withTenant(demo.tenantId, async (tx) => applyExtension(await createEngineUnit(tx), actor, { code: 'GSTR3B_MONTHLY', periodKey: '2026-11', extendedDueDate: '2026-02-30', reference: 'Notif 1' }, DEMO_NOW)))
      .rejects.toThrow('2026-02-30 is not a real date: use YYYY-MM-DD.');
  });

  it('a changed library rule re-dates open instances only', async () => {
    // Manufacturing's October PF return is filed and approved first: a closed item keeps its date.
    const closed = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'PF_ECR', '2026-10');
    const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) =>
      submitEvidence(u, a, { instanceId: closed, channel: 'portal', file: { fileName: 'ecr.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` } }, DEMO_NOW));
    await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => approveEvidence(u, a, { instanceId: closed, evidenceId: evidence.id }, DEMO_NOW));
    const closedBefore = (await periodsOf(demo.entities.manufacturing, 'PF_ECR')).find((r) => r.period_key === '2026-10');
    expect(closedBefore).toMatchObject({ statutory_due_date: '2026-11-15' });

    const changed = libraryMasters.map((m) => (m.code === 'PF_ECR'
      ? { ...m, ruleVersions: [{ ...m.ruleVersions[0]!, rule: { ...m.ruleVersions[0]!.rule, day: 14 } as typeof m.ruleVersions[0]['rule'] }] }
      : m));
    const result = await syncShippedLibrary(t.db, { masters: changed, extensions: libraryExtensionList });
    expect(result.masters.updated).toEqual(['PF_ECR']);
    expect(result.moved).toBeGreaterThan(0);
    const pf = await periodsOf(demo.entities.advisors, 'PF_ECR');
    expect(pf).toEqual([]); // Demo Advisors is not PF-registered
    const mfg = await periodsOf(demo.entities.manufacturing, 'PF_ECR');
    expect(mfg.find((r) => r.period_key === '2026-11')!.statutory_due_date).toBe('2026-12-14');
    expect(mfg.find((r) => r.period_key === '2026-10')).toEqual(closedBefore);
    const version = await t.db.withSystem((trx) => trx('compliance_masters').whereNull('tenant_id').where({ code: 'PF_ECR' }).first('library_version'));
    expect(version.library_version).toBe(2);
  });
});
