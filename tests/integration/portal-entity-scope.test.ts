import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { theTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let auditor: PortalClient;
const evidence: Record<'manufacturing' | 'software', string> = { manufacturing: '', software: '' };

async function upload(entity: 'manufacturing' | 'software'): Promise<string> {
  const item = await instanceId(t.db, demo.tenantId, demo.entities[entity], 'TDS_DEPOSIT', '2026-11');
  const bytes = Buffer.from(`%PDF-1.7 challan for ${entity}`);
  const key = `${demo.tenantId}/${item}/${entity}`;
  await portal.runtime.services.storage.put(key, Readable.from(bytes), 'application/pdf');
  const { evidence: row } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (unit, actor) => submitEvidence(unit, actor, {
    instanceId: item, channel: 'portal',
    file: { fileName: `${entity}.pdf`, contentType: 'application/pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey: key },
  }, new Date()));
  return row.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  portal = await startPortalServer(t.url);
  evidence.manufacturing = await upload('manufacturing');
  evidence.software = await upload('software');
  // An auditor for one entity only (e.g. the statutory auditor of Demo Manufacturing).
  const built = await theTenant(demo.tenantId)
    .withPerson('mfgAuditor', { email: 'mfg.auditor@demo.example', name: 'Mfg Auditor', roles: [{ role: 'auditor', entity: demo.entities.manufacturing }] })
    .build(t.db);
  await setPassword(t.db, demo.tenantId, built.id('mfgAuditor'));
  auditor = await portal.login('mfg.auditor@demo.example', TEST_PASSWORD);
});
afterAll(async () => {
  await portal.close();
  await t.drop();
});

type List = { meta: { total: number }; records: { id: string; params: Record<string, unknown> }[] };
const count = async (sql: string, params: unknown[]) => Number((await t.superuser<{ n: string }>(sql, params)).rows[0]!.n);

describe('a portal role held for one entity', () => {
  it('lists only that entity, its items, its evidence and their audit entries', async () => {
    const entities = await auditor.json<List>('/admin/api/resources/entities/actions/list');
    expect(entities.body.records.map((r) => r.id)).toEqual([demo.entities.manufacturing]);

    const items = await auditor.json<List>('/admin/api/resources/compliance_instances/actions/list?perPage=500');
    expect(items.body.meta.total).toBe(await count('SELECT count(*) AS n FROM compliance_instances WHERE entity_id = $1', [demo.entities.manufacturing]));
    expect(new Set(items.body.records.map((r) => r.params.entity_id))).toEqual(new Set([demo.entities.manufacturing]));

    const files = await auditor.json<List>('/admin/api/resources/evidence/actions/list');
    expect(files.body.records.map((r) => r.id)).toEqual([evidence.manufacturing]);

    const audit = await auditor.json<List>('/admin/api/resources/audit_log/actions/list?perPage=500');
    const objects = new Set(audit.body.records.map((r) => String(r.params.object_id)));
    expect(objects.has(evidence.manufacturing)).toBe(true);
    expect(objects.has(evidence.software)).toBe(false);
    expect(objects.has(demo.entities.software)).toBe(false);
  });

  it('cannot open or download another entity’s records by id', async () => {
    const softwareItem = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-11');
    const show = await auditor.json<{ notice?: { type: string }; record?: { params: Record<string, unknown> } }>(`/admin/api/resources/compliance_instances/records/${softwareItem}/show`);
    expect(show.body.notice?.type).toBe('error');
    expect(show.body.record?.params ?? {}).toEqual({});
    expect((await auditor.get(`/admin/evidence/${evidence.software}/download`)).status).toBe(404);
    expect((await auditor.get(`/admin/evidence/${evidence.manufacturing}/download`)).status).toBe(200);
  });

  it('sees only that entity on the dashboard', async () => {
    const { body } = await auditor.json<{ dashboard: { entities: { id: string; red: number; amber: number; green: number }[]; totals: { red: number; amber: number; green: number }; overdue: { total: number; items: { entityId: string }[] } } }>('/admin/api/dashboard');
    expect(body.dashboard.entities.map((e) => e.id)).toEqual([demo.entities.manufacturing]);
    const [only] = body.dashboard.entities;
    expect(body.dashboard.totals).toEqual({ red: only!.red, amber: only!.amber, green: only!.green });
    expect(body.dashboard.overdue.items.every((i) => i.entityId === demo.entities.manufacturing)).toBe(true);
    expect(body.dashboard.overdue.total).toBeGreaterThan(0);
  });
});
