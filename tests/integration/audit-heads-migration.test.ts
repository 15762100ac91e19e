import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { appendAudit, verifyAuditChain } from '../../infra/audit/audit-store.js';
import { createDatabase } from '../../infra/db/database.js';
import { migrateLatest } from '../../infra/db/migrator.js';
import * as auditIntegrity from '../../migrations/20261201000200_audit_integrity.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createTenantWithEverything } from '../support/fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ actor: { type: 'system' as const, id: 'test' }, action: 'test.entry', objectType: 'test', objectId: String(i) }));

it('the audit integrity migration takes the heads of chains written before it from their newest entries, and its down restores what it took', async () => {
  const { tenantId } = await createTenantWithEverything(t.db, 'before-heads');
  await auditIntegrity.down(t.db.owner);
  // Written while no head is kept, as on a database that has not had the migration yet.
  await t.db.withTenant(tenantId, (tx) => appendAudit(tx, entries(11)));
  const { rows: privileges } = await t.superuser("SELECT has_table_privilege('compliance_app', 'evidence', 'DELETE') AS app_may_delete");
  expect(privileges).toEqual([{ app_may_delete: true }]);

  await auditIntegrity.up(t.db.owner);
  const { rows } = await t.superuser('SELECT h.seq::int AS seq, h.hash = l.hash AS same FROM audit_heads h JOIN audit_log l USING (tenant_id, seq) WHERE h.tenant_id = $1', [tenantId]);
  expect(rows).toEqual([{ seq: 12, same: true }]);
  expect(await t.db.withTenant(tenantId, (tx) => verifyAuditChain(tx))).toEqual({ intact: true, entries: 12, firstBreak: null });
  const { rows: after } = await t.superuser("SELECT has_table_privilege('compliance_app', 'evidence', 'DELETE') AS app_may_delete");
  expect(after).toEqual([{ app_may_delete: false }]);
});

it('keeps the head when the schema owner is not a superuser (row-level security is forced on the owner too)', async () => {
  const bare = await createTestDatabase({ migrated: false });
  const owner = 'audit_heads_test_owner';
  await bare.superuser(`DO $$
    DECLARE r text;
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} LOGIN PASSWORD '${owner}' CREATEROLE; END IF;
      -- As production: the owner may hand the application roles on (the migrations grant them to it).
      FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE 'compliance\\_%' AND NOT rolcanlogin LOOP
        EXECUTE format('GRANT %I TO ${owner} WITH ADMIN OPTION', r);
      END LOOP;
    END $$`);
  await bare.superuser(`ALTER DATABASE ${bare.name} OWNER TO ${owner}`);
  await bare.superuser(`ALTER SCHEMA public OWNER TO ${owner}`);
  const db = createDatabase({ url: bare.url.replace(/\/\/[^@]*@/, `//${owner}:${owner}@`) });
  try {
    await migrateLatest(db.owner);
    const tenantId: string = await db.withSystem(async (trx) => (await trx('tenants').insert({ slug: 'owned', name: 'Owned' }).returning('id'))[0].id);
    await db.withTenant(tenantId, (tx) => appendAudit(tx, entries(3)));
    expect(await db.withTenant(tenantId, (tx) => verifyAuditChain(tx))).toEqual({ intact: true, entries: 3, firstBreak: null });
    expect((await bare.superuser('SELECT tenant_id, seq::int AS seq FROM audit_heads')).rows).toEqual([{ tenant_id: tenantId, seq: 3 }]);
  } finally {
    await db.close();
    await bare.drop();
  }
});
