import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Runtime } from '../../app/runtime.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { storeEvidenceStream } from '../../infra/storage/store-evidence.js';
import { approveEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { testRuntime } from '../support/runtime.js';
import { rewriteEvidenceHash, withTriggersOff } from '../support/tamper.js';

let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;
const dataDir = mkdtempSync(path.join(tmpdir(), 'verify-'));

interface Uploaded { id: string; key: string; instanceId: string; label: RegExp }
/** The files uploaded through the product, by the part each plays below. */
const files: Record<'altered' | 'missing' | 'swapped' | 'approved' | 'sqlApproved' | 'sqlRejected' | 'deleted', Uploaded> = {} as never;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function upload(instanceId: string, name: string): Promise<Uploaded> {
  const stored = await storeEvidenceStream(runtime.services.storage, Readable.from([Buffer.from(`%PDF-1.7 ${name} challan`)]), { tenantId: demo.tenantId, instanceId, fileName: name, maxBytes: 1_000_000 });
  if (!stored.ok) throw new Error(stored.reason);
  const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) => submitEvidence(u, a, { instanceId, file: stored, channel: 'portal' }, DEMO_NOW));
  return { id: evidence.id, key: stored.storageKey, instanceId, label: new RegExp(`v1 "${name.replace('.', '\\.')}" \\(evidence ${evidence.id}\\)`) };
}

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  runtime = await testRuntime(t.url, { DATA_DIR: dataDir });
  const open = (await t.superuser<{ id: string }>("SELECT id FROM compliance_instances WHERE tenant_id = $1 AND status = 'pending' ORDER BY due_date, id LIMIT 7", [demo.tenantId])).rows;
  const parts = Object.keys({ altered: 0, missing: 0, swapped: 0, approved: 0, sqlApproved: 0, sqlRejected: 0, deleted: 0 }) as (keyof typeof files)[];
  for (const [i, part] of parts.entries()) files[part] = await upload(open[i]!.id, `${part}.pdf`);
  await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => approveEvidence(u, a, { instanceId: files.approved.instanceId, evidenceId: files.approved.id }, DEMO_NOW));
});
afterAll(async () => {
  await runtime.close();
  await t.drop();
});

const verify = () => runCli(['evidence', 'verify', '--tenant', 'demo'], { DATABASE_URL: t.url, DATA_DIR: dataDir });
const storedFile = (f: Uploaded) => path.join(dataDir, 'evidence', f.key);
/** The line `evidence verify` printed about a file, if any. */
const lineAbout = (stderr: string, f: Uploaded) => stderr.split('\n').find((line) => f.label.test(line));
/** The day the upload was written on the audit trail (the chain stamps the real time), as people read dates. */
async function uploadedOn(f: Uploaded): Promise<string> {
  const { rows } = await t.superuser<{ at: Date }>("SELECT occurred_at AS at FROM audit_log WHERE action = 'evidence.uploaded' AND object_id = $1", [f.id]);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Kolkata' }).format(rows[0]!.at);
}

describe('npm run cli -- evidence verify', () => {
  it('passes while every stored file matches its record and the audit trail, an approved one included', async () => {
    const ok = await verify();
    expect([ok.code, ok.stdout.trim()]).toEqual([0, 'All 7 stored evidence file(s) for "demo" match their records and the audit trail.']);
  });

  it('names a file altered in storage and a file gone missing, and exits 1', async () => {
    writeFileSync(storedFile(files.altered), '%PDF-1.7 swapped after upload');
    rmSync(storedFile(files.missing));
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(lineAbout(bad.stderr, files.altered)).toMatch(/^ALTERED {2}\S+ \S+ v1 "altered\.pdf" .*: the stored file has changed since Priya Preparer uploaded it on (.+): it hashes to [0-9a-f]{64}, the upload recorded [0-9a-f]{64} /);
    expect(lineAbout(bad.stderr, files.altered)).toContain(`uploaded it on ${await uploadedOn(files.altered)}:`);
    expect(lineAbout(bad.stderr, files.missing)).toMatch(/^MISSING {2}.*: no stored file at /);
    expect(bad.stderr).toContain('2 of 7 evidence file(s) for "demo" failed verification.');
  });

  it('catches a coordinated swap: the stored file replaced and its row rewritten to match it', async () => {
    const forged = '%PDF-1.7 a different challan';
    writeFileSync(storedFile(files.swapped), forged);
    await rewriteEvidenceHash(t, files.swapped.id, forged);
    const bad = await verify();
    expect(bad.code).toBe(1);
    const line = lineAbout(bad.stderr, files.swapped);
    expect(line).toMatch(/^SWAPPED {2}.*: the stored file and its record were both replaced: they agree with each other \([0-9a-f]{64}\), but when Priya Preparer uploaded it on .+ the audit trail recorded [0-9a-f]{64} \(entry #\d+\)/);
    expect(line).toContain(`uploaded it on ${await uploadedOn(files.swapped)} the audit trail recorded ${sha('%PDF-1.7 swapped.pdf challan')}`);
    expect(line).toContain(`(${sha(forged)})`);
  });

  it('catches a file approved by SQL as the application role, bypassing the approval step', async () => {
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ id: files.sqlApproved.id })
      .update({ review_status: 'approved', reviewed_by: demo.users.approver, reviewed_at: DEMO_NOW }));
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(lineAbout(bad.stderr, files.sqlApproved)).toMatch(
      /^UNRECORDED REVIEW {2}.*: marked approved by Arjun Approver, but the audit trail records no approval of this version: it was changed in the database directly, not through the approval step/);
  });

  it('catches a file rejected by SQL as the owner', async () => {
    await t.superuser("UPDATE evidence SET review_status = 'rejected', reviewed_by = $2, review_reason = 'not the challan' WHERE id = $1", [files.sqlRejected.id, demo.users.approver]);
    const bad = await verify();
    expect(lineAbout(bad.stderr, files.sqlRejected)).toMatch(/^UNRECORDED REVIEW {2}.*: marked rejected by Arjun Approver, but the audit trail records no rejection of this version/);
  });

  it('catches a row forged by SQL as the application role: no upload on the audit trail', async () => {
    const [row] = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').insert({
      tenant_id: demo.tenantId, instance_id: files.approved.instanceId, version: 2, file_name: 'forged.pdf', content_type: 'application/pdf',
      size_bytes: 10, sha256: sha('forged'), storage_key: `${demo.tenantId}/${files.approved.instanceId}/forged`, uploaded_by: demo.users.owner, channel: 'portal',
    }).returning('id'));
    const bad = await verify();
    const line = bad.stderr.split('\n').find((l) => l.includes(`(evidence ${row.id})`));
    expect(line).toMatch(/^NO UPLOAD RECORD {2}.* v2 "forged\.pdf" .*: the audit trail has no record of this file being uploaded: the row was written into the database directly, not by an upload/);
  });

  it('catches a row deleted by the owner: its upload is on the audit trail, its record gone', async () => {
    await expect(t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ id: files.deleted.id }).delete())).rejects.toThrow(/permission denied/);
    await withTriggersOff(t, 'evidence', () => t.superuser('DELETE FROM evidence WHERE id = $1', [files.deleted.id]));
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^DELETED {2}\\S+ \\S+ v1 "deleted\\.pdf" \\(evidence ${files.deleted.id}\\): uploaded by Priya Preparer on ${await uploadedOn(files.deleted)} \\(audit entry #\\d+\\), but its record is gone from the database`, 'm'));
  });

  it('never names the file that was uploaded and approved through the product, and sums up what to do', async () => {
    const bad = await verify();
    expect(lineAbout(bad.stderr, files.approved)).toBeUndefined();
    expect(bad.stderr).toContain('6 of 7 evidence file(s) for "demo" failed verification, and 1 uploaded file has no record any more.');
    expect(bad.stderr).toMatch(/Restore .* from a backup/);
  });
});
