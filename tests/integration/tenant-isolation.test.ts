import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { aadTenantOf, createTenantWithEverything, type TenantFixture } from '../support/fixtures.js';

let t: TestDatabase;
let a: TenantFixture;
let b: TenantFixture;
let tenantTables: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createTenantWithEverything(t.db, 'alpha');
  b = await createTenantWithEverything(t.db, 'bravo');
  const { rows } = await t.superuser<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
     JOIN information_schema.tables tb USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
     ORDER BY 1`,
  );
  tenantTables = rows.map((r) => r.table_name);
});
afterAll(() => t.drop());

describe('row-level security in the catalog', () => {
  it('is enabled and forced on every table that has a tenant_id column, and on tenants', async () => {
    const { rows } = await t.superuser<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; app_policies: number }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid
                 AND 'compliance_app'::regrole = ANY (p.polroles)) AS app_policies
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1)`,
      [[...tenantTables, 'tenants']],
    );
    expect(tenantTables.length).toBeGreaterThanOrEqual(14);
    expect(rows).toHaveLength(tenantTables.length + 1);
    const unprotected = rows.filter((r) => !r.relrowsecurity || !r.relforcerowsecurity || r.app_policies === 0);
    expect(unprotected.map((r) => r.relname)).toEqual([]);
  });

  it('covers every table the application role can write: each is under forced row-level security with its policy', async () => {
    const { rows } = await t.superuser<{ relname: string; forced: boolean; app_policies: number }>(
      `SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND 'compliance_app'::regrole = ANY (p.polroles)) AS app_policies
       FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
         AND (has_table_privilege('compliance_app', c.oid, 'INSERT') OR has_table_privilege('compliance_app', c.oid, 'UPDATE')
              OR has_table_privilege('compliance_app', c.oid, 'DELETE') OR has_table_privilege('compliance_app', c.oid, 'TRUNCATE'))
       ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(14);
    expect(rows.filter((r) => !r.forced || r.app_policies === 0).map((r) => r.relname)).toEqual([]);
    // Sessions and schedule slots are not the application role's to write at all.
    expect(rows.map((r) => r.relname)).not.toContain('admin_sessions');
    expect(rows.map((r) => r.relname)).not.toContain('job_runs');
  });

  it('keeps portal sessions from every role but the session store\'s own', async () => {
    const { rows } = await t.superuser<{ role: string; any: boolean }>(
      `SELECT r AS role, has_table_privilege(r, 'admin_sessions', 'SELECT, INSERT, UPDATE, DELETE') AS any
       FROM unnest(ARRAY['compliance_app', 'compliance_platform', 'compliance_session']) AS r ORDER BY 1`,
    );
    expect(rows).toEqual([
      { role: 'compliance_app', any: false },
      { role: 'compliance_platform', any: false },
      { role: 'compliance_session', any: true },
    ]);
  });

  it('gives the application role no way around it', async () => {
    const { rows } = await t.superuser(
      `SELECT rolname, rolsuper, rolbypassrls, rolcanlogin FROM pg_roles
       WHERE rolname IN ('compliance_app', 'compliance_platform') ORDER BY rolname`,
    );
    expect(rows).toEqual([
      { rolname: 'compliance_app', rolsuper: false, rolbypassrls: false, rolcanlogin: false },
      { rolname: 'compliance_platform', rolsuper: false, rolbypassrls: false, rolcanlogin: false },
    ]);
  });
});

describe('tenant isolation', () => {
  it('the fixture put rows for both tenants in every tenant table', async () => {
    for (const table of tenantTables) {
      const { rows } = await t.superuser<{ tenants: number }>(`SELECT count(DISTINCT tenant_id)::int AS tenants FROM ${table}`);
      expect({ table, tenants: rows[0]!.tenants }).toEqual({ table, tenants: 2 });
    }
  });

  it('without a tenant set, every tenant table (and tenants) returns zero rows', async () => {
    await t.db.app.transaction(async (trx) => {
      for (const table of [...tenantTables, 'tenants']) {
        const [row] = await trx(table).count({ n: '*' });
        expect({ table, n: Number(row?.n) }).toEqual({ table, n: 0 });
      }
    });
  });

  it("tenant A reads only its own rows, in every tenant table", async () => {
    await t.db.withTenant(a.tenantId, async ({ trx }) => {
      for (const table of tenantTables) {
        const rows: { tenant_id: string | null }[] = await trx(table).select('tenant_id');
        const foreign = rows.filter((r) => r.tenant_id !== null && r.tenant_id !== a.tenantId);
        expect({ table, foreign: foreign.length, own: rows.length > 0 }).toEqual({ table, foreign: 0, own: true });
      }
      const tenants = await trx('tenants').select('id');
      expect(tenants).toEqual([{ id: a.tenantId }]);
    });
  });

  it("tenant A cannot fetch B's instance even by its id", async () => {
    const found = await t.db.withTenant(a.tenantId, ({ trx }) => trx('compliance_instances').where({ id: b.instanceId }).first());
    expect(found).toBeUndefined();
  });

  it("tenant A cannot insert rows carrying B's tenant_id", async () => {
    await expect(
      t.db.withTenant(a.tenantId, ({ trx }) =>
        trx('holidays').insert({ tenant_id: b.tenantId, holiday_date: '2026-08-15', name: 'Independence Day' }),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("tenant A's updates and deletes do not touch B's rows", async () => {
    const touched = await t.db.withTenant(a.tenantId, async ({ trx }) => ({
      updated: await trx('entities').where({ id: b.entityId }).update({ name: 'hijacked' }),
      deleted: await trx('holidays').where({ tenant_id: b.tenantId }).delete(),
      notified: await trx('notifications').update({ status: 'dead' }).where({ tenant_id: b.tenantId }),
    }));
    expect(touched).toEqual({ updated: 0, deleted: 0, notified: 0 });
    const { rows } = await t.superuser('SELECT name FROM entities WHERE id = $1', [b.entityId]);
    expect(rows[0]!.name).toBe('bravo Pvt Ltd');
  });

  it("tenant A cannot move its own row into B's tenant", async () => {
    await expect(
      t.db.withTenant(a.tenantId, ({ trx }) => trx('users').where({ id: a.userId }).update({ tenant_id: b.tenantId })),
    ).rejects.toThrow(/row-level security|violates foreign key/);
  });

  it('the shared library is readable by every tenant but writable by none', async () => {
    await t.db.withSystem((trx) =>
      trx('compliance_masters').insert({
        code: 'SHARED_RULE', name: 'Shared', category: 'GST', law: 'CGST Act', authority: 'CBIC', frequency: 'monthly',
        rule_versions: JSON.stringify([]),
      }),
    );
    const seen = await t.db.withTenant(b.tenantId, ({ trx }) => trx('compliance_masters').pluck('code'));
    expect(seen.sort()).toEqual(['OWN_RETURN', 'SHARED_RULE']);
    const changed = await t.db.withTenant(b.tenantId, ({ trx }) => trx('compliance_masters').where({ code: 'SHARED_RULE' }).update({ name: 'mine now' }));
    expect(changed).toBe(0);
    const deleted = await t.db.withTenant(b.tenantId, ({ trx }) => trx('compliance_masters').where({ code: 'SHARED_RULE' }).delete());
    expect(deleted).toBe(0);
    await expect(t.db.withTenant(b.tenantId, ({ trx }) => trx('compliance_masters').insert({
      tenant_id: null, code: 'PLANTED_RULE', name: 'Planted', category: 'GST', law: 'CGST Act', authority: 'CBIC', frequency: 'monthly',
      rule_versions: JSON.stringify([]),
    }))).rejects.toThrow(/row-level security/);
    const { rows } = await t.superuser<{ code: string; name: string }>("SELECT code, name FROM compliance_masters WHERE code IN ('SHARED_RULE', 'PLANTED_RULE')");
    expect(rows).toEqual([{ code: 'SHARED_RULE', name: 'Shared' }]);
  });

  it("tenant A cannot point an assignment, extension or item at B's own obligation (it cannot even see it)", async () => {
    const attempts = {
      assignments: { tenant_id: a.tenantId, entity_id: a.entityId, master_id: b.masterId },
      due_date_overrides: { tenant_id: a.tenantId, master_id: b.masterId, period_key: '2026-11', extended_due_date: '2026-12-31', reference: 'Notification 1/2026' },
      compliance_instances: {
        tenant_id: a.tenantId, entity_id: a.entityId, master_id: b.masterId, period_key: '2030-01',
        period_start: '2030-01-01', period_end: '2030-01-31', statutory_due_date: '2030-02-20',
      },
    };
    for (const [table, row] of Object.entries(attempts)) {
      await expect(t.db.withTenant(a.tenantId, ({ trx }) => trx(table).insert(row))).rejects.toThrow(/belongs to another tenant/);
    }
    // Its own obligation is fine.
    await t.db.withTenant(a.tenantId, ({ trx }) => trx('assignments').insert({ ...attempts.assignments, master_id: a.masterId }).onConflict(['tenant_id', 'entity_id', 'master_id']).ignore());
  });

  it("tenant A cannot take B's Entra tenant for Teams, nor see that it is bound", async () => {
    const seen = await t.db.withTenant(a.tenantId, ({ trx }) => trx('teams_tenants').pluck('aad_tenant_id'));
    expect(seen).toEqual([aadTenantOf('alpha')]);
    await expect(t.db.withTenant(a.tenantId, ({ trx }) => trx('teams_tenants').insert({ tenant_id: b.tenantId, aad_tenant_id: aadTenantOf('charlie'), app_id: '00000000-0000-4000-8000-00000000a99d' })))
      .rejects.toThrow(/row-level security/);
    const moved = await t.db.withTenant(a.tenantId, ({ trx }) => trx('teams_tenants').where({ aad_tenant_id: aadTenantOf('bravo') }).update({ tenant_id: a.tenantId }));
    expect(moved).toBe(0);
    const { rows } = await t.superuser('SELECT tenant_id FROM teams_tenants WHERE aad_tenant_id = $1', [aadTenantOf('bravo')]);
    expect(rows).toEqual([{ tenant_id: b.tenantId }]);
  });

  it('refuses a tenant id that is not a uuid before reaching the database', async () => {
    await expect(t.db.withTenant("x' OR 1=1 --", async () => 1)).rejects.toThrow(/Not a tenant id/);
  });
});
