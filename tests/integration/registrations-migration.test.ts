import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { GST_STATE_CODES } from '../../core/engine/registrations.js';
import { appendAudit, verifyAuditChain } from '../../infra/audit/audit-store.js';
import * as registrations from '../../migrations/20261202020000_registrations.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { generateForTenant, syncShippedLibrary } from '../support/engine.js';
import { sha256Hex } from '../support/fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await syncShippedLibrary(t.db);
});
afterAll(() => t.drop());

const KA = '29AAACD1234F1Z3';
const MH = '27AAACD1234F1Z5';

it('the registrations migration turns gstins into registrations and gives existing GST items theirs, keeping every item, evidence version and audit entry', async () => {
  await t.db.owner.transaction((trx) => registrations.down(trx));
  // A tenant as it stood before: an MH entity filing QRMP with GSTINs in KA and MH, a GST item
  // with approved evidence, a TDS item, and its audit chain.
  const tenantId: string = await t.db.withSystem(async (trx) => (await trx('tenants').insert({ slug: 'before-registrations', name: 'Before' }).returning('id'))[0].id);
  const ids = await t.db.withTenant(tenantId, async (tx) => {
    const { trx } = tx;
    const masterId = async (code: string): Promise<string> => (await trx('compliance_masters').whereNull('tenant_id').where({ code }).first('id')).id;
    const [entity] = await trx('entities').insert({
      tenant_id: tenantId, name: 'Acme', legal_name: 'Acme Private Limited', entity_type: 'company', pan: 'AAACD1234F', gstins: [KA, MH], state: 'MH', gst_mode: 'qrmp',
    }).returning('id');
    const [user] = await trx('users').insert({ tenant_id: tenantId, email: 'owner@before.example', name: 'Owner' }).returning('id');
    const gstr1 = await masterId('GSTR1_QRMP');
    // Assigned by the entity's state (MH, group X); its KA GSTIN is group X too, so nothing more is due for it.
    const [delhi] = await trx('entities').insert({
      tenant_id: tenantId, name: 'Acme Delhi', legal_name: 'Acme Delhi Private Limited', entity_type: 'company', gstins: ['07AAACD1234F2Z8'], state: 'MH', gst_mode: 'qrmp',
    }).returning('id');
    await trx('assignments').insert([
      { tenant_id: tenantId, entity_id: entity.id, master_id: await masterId('GSTR3B_QRMP_X'), owner_user_id: user.id },
      { tenant_id: tenantId, entity_id: delhi.id, master_id: await masterId('GSTR3B_QRMP_X'), owner_user_id: user.id },
      { tenant_id: tenantId, entity_id: entity.id, master_id: gstr1, owner_user_id: user.id },
      { tenant_id: tenantId, entity_id: entity.id, master_id: await masterId('TDS_DEPOSIT'), owner_user_id: user.id },
    ]);
    const [gstItem, tdsItem] = await trx('compliance_instances').insert([
      { tenant_id: tenantId, entity_id: entity.id, master_id: gstr1, period_key: 'FY2026-27-Q2', period_start: '2026-07-01', period_end: '2026-09-30', statutory_due_date: '2026-10-13', status: 'approved', owner_user_id: user.id },
      { tenant_id: tenantId, entity_id: entity.id, master_id: await masterId('TDS_DEPOSIT'), period_key: '2026-10', period_start: '2026-10-01', period_end: '2026-10-31', statutory_due_date: '2026-11-07', owner_user_id: user.id },
    ]).returning('id');
    await trx('evidence').insert({
      tenant_id: tenantId, instance_id: gstItem.id, version: 1, file_name: 'gstr1.pdf', content_type: 'application/pdf', size_bytes: 2048,
      sha256: sha256Hex(), storage_key: `${tenantId}/gstr1-v1`, uploaded_by: user.id, channel: 'portal', review_status: 'approved',
    });
    await appendAudit(tx, [{ actor: { type: 'system', id: 'test' }, action: 'instance.approved', objectType: 'instance', objectId: gstItem.id }]);
    return { entity: entity.id as string, delhi: delhi.id as string, gstItem: gstItem.id as string, tdsItem: tdsItem.id as string, owner: user.id as string };
  });
  const snapshot = () => t.superuser(
    `SELECT (SELECT json_agg(i ORDER BY i.id) FROM (SELECT id, master_id, period_key, status, due_date FROM compliance_instances WHERE tenant_id = $1) i) AS items,
            (SELECT json_agg(e ORDER BY e.id) FROM (SELECT id, sha256, review_status, instance_id FROM evidence WHERE tenant_id = $1) e) AS evidence,
            (SELECT json_agg(a ORDER BY a.seq) FROM (SELECT seq, hash FROM audit_log WHERE tenant_id = $1) a) AS audit`, [tenantId]);
  const before = (await snapshot()).rows[0];

  await t.db.owner.transaction((trx) => registrations.up(trx));

  expect((await snapshot()).rows[0]).toEqual(before);
  expect(await t.db.withTenant(tenantId, (tx) => verifyAuditChain(tx))).toMatchObject({ intact: true, entries: 1 });
  const regs = await t.db.withTenant(tenantId, ({ trx }) => trx('registrations').where({ entity_id: ids.entity }).orderBy('created_at').select('id', 'kind', 'number', 'state', 'gst_mode', 'is_active'));
  expect(regs.map(({ id: _id, ...r }) => r)).toEqual([
    { kind: 'gstin', number: KA, state: 'KA', gst_mode: 'qrmp', is_active: true },
    { kind: 'gstin', number: MH, state: 'MH', gst_mode: 'qrmp', is_active: true },
  ]);
  const items = await t.db.withTenant(tenantId, ({ trx }) => trx('compliance_instances').select('id', 'registration_id'));
  // The GST item goes to the GSTIN in the entity's own state; TDS stays the entity's (no TAN was ever recorded).
  expect(Object.fromEntries(items.map((i) => [i.id, i.registration_id]))).toEqual({ [ids.gstItem]: regs[1]!.id, [ids.tdsItem]: null });
  expect(await t.db.withTenant(tenantId, ({ trx }) => trx('entities').where({ id: ids.entity }).first('gstins', 'gst_mode'))).toEqual({ gstins: [KA, MH], gst_mode: 'qrmp' });

  // The Delhi GSTIN is in group Y: its entity now has that group's GSTR-3B too, with the same people; the other entity gets nothing more.
  const groups = await t.db.withTenant(tenantId, ({ trx }) => trx('assignments as a').join('compliance_masters as m', 'm.id', 'a.master_id')
    .where('m.code', 'like', 'GSTR3B_QRMP_%').orderBy(['a.entity_id', 'm.code']).select('a.entity_id', 'm.code', 'a.owner_user_id', 'a.reason'));
  expect(groups.filter((g) => g.entity_id === ids.delhi)).toEqual([
    { entity_id: ids.delhi, code: 'GSTR3B_QRMP_X', owner_user_id: ids.owner, reason: null },
    { entity_id: ids.delhi, code: 'GSTR3B_QRMP_Y', owner_user_id: ids.owner, reason: '07AAACD1234F2Z8 is in the other QRMP group (the GSTR-3B group follows each GSTIN\'s state)' },
  ]);
  expect(groups.filter((g) => g.entity_id === ids.entity).map((g) => g.code)).toEqual(['GSTR3B_QRMP_X']);

  // Generating next: the KA GSTIN gets its own GSTR-1 for the quarter; the MH one keeps the item it had.
  await generateForTenant(t.db, tenantId, '2026-10-01');
  const q2 = await t.db.withTenant(tenantId, ({ trx }) => trx('compliance_instances as i').join('registrations as r', 'r.id', 'i.registration_id')
    .join('compliance_masters as m', 'm.id', 'i.master_id')
    .where({ 'i.period_key': 'FY2026-27-Q2', 'm.code': 'GSTR1_QRMP' }).orderBy('r.number').select('r.number', 'i.id', 'i.status'));
  // The Delhi GSTIN's first group-Y GSTR-3B (quarter Jul–Sep 2026, due 24 Oct 2026).
  const delhiY = await t.db.withTenant(tenantId, ({ trx }) => trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
    .where({ 'i.entity_id': ids.delhi, 'i.period_key': 'FY2026-27-Q2' }).orderBy('m.code').select('m.code', 'i.due_date'));
  expect(delhiY).toEqual([{ code: 'GSTR3B_QRMP_Y', due_date: '2026-10-24' }]);
  expect(q2).toEqual([{ number: MH, id: ids.gstItem, status: 'approved' }, { number: KA, id: expect.any(String), status: 'pending' }].sort((a, b) => a.number.localeCompare(b.number)));
});

it('the database\'s GST state codes are the application\'s', async () => {
  const { rows } = await t.superuser(`SELECT c.code, gst_state_code(c.code || 'AAAAA0000A1Z5') AS state FROM unnest($1::text[]) AS c(code)`, [Object.keys(GST_STATE_CODES)]);
  expect(Object.fromEntries(rows.map((r) => [r.code as string, r.state as string]))).toEqual(GST_STATE_CODES);
  const { rows: unknown } = await t.superuser(`SELECT gst_state_code('99AAAAA0000A1Z5') AS state`);
  expect(unknown).toEqual([{ state: null }]);
});
