import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createTenantWithEverything, type TenantFixture } from '../support/fixtures.js';

let t: TestDatabase;
let fx: TenantFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  fx = await createTenantWithEverything(t.db, 'immut');
});
afterAll(() => t.drop());

describe('audit_log is append-only for every role', () => {
  it('refuses UPDATE and DELETE from the application role', async () => {
    await expect(
      t.db.withTenant(fx.tenantId, ({ trx }) => trx('audit_log').update({ action: 'forged' })),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(t.db.withTenant(fx.tenantId, ({ trx }) => trx('audit_log').delete())).rejects.toThrow(/permission denied|append-only/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the superuser that owns the table', async () => {
    await expect(t.superuser("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(/audit_log is append-only: UPDATE/);
    await expect(t.superuser('DELETE FROM audit_log')).rejects.toThrow(/audit_log is append-only: DELETE/);
    await expect(t.superuser('TRUNCATE audit_log CASCADE')).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await t.superuser("SELECT count(*)::int AS n FROM audit_log WHERE action = 'fixture.created'");
    expect(rows[0]!.n).toBe(1);
  });
});

describe('approved evidence never changes', () => {
  it('allows a pending version to be reviewed, then refuses any change once approved', async () => {
    await t.db.withTenant(fx.tenantId, ({ trx }) =>
      trx('evidence').where({ id: fx.evidenceId }).update({ review_status: 'approved', reviewed_by: fx.userId, reviewed_at: new Date() }),
    );
    await expect(
      t.db.withTenant(fx.tenantId, ({ trx }) => trx('evidence').where({ id: fx.evidenceId }).update({ review_reason: 'changed my mind' })),
    ).rejects.toThrow(/is approved and can no longer be changed or deleted/);
    await expect(
      t.db.withTenant(fx.tenantId, ({ trx }) => trx('evidence').where({ id: fx.evidenceId }).delete()),
    ).rejects.toThrow(/is approved/);
    await expect(t.superuser("UPDATE evidence SET sha256 = repeat('0', 64) WHERE id = $1", [fx.evidenceId])).rejects.toThrow(/is approved/);
    await expect(t.superuser('DELETE FROM evidence WHERE id = $1', [fx.evidenceId])).rejects.toThrow(/is approved/);
    const { rows } = await t.superuser('SELECT review_status, review_reason FROM evidence WHERE id = $1', [fx.evidenceId]);
    expect(rows[0]).toEqual({ review_status: 'approved', review_reason: null });
  });

  it("refuses to swap a pending version's stored file", async () => {
    const [pending] = await t.db.withTenant(fx.tenantId, ({ trx }) =>
      trx('evidence')
        .insert({
          tenant_id: fx.tenantId, instance_id: fx.instanceId, version: 2, file_name: 'v2.pdf', content_type: 'application/pdf',
          size_bytes: 10, sha256: 'a'.repeat(64), storage_key: 'k/v2', uploaded_by: fx.userId, channel: 'portal',
        })
        .returning('id'),
    );
    await expect(
      t.db.withTenant(fx.tenantId, ({ trx }) => trx('evidence').where({ id: pending.id }).update({ sha256: 'b'.repeat(64) })),
    ).rejects.toThrow(/cannot be changed; upload a new version/);
  });
});
