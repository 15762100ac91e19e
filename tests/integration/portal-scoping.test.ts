import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import { generateForTenant } from '../support/engine.js';
import { systemActor } from '../../core/engine/access.js';
import { assignApplicableMasters } from '../../core/use-cases/assign-applicable-masters.js';
import { createEngineUnit } from '../../infra/stores/engine-unit.js';
import { aTenant, theTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

/*
 * Two tenants behind one portal: the demo tenant (A) and Bravo (B). Signed in as B's tenant
 * admin, nothing of A's may be listed, counted, found, shown, filtered to, changed, deleted or
 * acted on, on any resource or action. Then roles, sign-in refusals, the platform view, counts
 * and pagination, and the audit trail of a portal write.
 */

type Params = Record<string, unknown>;
interface RecordJson { id?: string; params: Params; errors?: Record<string, { message: string }>; baseError?: { message: string; type?: string } | null }
interface ListBody { meta: { total: number; perPage: number; page: number }; records: RecordJson[] }
interface RecordBody { record: RecordJson; notice?: { message: string; type: string } }
interface ActionBody { record?: RecordJson; form?: unknown; preview?: { message: string; rows: string[][]; blocked?: boolean }; done?: string; notice?: { message: string; type: string } }

const API = '/admin/api/resources';

type Scope = 'tenant' | 'shared' | 'tenants';
interface ResourceCase {
  resource: string;
  scope: Scope;
  /** The resource's title column (or the SQL of what it shows): what the search action matches. */
  title: string;
  /** A column to filter by with the value A's row holds. */
  filter: string;
  /** The change B tries to make to A's row. */
  change: (demo: DemoIds) => Params;
}

// Each resource id is also its table's name.
const RESOURCES: ResourceCase[] = [
  { resource: 'tenants', scope: 'tenants', title: 'name', filter: 'id', change: () => ({ name: 'Hijacked' }) },
  { resource: 'entities', scope: 'tenant', title: 'name', filter: 'id', change: () => ({ name: 'Hijacked' }) },
  { resource: 'entity_events', scope: 'tenant', title: 'entity_id', filter: 'entity_id', change: () => ({ event_date: '2026-09-30' }) },
  { resource: 'users', scope: 'tenant', title: 'name', filter: 'id', change: () => ({ name: 'Hijacked', is_active: 'false' }) },
  { resource: 'role_assignments', scope: 'tenant', title: 'user_id', filter: 'user_id', change: () => ({ role: 'viewer' }) },
  { resource: 'compliance_masters', scope: 'shared', title: 'name', filter: 'id', change: () => ({ name: 'Hijacked', dates_checked: 'true' }) },
  { resource: 'assignments', scope: 'tenant', title: 'master_id', filter: 'entity_id', change: () => ({ reason: 'Hijacked', is_active: 'false' }) },
  { resource: 'holidays', scope: 'shared', title: 'name', filter: 'id', change: () => ({ name: 'Hijacked' }) },
  { resource: 'due_date_overrides', scope: 'shared', title: 'master_id', filter: 'id', change: () => ({ reference: 'Hijacked' }) },
  // An item's title is its name ("Monthly wages paid (Code on Wages) · Demo Manufacturing · Nov 2026"), searched by its words.
  {
    resource: 'compliance_instances', scope: 'tenant', filter: 'entity_id', change: (demo) => ({ owner_user_id: demo.users.approver }),
    title: "(SELECT m.name FROM compliance_masters m WHERE m.id = master_id) || ' ' || (SELECT e.name FROM entities e WHERE e.id = entity_id) || ' ' || period_key",
  },
  { resource: 'evidence', scope: 'tenant', title: 'file_name', filter: 'instance_id', change: () => ({ review_status: 'approved' }) },
  { resource: 'audit_log', scope: 'tenant', title: 'action', filter: 'id', change: () => ({ action: 'tampered' }) },
  { resource: 'notifications', scope: 'tenant', title: 'kind', filter: 'instance_id', change: () => ({ status: 'pending' }) },
];
const names = (cases: ResourceCase[]) => cases.map((c) => [c.resource, c] as const);

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let bTenant: string;
let bEntity: string;
let bAdmin: string;
let bInstance: string;
let aClient: PortalClient;
let bClient: PortalClient;
let aEvidence: string;
let aEvidenceBytes: Buffer;
let aNotification: string;
let aOverride: string;
/** One row of A's per resource: the one B tries to reach. */
const aRow: Record<string, string> = {};

const sql = async <T extends Record<string, unknown> = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.superuser<T>(text, params)).rows;
const rowOf = async (table: string, id: string) => (await sql<{ row: Params }>(`SELECT to_jsonb(x) AS row FROM ${table} x WHERE id = $1`, [id]))[0]?.row;
const auditCount = async (tenantId: string) => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1', [tenantId]))[0]!.n;
const todayInKolkata = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
const daysFrom = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The ids B's tenant admin may see in a table: B's own rows, plus shared library rows where the table has them. */
async function visibleToB(c: ResourceCase): Promise<string[]> {
  const where = c.scope === 'tenants' ? 'id = $1' : c.scope === 'shared' ? '(tenant_id = $1 OR tenant_id IS NULL)' : 'tenant_id = $1';
  return (await sql<{ id: string }>(`SELECT id FROM ${c.resource} WHERE ${where}`, [bTenant])).map((r) => r.id).sort();
}

/** Walks every page of a list; returns its total and every id seen, in order. */
async function listAll(client: PortalClient, resource: string, query = '', perPage = 500): Promise<{ total: number; ids: string[]; pages: RecordJson[][] }> {
  const ids: string[] = [];
  const pages: RecordJson[][] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await client.json<ListBody>(`${API}/${resource}/actions/list?page=${page}&perPage=${perPage}${query}`);
    expect(res.status).toBe(200);
    total = res.body.meta.total;
    pages.push(res.body.records);
    ids.push(...res.body.records.map((r) => String(r.params.id)));
    if (res.body.records.length < perPage || page * perPage >= total) break;
  }
  return { total, ids, pages };
}

/** What AdminJS answers when a record id is not in the signed-in admin's reach. */
function expectNotFound(res: { status: number; body: RecordBody }) {
  expect(res.status).toBe(200);
  expect(res.body.notice?.type).toBe('error');
  expect(res.body.record.baseError?.type).toBe('NotFoundError');
  expect(res.body.record.params).toEqual({});
}

function loginError(html: string): string | undefined {
  return /"errorMessage":"([^"]*)"/.exec(html)?.[1];
}

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url);
  const hash = await bcrypt.hash(TEST_PASSWORD, 4);

  // Tenant B: one entity, an admin, an auditor and an owner (all with passwords), its obligations
  // and items, and a row of its own in every table the portal shows.
  const bravo = await aTenant('bravo').named('Bravo Holdings').trackingFrom('2026-11-01')
    .withEntity('traders', {
      name: 'Bravo Traders', legalName: 'Bravo Traders Private Limited', pan: 'AABCB1234C', gstins: ['29AABCB1234C1Z1'], state: 'KA', gstMode: 'monthly',
      profile: { has_employees: true, pf_registered: true, tds_deductor: true },
    })
    .withPerson('admin', { name: 'Bina Admin', passwordHash: hash, roles: ['tenant_admin'] })
    .withPerson('auditor', { name: 'Bala Auditor', passwordHash: hash, roles: ['auditor'] })
    .withPerson('owner', { name: 'Bhanu Owner', passwordHash: hash, roles: ['owner'] })
    .withPerson('locked', { name: 'Lata Locked', passwordHash: hash, roles: ['auditor'] })
    .withAgm('traders', 'FY2025-26', '2026-09-20')
    .withHoliday('rajyotsava', { date: '2026-11-01', name: 'Karnataka Rajyotsava', state: 'KA' })
    .withMaster('boardPack', { code: 'B_BOARD_PACK', name: 'Bravo board pack', rule: { kind: 'after_period_end', months: 0, day: 28 } })
    .withExtension('boardNote', { master: 'boardPack', periodKey: '2026-11', extendedDueDate: '2026-12-31', reference: 'Bravo board note' })
    .build(t.db);
  [bTenant, bEntity, bAdmin] = [bravo.tenantId, bravo.id('traders'), bravo.id('admin')];
  await t.db.withTenant(bTenant, async (tx) => assignApplicableMasters(await createEngineUnit(tx), systemActor('test', 'Test setup'), { entityId: bEntity }));
  await generateForTenant(t.db, bTenant, undefined, DEMO_NOW);
  bInstance = (await sql<{ id: string }>('SELECT id FROM compliance_instances WHERE tenant_id = $1 ORDER BY due_date, id LIMIT 1', [bTenant]))[0]!.id;
  await theTenant(bTenant)
    .withEvidence('challan', { item: bInstance, fileName: 'bravo-challan.pdf', sizeBytes: 10, uploadedBy: bAdmin, channel: 'portal', recordedUpload: true })
    .withNotification('reminder', { to: bAdmin, item: bInstance, dedupKey: 'test:b' })
    .build(t.db);

  // Tenant A: a stored evidence file, a dead notification, an extension, a master and a holiday of its own.
  const aItem = (await sql<{ id: string; master_id: string; period_key: string; due: string }>(
    "SELECT id, master_id, period_key, to_char(statutory_due_date, 'YYYY-MM-DD') AS due FROM compliance_instances WHERE tenant_id = $1 ORDER BY due_date DESC, id LIMIT 1",
    [demo.tenantId]))[0]!;
  const aInstance = aItem.id;
  aEvidenceBytes = Buffer.from('%PDF-1.4 challan for tenant A');
  const key = `${demo.tenantId}/${aInstance}/1-${randomBytes(8).toString('hex')}`;
  await portal.runtime.services.storage.put(key, Readable.from([aEvidenceBytes]), 'application/pdf');
  const alpha = await theTenant(demo.tenantId)
    .withEvidence('challan', {
      item: aInstance, fileName: 'alpha-challan.pdf', sizeBytes: aEvidenceBytes.length, sha256: createHash('sha256').update(aEvidenceBytes).digest('hex'),
      storageKey: key, uploadedBy: demo.users.owner, channel: 'portal', recordedUpload: true,
    })
    .withNotification('dead', { to: demo.users.owner, item: aInstance, dedupKey: 'test:dead', status: 'dead', attempts: 5, lastError: 'mailbox full' })
    .withExtension('circular', { master: aItem.master_id, periodKey: aItem.period_key, extendedDueDate: daysFrom(aItem.due, 10), reference: 'Alpha circular 1' })
    .withMaster('minutes', { code: 'A_BOARD_MINUTES', name: 'Alpha board minutes', rule: { kind: 'after_period_end', months: 0, day: 25 } })
    .withHoliday('foundation', { date: '2026-12-01', name: 'Alpha Foundation Day' })
    .build(t.db);
  [aEvidence, aNotification, aOverride] = [alpha.id('challan'), alpha.id('dead'), alpha.id('circular')];

  const first = async (table: string, where: string, params: unknown[]) => (await sql<{ id: string }>(`SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT 1`, params))[0]!.id;
  Object.assign(aRow, {
    tenants: demo.tenantId,
    entities: demo.entities.manufacturing,
    entity_events: await first('entity_events', 'tenant_id = $1', [demo.tenantId]),
    users: demo.users.admin,
    role_assignments: await first('role_assignments', 'tenant_id = $1 AND user_id = $2', [demo.tenantId, demo.users.admin]),
    compliance_masters: alpha.id('minutes'),
    assignments: await first('assignments', 'tenant_id = $1 AND entity_id = $2', [demo.tenantId, demo.entities.manufacturing]),
    holidays: alpha.id('foundation'),
    due_date_overrides: aOverride,
    compliance_instances: aInstance,
    evidence: aEvidence,
    audit_log: await first('audit_log', 'tenant_id = $1 AND seq = 1', [demo.tenantId]),
    notifications: aNotification,
  });

  aClient = await portal.login('admin@demo.example', TEST_PASSWORD);
  bClient = await portal.login('admin@bravo.example', TEST_PASSWORD);
});
afterAll(async () => {
  await portal?.close();
  await t?.drop();
});

describe("B's tenant admin reaches nothing of A's", () => {
  it('the fixture gives both tenants rows in every resource', async () => {
    for (const { resource, scope } of RESOURCES) {
      const column = scope === 'tenants' ? 'id' : 'tenant_id';
      const [row] = await sql<{ a: number; b: number }>(
        `SELECT count(*) FILTER (WHERE ${column} = $1)::int AS a, count(*) FILTER (WHERE ${column} = $2)::int AS b FROM ${resource}`, [demo.tenantId, bTenant]);
      expect({ resource, a: row!.a > 0, b: row!.b > 0 }).toEqual({ resource, a: true, b: true });
    }
  });

  it.each(names(RESOURCES))('%s: the list holds exactly B\'s rows (and the shared library), and its total counts them', async (_name, c) => {
    const expected = await visibleToB(c);
    const { total, ids } = await listAll(bClient, c.resource);
    expect(total).toBe(expected.length);
    expect([...ids].sort()).toEqual(expected);
    const aIds = (await sql<{ id: string }>(`SELECT id FROM ${c.resource} WHERE ${c.scope === 'tenants' ? 'id' : 'tenant_id'} = $1`, [demo.tenantId])).map((r) => r.id);
    expect(ids.filter((id) => aIds.includes(id))).toEqual([]);
  });

  it.each(names(RESOURCES))("%s: searching for A's row by its title finds it for A's admin, not for B's", async (_name, c) => {
    const [row] = await sql<{ title: string }>(`SELECT ${c.title}::text AS title FROM ${c.resource} WHERE id = $1`, [aRow[c.resource]]);
    const path = `${API}/${c.resource}/actions/search/${encodeURIComponent(row!.title)}`;
    const forA = await aClient.json<{ records: RecordJson[] }>(path);
    expect(forA.body.records.map((r) => r.id)).toContain(aRow[c.resource]);
    const forB = await bClient.json<{ records: RecordJson[] }>(path);
    expect(forB.status).toBe(200);
    expect(forB.body.records.filter((r) => r.params.tenant_id === demo.tenantId || r.id === demo.tenantId)).toEqual([]);
    expect(forB.body.records.map((r) => r.id)).not.toContain(aRow[c.resource]);
  });

  it.each(names(RESOURCES))("%s: showing A's row by its id is refused as not found", async (_name, c) => {
    const path = `${API}/${c.resource}/records/${aRow[c.resource]}/show`;
    const forA = await aClient.json<RecordBody>(path);
    expect(forA.body.record.params.id).toBe(aRow[c.resource]);
    expectNotFound(await bClient.json<RecordBody>(path));
  });

  it.each(names(RESOURCES))("%s: filtering by A's values gives nothing", async (_name, c) => {
    const [row] = await sql<{ value: string }>(`SELECT ${c.filter}::text AS value FROM ${c.resource} WHERE id = $1`, [aRow[c.resource]]);
    const byValue = `&filters.${c.filter}=${row!.value}`;
    expect((await aClient.json<ListBody>(`${API}/${c.resource}/actions/list?perPage=1${byValue}`)).body.meta.total).toBeGreaterThan(0);
    const res = await bClient.json<ListBody>(`${API}/${c.resource}/actions/list?perPage=50${byValue}`);
    expect(res.status).toBe(200);
    expect(res.body.meta.total).toBe(0);
    expect(res.body.records).toEqual([]);
  });

  it.each(names(RESOURCES.filter((c) => c.scope !== 'tenants')))("%s: filtering by A's tenant gives nothing", async (_name, c) => {
    const byTenant = `&filters.tenant_id=${demo.tenantId}`;
    expect((await aClient.json<ListBody>(`${API}/${c.resource}/actions/list?perPage=1${byTenant}`)).body.meta.total).toBeGreaterThan(0);
    const res = await bClient.json<ListBody>(`${API}/${c.resource}/actions/list?perPage=50${byTenant}`);
    expect(res.body.meta.total).toBe(0);
    expect(res.body.records).toEqual([]);
  });

  it.each(names(RESOURCES))("%s: editing A's row is refused and changes nothing", async (_name, c) => {
    const id = aRow[c.resource]!;
    const before = await rowOf(c.resource, id);
    expect(before).toBeDefined();
    const aAudit = await auditCount(demo.tenantId);
    // What the edit form would post: the row as A's admin sees it, with one change.
    const shown = (await aClient.json<RecordBody>(`${API}/${c.resource}/records/${id}/show`)).body.record.params;
    expectNotFound(await bClient.json<RecordBody>(`${API}/${c.resource}/records/${id}/edit`, { ...shown, ...c.change(demo) }));
    expect(await rowOf(c.resource, id)).toEqual(before);
    expect(await auditCount(demo.tenantId)).toBe(aAudit);
  });

  it.each(names(RESOURCES))("%s: deleting A's row is refused and deletes nothing", async (_name, c) => {
    const id = aRow[c.resource]!;
    const before = await rowOf(c.resource, id);
    const aAudit = await auditCount(demo.tenantId);
    expectNotFound(await bClient.json<RecordBody>(`${API}/${c.resource}/records/${id}/delete`, {}));
    expect(before).toBeDefined();
    expect(await rowOf(c.resource, id)).toEqual(before);
    expect(await auditCount(demo.tenantId)).toBe(aAudit);
  });

  it.each(names(RESOURCES))("%s: bulk-deleting A's row is refused (404) and deletes nothing", async (_name, c) => {
    const id = aRow[c.resource]!;
    const before = await rowOf(c.resource, id);
    const aAudit = await auditCount(demo.tenantId);
    const res = await bClient.post(`${API}/${c.resource}/bulk/bulkDelete?recordIds=${id}`, {});
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/cannot be found/);
    expect(await rowOf(c.resource, id)).toEqual(before);
    expect(await auditCount(demo.tenantId)).toBe(aAudit);
  });

  it("a bulk delete naming B's row and A's deletes B's only", async () => {
    const [mine] = await sql<{ id: string }>("INSERT INTO holidays (tenant_id, holiday_date, name) VALUES ($1, '2026-12-24', 'Bravo day off') RETURNING id", [bTenant]);
    const theirs = aRow.holidays!;
    const res = await bClient.json<{ records: RecordJson[] }>(`${API}/holidays/bulk/bulkDelete?recordIds=${mine!.id},${theirs}`, {});
    expect(res.status).toBe(200);
    expect(res.body.records.map((r) => r.id)).toEqual([mine!.id]);
    expect(await rowOf('holidays', mine!.id)).toBeUndefined();
    expect(await rowOf('holidays', theirs)).toMatchObject({ name: 'Alpha Foundation Day', tenant_id: demo.tenantId });
  });

  // Refused as a database or field error: B's admin is told, rather than seeing "Successfully created".
  it.each([
    ['a role for A\'s admin', 'role_assignments', () => ({ user_id: demo.users.admin, role: 'tenant_admin' })],
    ['an AGM date on A\'s entity', 'entity_events', () => ({ entity_id: demo.entities.manufacturing, kind: 'agm', fiscal_year: 'FY2024-25', event_date: '2025-09-20' })],
    ['a remittance abroad on A\'s entity', 'entity_events', () => ({ entity_id: demo.entities.manufacturing, kind: 'foreign_remittance', event_date: '2027-01-15', description: 'Fee to Acme GmbH' })],
    ['an assignment to A\'s entity', 'assignments', () => ({ entity_id: demo.entities.software, master_id: aRow.compliance_masters, owner_user_id: demo.users.owner })],
    ['an assignment of A\'s own obligation to B\'s entity', 'assignments', () => ({ entity_id: bEntity, master_id: aRow.compliance_masters })],
    ['a role on A\'s entity', 'role_assignments', () => ({ user_id: bAdmin, role: 'tenant_admin', entity_id: demo.entities.manufacturing })],
  ] as const)("B's admin cannot create %s", async (_what, resource, params) => {
    const before = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${resource}`))[0]!.n;
    const aAudit = await auditCount(demo.tenantId);
    const bAudit = await auditCount(bTenant);
    const res = await bClient.json<RecordBody & { redirectUrl?: string }>(`${API}/${resource}/actions/new`, params());
    expect(res.status).toBe(200);
    expect(res.body.notice?.type).toBe('error');
    expect(res.body.notice?.message).toMatch(/does not exist|not in the library/);
    expect(res.body.redirectUrl).toBeUndefined();
    expect(res.body.record.params.id).toBeUndefined();
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${resource}`))[0]!.n).toBe(before);
    expect([await auditCount(demo.tenantId), await auditCount(bTenant)]).toEqual([aAudit, bAudit]);
  });

  it("B's admin cannot make A's person the owner of B's item", async () => {
    const before = await rowOf('compliance_instances', bInstance);
    const res = await bClient.json<RecordBody>(`${API}/compliance_instances/records/${bInstance}/edit`, { owner_user_id: demo.users.owner });
    expect(res.body.notice?.type).toBe('error');
    expect(res.body.notice?.message).toMatch(/refers to a record that does not exist/);
    expect(await rowOf('compliance_instances', bInstance)).toEqual(before);
  });

  it("the dashboard shows B's tenant, entities and items only", async () => {
    const res = await bClient.json<{ kind: string; dashboard: { tenant: { id: string }; entities: { id: string }[]; overdue: { items: { instanceId: string }[] }; next14: { items: { instanceId: string }[] } } }>('/admin/api/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('tenant');
    expect(res.body.dashboard.tenant.id).toBe(bTenant);
    expect(res.body.dashboard.entities.map((e) => e.id)).toEqual([bEntity]);
    const bInstances = (await sql<{ id: string }>('SELECT id FROM compliance_instances WHERE tenant_id = $1', [bTenant])).map((r) => r.id);
    const shown = [...res.body.dashboard.overdue.items, ...res.body.dashboard.next14.items].map((i) => i.instanceId);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((id) => !bInstances.includes(id))).toEqual([]);
  });
});

describe("custom actions on A's records, as B's tenant admin", () => {
  it.each(['describe', 'preview', 'apply'])("assign applicable masters on A's entity (%s) is refused and assigns nothing", async (mode) => {
    const count = 'SELECT (SELECT count(*) FROM assignments WHERE tenant_id = $1)::int AS assignments, (SELECT count(*) FROM compliance_instances WHERE tenant_id = $1)::int AS instances';
    // Something would be assigned: the demo's Software entity is made a GST-composition dealer.
    await sql("UPDATE entities SET gst_mode = 'composition' WHERE id = $1", [demo.entities.software]);
    const path = `${API}/entities/records/${demo.entities.software}/assignApplicable`;
    expect((await aClient.json<ActionBody>(path, { mode: 'preview' })).body.preview?.message).toMatch(/applicable obligation\(s\) will be assigned/);
    const before = (await sql(count, [demo.tenantId]))[0];
    const aAudit = await auditCount(demo.tenantId);
    const res = await bClient.json<ActionBody>(path, { mode });
    expectNotFound(res as { status: number; body: RecordBody });
    expect(res.body.preview).toBeUndefined();
    expect(res.body.done).toBeUndefined();
    expect((await sql(count, [demo.tenantId]))[0]).toEqual(before);
    expect(await auditCount(demo.tenantId)).toBe(aAudit);
  });

  it.each(['preview', 'apply'])("applying A's own extension (%s) is refused and moves none of A's items", async (mode) => {
    const dues = 'SELECT id, due_date, extended_due_date FROM compliance_instances WHERE tenant_id = $1 ORDER BY id';
    const before = await sql(dues, [demo.tenantId]);
    const override = await rowOf('due_date_overrides', aOverride);
    const aAudit = await auditCount(demo.tenantId);
    const res = await bClient.json<ActionBody>(`${API}/due_date_overrides/records/${aOverride}/apply`, { mode });
    expectNotFound(res as { status: number; body: RecordBody });
    expect(res.body.preview).toBeUndefined();
    expect(await sql(dues, [demo.tenantId])).toEqual(before);
    expect(await rowOf('due_date_overrides', aOverride)).toEqual(override);
    expect(await auditCount(demo.tenantId)).toBe(aAudit);
  });

  it("retrying A's dead notification is refused and it stays dead", async () => {
    const before = await rowOf('notifications', aNotification);
    const res = await bClient.json<RecordBody>(`${API}/notifications/records/${aNotification}/retry`, {});
    expectNotFound(res);
    expect(await rowOf('notifications', aNotification)).toEqual(before);
    expect(before).toMatchObject({ status: 'dead', attempts: 5 });
  });

  it("downloading A's evidence is a 404 for B, with nothing on A's audit trail; A's admin gets the file", async () => {
    const downloads = "SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'evidence.downloaded' AND object_id = $2";
    const res = await bClient.get(`/admin/evidence/${aEvidence}/download`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('challan for tenant A');
    expect((await sql<{ n: number }>(downloads, [demo.tenantId, aEvidence]))[0]!.n).toBe(0);
    expect((await sql<{ n: number }>(downloads, [bTenant, aEvidence]))[0]!.n).toBe(0);

    const own = await aClient.get(`/admin/evidence/${aEvidence}/download`);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(aEvidenceBytes);
    expect((await sql<{ n: number }>(downloads, [demo.tenantId, aEvidence]))[0]!.n).toBe(1);
  });

  it("resource actions naming A's slug work on B's own data: a holiday import lands in B", async () => {
    const count = "SELECT tenant_id FROM holidays WHERE name = 'Scoping Day'";
    const res = await bClient.json<ActionBody>(`${API}/holidays/actions/importHolidays`, { mode: 'apply', tenant: 'demo', csv: 'holiday_date,name,state\n2026-12-28,Scoping Day,' });
    expect(res.body.notice).toEqual({ message: 'Imported 1 row(s).', type: 'success' });
    expect(await sql(count)).toEqual([{ tenant_id: bTenant }]);
  });

  it("resource actions naming A's slug work on B's own data: a people import lands in B", async () => {
    const res = await bClient.json<ActionBody>(`${API}/users/actions/importUsers`, { mode: 'apply', tenant: 'demo', csv: 'email,name,role\nnew.person@bravo.example,New Person,viewer' });
    expect(res.body.notice?.type).toBe('success');
    expect(await sql("SELECT tenant_id FROM users WHERE email = 'new.person@bravo.example'")).toEqual([{ tenant_id: bTenant }]);
  });

  it("verify chain naming A's slug verifies B's chain", async () => {
    const res = await bClient.json<ActionBody>(`${API}/audit_log/actions/verifyChain`, { mode: 'apply', tenant: 'demo' });
    expect(res.body.done).toBe(`Intact: all ${await auditCount(bTenant)} entries verified.`);
    expect(await auditCount(bTenant)).not.toBe(await auditCount(demo.tenantId));
  });

  it("a new extension naming A's slug moves B's items only", async () => {
    // An obligation and period both tenants have open items for.
    const [shared] = await sql<{ code: string; period_key: string; a_due: string; b_id: string }>(
      `SELECT m.code, b.period_key, a.due_date::text AS a_due, b.id AS b_id
       FROM compliance_instances a JOIN compliance_instances b ON b.master_id = a.master_id AND b.period_key = a.period_key
       JOIN compliance_masters m ON m.id = a.master_id
       WHERE a.tenant_id = $1 AND b.tenant_id = $2 AND a.status = 'pending' AND b.status = 'pending' AND m.tenant_id IS NULL
       ORDER BY m.code, b.period_key LIMIT 1`,
      [demo.tenantId, bTenant],
    );
    expect(shared).toBeDefined();
    const newDate = daysFrom(shared!.a_due, 21);
    const aDues = 'SELECT id, due_date::text FROM compliance_instances WHERE tenant_id = $1 ORDER BY id';
    const aBefore = await sql(aDues, [demo.tenantId]);
    const res = await bClient.json<ActionBody>(`${API}/due_date_overrides/actions/applyNew`, {
      mode: 'apply', tenant: 'demo', code: shared!.code, period_key: shared!.period_key, extended_due_date: newDate, reference: 'Notification 99/2026-CT',
    });
    expect(res.body.notice?.type).toBe('success');
    expect(await sql(aDues, [demo.tenantId])).toEqual(aBefore);
    expect((await rowOf('compliance_instances', shared!.b_id))?.extended_due_date).toBe(newDate);
  });
});

describe('roles and sign-in', () => {
  it("B's auditor lists and shows B's records but cannot create, edit or delete them", async () => {
    const auditor = await portal.login('auditor@bravo.example', TEST_PASSWORD);
    const list = await auditor.json<ListBody>(`${API}/entities/actions/list`);
    expect(list.body.meta.total).toBe(1);
    expect((await auditor.json<RecordBody>(`${API}/entities/records/${bEntity}/show`)).body.record.params.name).toBe('Bravo Traders');
    const before = await rowOf('entities', bEntity);
    const entities = (await sql<{ n: number }>('SELECT count(*)::int AS n FROM entities WHERE tenant_id = $1', [bTenant]))[0]!.n;
    const bAudit = await auditCount(bTenant);
    const attempts = [
      await auditor.json<RecordBody>(`${API}/entities/actions/new`, { name: 'Auditor Co', legal_name: 'Auditor Co Private Limited', entity_type: 'company', state: 'KA', gst_mode: 'monthly' }),
      await auditor.json<RecordBody>(`${API}/entities/records/${bEntity}/edit`, { name: 'Renamed by auditor' }),
      await auditor.json<RecordBody>(`${API}/entities/records/${bEntity}/delete`, {}),
      await auditor.json<RecordBody>(`${API}/entities/bulk/bulkDelete?recordIds=${bEntity}`, {}),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(200);
      expect(res.body.notice?.type).toBe('error');
      expect(res.body.record.baseError?.type).toBe('ForbiddenError');
    }
    expect(await rowOf('entities', bEntity)).toEqual(before);
    expect((await sql<{ n: number }>('SELECT count(*)::int AS n FROM entities WHERE tenant_id = $1', [bTenant]))[0]!.n).toBe(entities);
    expect(await auditCount(bTenant)).toBe(bAudit);
  });

  /** A refused sign-in: the login page again, with its error, and no session that reaches the API. */
  async function expectRefused(res: Response, error: string) {
    expect(res.headers.get('location')).toBeNull();
    expect(loginError(await res.text())).toBe(error);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const api = await fetch(`${portal.url}${API}/entities/actions/list`, { headers: { cookie }, redirect: 'manual' });
    expect(api.status).toBe(302);
    expect(api.headers.get('location')).toBe('/admin/login');
  }

  it('an owner (no portal role) cannot sign in, even with the right password', async () => {
    await expectRefused(await portal.attempt('owner@bravo.example', TEST_PASSWORD), 'invalidCredentials');
  });

  it('a wrong password is refused', async () => {
    await expectRefused(await portal.attempt('auditor@bravo.example', 'not the password at all'), 'invalidCredentials');
  });

  it('after 5 failed sign-ins for one address from this machine its right password is refused too; other addresses still sign in', async () => {
    for (let i = 0; i < 5; i++) await expectRefused(await portal.attempt('locked@bravo.example', `wrong ${i}`), 'invalidCredentials');
    const locked = await portal.attempt('Locked@Bravo.example', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    await expectRefused(locked, 'Too many failed sign-ins for this address. Wait 15 minute(s) and try again, or ask your administrator to reset your password.');
    const other = await portal.login('auditor@bravo.example', TEST_PASSWORD);
    expect((await other.json<ListBody>(`${API}/entities/actions/list`)).body.meta.total).toBe(1);
  });
});

describe('the platform admin', () => {
  it("sees both tenants' rows", async () => {
    await sql("UPDATE platform_users SET password_hash = $1 WHERE email = 'platform@demo.example'", [await bcrypt.hash(TEST_PASSWORD, 4)]);
    const platform = await portal.login('platform@demo.example', TEST_PASSWORD);
    const [counts] = await sql<{ a: number; b: number }>(
      'SELECT count(*) FILTER (WHERE tenant_id = $1)::int AS a, count(*) FILTER (WHERE tenant_id = $2)::int AS b FROM entities', [demo.tenantId, bTenant]);
    const entities = await listAll(platform, 'entities');
    expect(counts!.a).toBe(3);
    expect(entities.total).toBe(counts!.a + counts!.b);
    expect(entities.ids).toEqual(expect.arrayContaining([demo.entities.manufacturing, bEntity]));
    const tenants = await listAll(platform, 'tenants');
    expect([...tenants.ids].sort()).toEqual([demo.tenantId, bTenant].sort());
    const dashboard = await platform.json<{ kind: string; tenants: { tenant: { id: string } }[] }>('/admin/api/dashboard');
    expect(dashboard.body.kind).toBe('platform');
    expect(dashboard.body.tenants.map((d) => d.tenant.id).sort()).toEqual([demo.tenantId, bTenant].sort());
    // Across tenants the RAG filter uses each tenant's own today (both are in Asia/Kolkata here).
    const [red] = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM compliance_instances WHERE status IN ('pending', 'submitted', 'rejected') AND due_date < (now() AT TIME ZONE 'Asia/Kolkata')::date");
    const reds = await listAll(platform, 'compliance_instances', '&filters.rag=red', 100);
    expect(reds.total).toBe(red!.n);
    expect(red!.n).toBeGreaterThan(0);
  });
});

describe("counts and pagination of A's items", () => {
  const today = todayInKolkata();

  beforeAll(async () => {
    // A spread of states around today (Asia/Kolkata): overdue but closed, overdue and open, due today.
    const ids = (await sql<{ id: string }>("SELECT id FROM compliance_instances WHERE tenant_id = $1 AND status = 'pending' ORDER BY id LIMIT 6", [demo.tenantId])).map((r) => r.id);
    const set = (id: string, status: string, due: string) =>
      sql('UPDATE compliance_instances SET status = $2, statutory_due_date = $3, working_due_date = NULL, extended_due_date = NULL WHERE id = $1', [id, status, due]);
    await set(ids[0]!, 'pending', daysFrom(today, -1));
    await set(ids[1]!, 'approved', daysFrom(today, -1));
    await set(ids[2]!, 'rejected', daysFrom(today, -10));
    await set(ids[3]!, 'pending', today);
    await set(ids[4]!, 'submitted', daysFrom(today, -30));
    await set(ids[5]!, 'not_applicable', daysFrom(today, 5));
  });

  const aIds = async (where = 'true', params: unknown[] = []) =>
    (await sql<{ id: string }>(`SELECT id FROM compliance_instances WHERE tenant_id = $1 AND ${where}`, [demo.tenantId, ...params])).map((r) => r.id).sort();

  it.each([
    ['the default order (due date)', ''],
    ['status, with many ties', '&sortBy=status&direction=desc'],
    ['period, with many ties', '&sortBy=period_key&direction=asc'],
  ])('walking all pages of 7 in %s yields every item exactly once', async (_order, sort) => {
    const expected = await aIds();
    expect(expected.length).toBeGreaterThan(21);
    const { total, ids, pages } = await listAll(aClient, 'compliance_instances', sort, 7);
    expect(total).toBe(expected.length);
    expect(pages).toHaveLength(Math.ceil(expected.length / 7));
    expect(pages.every((p) => p.length <= 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(expected);
  });

  it('filters.status=pending counts the pending items', async () => {
    const expected = await aIds("status = 'pending'");
    const { total, ids } = await listAll(aClient, 'compliance_instances', '&filters.status=pending', 7);
    expect(total).toBe(expected.length);
    expect(total).toBeLessThan((await aIds()).length);
    expect([...ids].sort()).toEqual(expected);
  });

  it("filters.rag=red counts the open items due before today in Asia/Kolkata, and shows each as red", async () => {
    const expected = await aIds("status IN ('pending', 'submitted', 'rejected') AND due_date < $2::date", [today]);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const { total, ids, pages } = await listAll(aClient, 'compliance_instances', '&filters.rag=red', 7);
    expect(total).toBe(expected.length);
    expect([...ids].sort()).toEqual(expected);
    expect(pages.flat().map((r) => r.params.rag).filter((rag) => rag !== 'red')).toEqual([]);
  });

  it('filters.rag=amber and green split the rest exactly as each row shows its RAG (the tenant’s 7-day window)', async () => {
    const byFilter: Record<string, string[]> = {};
    for (const rag of ['red', 'amber', 'green']) {
      const { ids, pages } = await listAll(aClient, 'compliance_instances', `&filters.rag=${rag}`, 50);
      expect(pages.flat().every((r) => r.params.rag === rag)).toBe(true);
      byFilter[rag] = [...ids].sort();
    }
    const amber = await aIds("status IN ('pending', 'submitted', 'rejected') AND due_date >= $2::date AND (status = 'rejected' OR due_date <= $2::date + 7)", [today]);
    expect(byFilter.amber).toEqual(amber);
    expect(amber.length).toBeGreaterThanOrEqual(1);
    // Every item is in exactly one of the three.
    const all = [...byFilter.red!, ...byFilter.amber!, ...byFilter.green!].sort();
    expect(all).toEqual(await aIds());
  });
});

describe('a portal write lands on the audit chain', () => {
  const entity = { name: 'Bravo Exports', legal_name: 'Bravo Exports Private Limited', entity_type: 'company', pan: 'AABCB5678D', state: 'KA', gst_mode: 'monthly', profile: '{}' };

  it("B's admin creates an entity: it is B's, and B's chain records who did it", async () => {
    const aAudit = await auditCount(demo.tenantId);
    const res = await bClient.json<RecordBody>(`${API}/entities/actions/new`, { ...entity, tenant_id: demo.tenantId });
    expect(res.status).toBe(200);
    expect(res.body.notice?.type).toBe('success');
    const id = String(res.body.record.params.id);
    expect(await rowOf('entities', id)).toMatchObject({ tenant_id: bTenant, name: 'Bravo Exports', pan: 'AABCB5678D' });
    const entries = await sql('SELECT tenant_id, action, actor_type, actor_id, object_type FROM audit_log WHERE object_id = $1', [id]);
    expect(entries).toEqual([{ tenant_id: bTenant, action: 'entity.created', actor_type: 'user', actor_id: bAdmin, object_type: 'entity' }]);
    expect(await auditCount(demo.tenantId)).toBe(aAudit);
    const verified = await bClient.json<ActionBody>(`${API}/audit_log/actions/verifyChain`, { mode: 'apply' });
    expect(verified.body.done).toMatch(/^Intact/);
  });

  it('a bad PAN is refused under the field, and nothing is created', async () => {
    const entities = (await sql<{ n: number }>('SELECT count(*)::int AS n FROM entities'))[0]!.n;
    const bAudit = await auditCount(bTenant);
    const res = await bClient.json<RecordBody>(`${API}/entities/actions/new`, { ...entity, name: 'Bravo Imports', pan: 'ABC123' });
    expect(res.status).toBe(200);
    expect(res.body.notice?.type).toBe('error');
    expect(res.body.record.errors?.pan?.message).toMatch(/PAN is 5 letters, 4 digits, 1 letter/);
    expect((await sql<{ n: number }>('SELECT count(*)::int AS n FROM entities'))[0]!.n).toBe(entities);
    expect(await sql("SELECT id FROM entities WHERE name = 'Bravo Imports'")).toEqual([]);
    expect(await auditCount(bTenant)).toBe(bAudit);
  });
});
