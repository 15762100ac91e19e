import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import { generateForTenant } from '../../app/engine-commands.js';
import { systemActor } from '../../core/engine/access.js';
import { assignApplicableMasters } from '../../core/infra/engine/assignments.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let bTenant: string;
let bEntity: string;
let bAdmin: string;
let aClient: PortalClient;
let bClient: PortalClient;
let aEvidence: string;
let aNotification: string;
let aOverride: string;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url);

  bTenant = (await t.superuser<{ id: string }>("INSERT INTO tenants (slug, name, tracking_start_date) VALUES ('bravo', 'Bravo Holdings', '2026-11-01') RETURNING id")).rows[0]!.id;
  const hash = await bcrypt.hash(TEST_PASSWORD, 4);
  await t.db.withTenant(bTenant, async (tx) => {
    const { trx } = tx;
    const [entity] = await trx('entities').insert({
      tenant_id: bTenant, name: 'Bravo Traders', legal_name: 'Bravo Traders Private Limited', entity_type: 'company', pan: 'AABCB1234C',
      gstins: ['29AABCB1234C1Z1'], state: 'KA', gst_mode: 'monthly', profile: JSON.stringify({ has_employees: true, pf_registered: true, tds_deductor: true }),
    }).returning('id');
    bEntity = entity.id;
    const users = await trx('users').insert([
      { tenant_id: bTenant, email: 'admin@bravo.example', name: 'Bina Admin', password_hash: hash },
      { tenant_id: bTenant, email: 'auditor@bravo.example', name: 'Bala Auditor', password_hash: hash },
      { tenant_id: bTenant, email: 'owner@bravo.example', name: 'Bhanu Owner', password_hash: hash },
    ]).returning(['id', 'email']);
    const id = (prefix: string) => users.find((u: { email: string }) => u.email.startsWith(prefix)).id as string;
    bAdmin = id('admin');
    await trx('role_assignments').insert([
      { tenant_id: bTenant, user_id: bAdmin, role: 'tenant_admin' },
      { tenant_id: bTenant, user_id: id('auditor'), role: 'auditor' },
      { tenant_id: bTenant, user_id: id('owner'), role: 'owner' },
    ]);
    await assignApplicableMasters(tx, bEntity, systemActor('test', 'Test setup'));
  });
  await generateForTenant(t.db, bTenant, undefined, DEMO_NOW);

  // Tenant A: a stored evidence file, a dead notification, an extension of its own.
  const instance = (await t.superuser<{ id: string }>("SELECT id FROM compliance_instances WHERE tenant_id = $1 ORDER BY due_date, id LIMIT 1", [demo.tenantId])).rows[0]!.id;
  const bytes = Buffer.from('%PDF-1.4 challan for tenant A');
  const sha = createHash('sha256').update(bytes).digest('hex');
  const key = `${demo.tenantId}/${instance}/1-${randomBytes(8).toString('hex')}`;
  await portal.runtime.services.storage.put(key, Readable.from([bytes]), 'application/pdf');
  aEvidence = (await t.superuser<{ id: string }>(
    `INSERT INTO evidence (tenant_id, instance_id, version, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, channel)
     VALUES ($1, $2, 1, 'alpha-challan.pdf', 'application/pdf', $3, $4, $5, $6, 'portal') RETURNING id`,
    [demo.tenantId, instance, bytes.length, sha, key, demo.users.owner],
  )).rows[0]!.id;
  aNotification = (await t.superuser<{ id: string }>(
    `INSERT INTO notifications (tenant_id, channel, kind, recipient_user_id, instance_id, dedup_key, status, attempts, last_error)
     VALUES ($1, 'email', 'reminder', $2, $3, 'test:dead', 'dead', 5, 'mailbox full') RETURNING id`,
    [demo.tenantId, demo.users.owner, instance],
  )).rows[0]!.id;
  aOverride = (await t.superuser<{ id: string }>(
    `INSERT INTO due_date_overrides (tenant_id, master_id, period_key, extended_due_date, reference)
     SELECT $1, master_id, period_key, statutory_due_date + 10, 'Alpha circular 1' FROM compliance_instances WHERE id = $2 RETURNING id`,
    [demo.tenantId, instance],
  )).rows[0]!.id;

  aClient = await portal.login('admin@demo.example', TEST_PASSWORD);
  bClient = await portal.login('admin@bravo.example', TEST_PASSWORD);
});
afterAll(async () => {
  await portal.close();
  await t.drop();
});

it('probe', async () => {
  const show = (c: PortalClient, p: string, body?: Record<string, unknown>) => c.json(p, body).then((r) => console.log(p, r.status, JSON.stringify(r.body).slice(0, 600)));
  await show(bClient, `/admin/api/resources/entities/records/${demo.entities.manufacturing}/show`);
  await show(bClient, `/admin/api/resources/entities/records/not-a-uuid/show`);
  await show(bClient, `/admin/api/resources/entities/records/${demo.entities.manufacturing}/edit`, { name: 'Hijacked' });
  await show(bClient, `/admin/api/resources/entities/records/${demo.entities.manufacturing}/delete`, {});
  await show(bClient, `/admin/api/resources/entities/bulk/bulkDelete?recordIds=${demo.entities.manufacturing}`, {});
  await show(bClient, `/admin/api/resources/entities/actions/list?perPage=2`);
  await show(bClient, `/admin/api/resources/entities/actions/search/Demo`);
  await show(bClient, `/admin/api/resources/entities/records/${demo.entities.manufacturing}/assignApplicable`, { mode: 'apply' });
  await show(bClient, `/admin/api/resources/due_date_overrides/records/${aOverride}/apply`, { mode: 'apply' });
  await show(bClient, `/admin/api/resources/notifications/records/${aNotification}/retry`, {});
  const r = await bClient.get(`/admin/evidence/${aEvidence}/download`);
  console.log('download', r.status, await r.text());
  const r2 = await aClient.get(`/admin/evidence/${aEvidence}/download`);
  console.log('download A', r2.status, await r2.text());
  await show(bClient, `/admin/api/resources/entities/actions/new`, { name: 'Bravo Two', legal_name: 'Bravo Two Pvt Ltd', entity_type: 'company', pan: 'BAD', state: 'KA', gst_mode: 'monthly' });
  const w = await portal.attempt('admin@bravo.example', 'wrong');
  console.log('wrong', w.status, w.headers.get('location'), w.headers.getSetCookie(), (await w.text()).slice(0, 2000));
  const o = await portal.attempt('owner@bravo.example', TEST_PASSWORD);
  console.log('owner', o.status, o.headers.get('location'));
  const n = await fetch(`${portal.url}/admin/api/resources/entities/actions/list`, { redirect: 'manual' });
  console.log('nocookie', n.status, n.headers.get('location'), (await n.text()).slice(0, 300));
});
