import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { entryHash, type ChainedEntry } from '../../core/audit/chain.js';
import { appendAudit, verifyAuditChain } from '../../infra/audit/audit-store.js';
import { seedDemo } from '../../app/seed/demo.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW } from '../support/demo.js';
import { createTenantWithEverything } from '../support/fixtures.js';
import { withTriggersOff } from '../support/tamper.js';

let t: TestDatabase;
let demoTenantId: string;
const dataDir = mkdtempSync(path.join(tmpdir(), 'audit-test-'));

beforeAll(async () => {
  t = await createTestDatabase();
  demoTenantId = (await seedDemo(t.db, dataDir, DEMO_NOW)).tenantId;
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
    const again = await seedDemo(t.db, dataDir, DEMO_NOW);
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

/** A tenant of its own whose chain has exactly `entries` entries. */
async function tenantWithChain(slug: string, entries: number): Promise<string> {
  const { tenantId } = await createTenantWithEverything(t.db, slug);
  const more = Array.from({ length: entries - 1 }, (_, i) => ({ actor: { type: 'system' as const, id: 'test' }, action: 'test.entry', objectType: 'test', objectId: String(i + 2), after: { n: i + 2 } }));
  await t.db.withTenant(tenantId, (tx) => appendAudit(tx, more));
  return tenantId;
}

const deleteNewest = (tenantId: string, n: number) => withTriggersOff(t, 'audit_log', async () => {
  await t.superuser('DELETE FROM audit_log WHERE tenant_id = $1 AND seq > (SELECT max(seq) - $2 FROM audit_log WHERE tenant_id = $1)', [tenantId, n]);
});

/** Alters entry `from` and recomputes every hash after it with the product's own entryHash. */
const rewriteHistory = (tenantId: string, from: number) => withTriggersOff(t, 'audit_log', async () => {
  const { rows } = await t.superuser('SELECT * FROM audit_log WHERE tenant_id = $1 ORDER BY seq', [tenantId]);
  let prev: string = rows[from - 2]!.hash;
  for (const row of rows.slice(from - 1)) {
    const entry: Omit<ChainedEntry, 'prevHash' | 'hash'> = {
      tenantId, seq: Number(row.seq), occurredAt: row.occurred_at, actorType: row.actor_type, actorId: row.actor_id, actorLabel: row.actor_label,
      action: row.action, objectType: row.object_type, objectId: row.object_id, before: row.before,
      after: Number(row.seq) === from ? { n: -1, rewritten: true } : row.after,
    };
    const hash = entryHash(prev, entry);
    await t.superuser('UPDATE audit_log SET after = $3, prev_hash = $4, hash = $5 WHERE tenant_id = $1 AND seq = $2',
      [tenantId, entry.seq, JSON.stringify(entry.after), prev, hash]);
    prev = hash;
  }
});

describe('tampering by the database owner with the triggers switched off', () => {
  const verifyIn = (tenantId: string) => t.db.withTenant(tenantId, (tx) => verifyAuditChain(tx));

  it('an untouched chain of 50 entries is intact', async () => {
    const tenantId = await tenantWithChain('untouched', 50);
    expect(await verifyIn(tenantId)).toEqual({ intact: true, entries: 50, firstBreak: null });
    const res = await cli('audit', 'verify', '--tenant', 'untouched');
    expect([res.code, res.stdout.trim()]).toEqual([0, 'Audit chain for "untouched" is intact: 50 entries verified.']);
  });

  it.each([
    [1, 'cut-one', 'BROKEN at entry #50: entry #50 was removed: the chain once reached #50.', 'The 49 entries before them verified.'],
    [10, 'cut-ten', 'BROKEN at entry #41: entries #41–#50 were removed: the chain once reached #50.', 'The 40 entries before them verified.'],
  ])('deleting the newest %i entries is reported BROKEN, naming them', async (removed, slug, broken, remaining) => {
    const tenantId = await tenantWithChain(slug, 50);
    await deleteNewest(tenantId, removed);
    expect(await verifyIn(tenantId)).toMatchObject({ intact: false, entries: 50 - removed, firstBreak: { seq: 51 - removed, problem: 'entries_removed' } });
    const res = await cli('audit', 'verify', '--tenant', slug);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`Audit chain for "${slug}" is ${broken}`);
    expect(res.stderr).toContain(remaining);
  });

  it('the removal stays visible after the application appends past where the chain once reached', async () => {
    const tenantId = await tenantWithChain('cut-regrown', 50);
    await deleteNewest(tenantId, 10);
    const more = Array.from({ length: 15 }, (_, i) => ({ actor: { type: 'system' as const, id: 'test' }, action: 'test.after_cut', objectType: 'test', objectId: String(i) }));
    await t.db.withTenant(tenantId, (tx) => appendAudit(tx, more));
    expect(await verifyIn(tenantId)).toMatchObject({ intact: false, entries: 55, firstBreak: { seq: 50, problem: 'history_rewritten' } });
    expect((await cli('audit', 'verify', '--tenant', 'cut-regrown')).code).toBe(1);
  });

  it('rewriting history and recomputing every hash is reported BROKEN', async () => {
    const tenantId = await tenantWithChain('rewritten', 50);
    await rewriteHistory(tenantId, 20);
    const report = await verifyIn(tenantId);
    expect(report).toMatchObject({ intact: false, entries: 50, firstBreak: { seq: 50, problem: 'history_rewritten' } });
    const res = await cli('audit', 'verify', '--tenant', 'rewritten');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('BROKEN at entry #50: entry #50 does not carry the hash recorded when the chain reached it');
  });
});
