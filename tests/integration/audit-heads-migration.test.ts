import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { appendAudit, verifyAuditChain } from '../../core/infra/audit/audit-store.js';
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
