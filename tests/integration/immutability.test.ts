import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendAudit } from '../../infra/audit/audit-store.js';
import { theTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createTenantWithEverything, type TenantFixture } from '../support/fixtures.js';

let t: TestDatabase;
let fx: TenantFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  fx = await createTenantWithEverything(t.db, 'immut');
});
afterAll(() => t.drop());

/** A pending version of the fixture's item, as a portal upload leaves it. */
const pendingVersion = async (version: number, hashDigit: string) => (await theTenant(fx.tenantId).withEvidence('pending', {
  item: fx.instanceId, version, fileName: `v${version}.pdf`, sizeBytes: 10, sha256: hashDigit.repeat(64), storageKey: `k/v${version}`, uploadedBy: fx.userId, channel: 'portal',
}).build(t.db)).id('pending');

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

describe("the head of each tenant's chain only moves forward", () => {
  const head = async () => (await t.superuser<{ seq: number; hash: string }>('SELECT seq::int AS seq, hash FROM audit_heads WHERE tenant_id = $1', [fx.tenantId])).rows[0]!;
  const newest = async () => (await t.superuser<{ seq: number; hash: string }>(
    'SELECT seq::int AS seq, hash FROM audit_log WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1', [fx.tenantId])).rows[0]!;

  it('follows every append', async () => {
    expect(await head()).toEqual(await newest());
    await t.db.withTenant(fx.tenantId, (tx) => appendAudit(tx, [1, 2, 3].map((n) => ({ actor: { type: 'system' as const, id: 'test' }, action: 'test.appended', objectType: 'test', objectId: String(n) }))));
    const latest = await newest();
    expect(latest.seq).toBe(4);
    expect(await head()).toEqual(latest);
  });

  it('the application roles can read their own tenant\'s head and nothing more', async () => {
    const seen = await t.db.withTenant(fx.tenantId, ({ trx }) => trx('audit_heads').select('tenant_id'));
    expect(seen).toEqual([{ tenant_id: fx.tenantId }]);
    await expect(t.db.withTenant(fx.tenantId, ({ trx }) => trx('audit_heads').update({ seq: 1 }))).rejects.toThrow(/permission denied for table audit_heads/);
    await expect(t.db.withTenant(fx.tenantId, ({ trx }) => trx('audit_heads').delete())).rejects.toThrow(/permission denied for table audit_heads/);
    await expect(t.db.withSystem((trx) => trx('audit_heads').update({ seq: 1 }))).rejects.toThrow(/permission denied for table audit_heads/);
  });

  it('refuses the superuser lowering it, re-hashing it, deleting or truncating it, even in replica mode', async () => {
    const before = await head();
    await expect(t.superuser('UPDATE audit_heads SET seq = seq - 1 WHERE tenant_id = $1', [fx.tenantId])).rejects.toThrow(/only moves forward/);
    await expect(t.superuser("UPDATE audit_heads SET hash = repeat('a', 64) WHERE tenant_id = $1", [fx.tenantId])).rejects.toThrow(/only moves forward/);
    await expect(t.superuser('DELETE FROM audit_heads WHERE tenant_id = $1', [fx.tenantId])).rejects.toThrow(/only moves forward: DELETE/);
    await expect(t.superuser('TRUNCATE audit_heads')).rejects.toThrow(/only moves forward: TRUNCATE/);
    await expect(t.superuser(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE audit_heads SET seq = 1 WHERE tenant_id = '${fx.tenantId}'; COMMIT;`)).rejects.toThrow(/only moves forward/);
    expect(await head()).toEqual(before);
  });
});

describe('evidence rows cannot be deleted by the application', () => {
  it('refuses DELETE of a pending version to the application and platform roles', async () => {
    const pending = { id: await pendingVersion(9, 'c') };
    await expect(t.db.withTenant(fx.tenantId, ({ trx }) => trx('evidence').where({ id: pending.id }).delete())).rejects.toThrow(/permission denied for table evidence/);
    await expect(t.db.withSystem((trx) => trx('evidence').where({ id: pending.id }).delete())).rejects.toThrow(/permission denied for table evidence/);
    const { rows } = await t.superuser('SELECT count(*)::int AS n FROM evidence WHERE id = $1', [pending.id]);
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
    ).rejects.toThrow(/permission denied for table evidence/);
    await expect(t.superuser("UPDATE evidence SET sha256 = repeat('0', 64) WHERE id = $1", [fx.evidenceId])).rejects.toThrow(/is approved/);
    await expect(t.superuser('DELETE FROM evidence WHERE id = $1', [fx.evidenceId])).rejects.toThrow(/is approved/);
    const { rows } = await t.superuser('SELECT review_status, review_reason FROM evidence WHERE id = $1', [fx.evidenceId]);
    expect(rows[0]).toEqual({ review_status: 'approved', review_reason: null });
  });

  it("refuses to swap a pending version's stored file", async () => {
    const pending = { id: await pendingVersion(2, 'a') };
    await expect(
      t.db.withTenant(fx.tenantId, ({ trx }) => trx('evidence').where({ id: pending.id }).update({ sha256: 'b'.repeat(64) })),
    ).rejects.toThrow(/cannot be changed; upload a new version/);
  });
});
