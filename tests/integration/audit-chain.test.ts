import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendAudit, verifyAuditChain } from '../../core/infra/audit/audit-store.js';
import { seedDemo } from '../../app/seed/demo.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let t: TestDatabase;
let demoTenantId: string;
const dataDir = mkdtempSync(path.join(tmpdir(), 'audit-test-'));

beforeAll(async () => {
  t = await createTestDatabase();
  demoTenantId = (await seedDemo(t.db, dataDir)).tenantId;
});
afterAll(() => t.drop());

const rowCount = async () =>
  (await t.superuser<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1', [demoTenantId])).rows[0]!.n;

/** Runs the real CLI against this test's database. */
const cli = (...args: string[]) => runCli(args, { DATABASE_URL: t.url, DATA_DIR: dataDir });

describe('audit chain', () => {
  it('is intact after the demo seed, covering every entry, and a second seed adds nothing', async () => {
    const first = await t.db.withTenant(demoTenantId, (tx) => verifyAuditChain(tx));
    const stored = await rowCount();
    expect(stored).toBeGreaterThan(16);
    expect(first).toEqual({ intact: true, entries: stored, firstBreak: null });
    const again = await seedDemo(t.db, dataDir);
    expect(again.created).toBe(false);
    expect(await rowCount()).toBe(stored);
  });

  it('stays a single valid chain under 20 concurrent writers', async () => {
    const before = (await t.db.withTenant(demoTenantId, (tx) => verifyAuditChain(tx))).entries;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.withTenant(demoTenantId, (tx) =>
          appendAudit(tx, { actor: { type: 'system', id: `writer-${i}` }, action: 'test.concurrent', objectType: 'test', objectId: String(i) }),
        ),
      ),
    );
    const report = await t.db.withTenant(demoTenantId, (tx) => verifyAuditChain(tx));
    expect(report).toEqual({ intact: true, entries: before + 20, firstBreak: null });
    const { rows } = await t.superuser("SELECT count(DISTINCT actor_id)::int AS n FROM audit_log WHERE action = 'test.concurrent'");
    expect(rows[0]!.n).toBe(20);
  });

  it('verifies in batches across the whole chain', async () => {
    const report = await t.db.withTenant(demoTenantId, (tx) => verifyAuditChain(tx, 7));
    expect(report).toEqual({ intact: true, entries: await rowCount(), firstBreak: null });
  });

  it('`audit verify` exits 0 when intact and 1 naming the entry after a direct edit in SQL', async () => {
    const ok = await cli('audit', 'verify', '--tenant', 'demo');
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain(`Audit chain for "demo" is intact: ${await rowCount()} entries verified.`);

    // A superuser with triggers disabled is the only way to edit the log at all.
    await t.superuser(`
      BEGIN;
      SET LOCAL session_replication_role = replica;
      UPDATE audit_log SET after = '{"forged": true}'
        WHERE tenant_id = '${demoTenantId}' AND seq = 7;
      COMMIT;`);
    const broken = await cli('audit', 'verify', '--tenant', 'demo');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('BROKEN at entry #7');
    expect(broken.stderr).toContain('was altered after it was written');
  });

  it('`audit verify` explains an unknown tenant', async () => {
    const res = await cli('audit', 'verify', '--tenant', 'nope');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('No tenant with slug "nope"');
  });
});
