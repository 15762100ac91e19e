import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Runtime } from '../../app/runtime.js';
import { runAsUser } from '../../app/use-case-runner.js';
import { storeEvidenceStream } from '../../core/infra/storage/store-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { testRuntime } from '../support/runtime.js';

let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;
const dataDir = mkdtempSync(path.join(tmpdir(), 'verify-'));
const keys: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  runtime = await testRuntime(t.url, { DATA_DIR: dataDir });
  for (const [code, name] of [['GSTR3B_MONTHLY', 'gstr3b-oct.pdf'], ['PF_ECR', 'ecr-oct.pdf']] as const) {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, code, '2026-10');
    const stored = await storeEvidenceStream(runtime.services.storage, Readable.from([Buffer.from(`%PDF-1.7 ${code} challan`)]), { tenantId: demo.tenantId, instanceId: id, fileName: name, maxBytes: 1_000_000 });
    if (!stored.ok) throw new Error(stored.reason);
    keys.push(stored.storageKey);
    await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) => submitEvidence(u, a, { instanceId: id, file: stored, channel: 'portal' }, DEMO_NOW));
  }
});
afterAll(async () => {
  await runtime.close();
  await t.drop();
});

const verify = () => runCli(['evidence', 'verify', '--tenant', 'demo'], { DATABASE_URL: t.url, DATA_DIR: dataDir });

describe('npm run cli -- evidence verify', () => {
  it('passes while every stored file matches its recorded hash', async () => {
    const ok = await verify();
    expect([ok.code, ok.stdout.trim()]).toEqual([0, 'All 2 stored evidence file(s) for "demo" match their recorded SHA-256.']);
  });

  it('names a file altered in storage and a file gone missing, and exits 1', async () => {
    writeFileSync(path.join(dataDir, 'evidence', keys[0]!), '%PDF-1.7 swapped after upload');
    rmSync(path.join(dataDir, 'evidence', keys[1]!));
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^ALTERED {2}GSTR3B_MONTHLY 2026-10 v1 "gstr3b-oct\.pdf"/m);
    expect(bad.stderr).toMatch(/^MISSING {2}PF_ECR 2026-10 v1 "ecr-oct\.pdf"/m);
    expect(bad.stderr).toContain('2 of 2 evidence file(s) for "demo" failed verification.');
  });
});
