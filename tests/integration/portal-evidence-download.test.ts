import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { type TestDatabase } from '../support/db.js';
import { instanceId, type DemoIds } from '../support/demo.js';
import { rewriteEvidenceHash } from '../support/tamper.js';
import { type DemoPortal, type PortalClient, type PortalServer, startDemoPortal } from '../support/portal.js';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let auditor: PortalClient;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n`);

let ctx: DemoPortal;
beforeAll(async () => {
  ctx = await startDemoPortal('auditor');
  ({ t, demo, portal, client: auditor } = ctx);
});
afterAll(() => ctx.close());

/** A file stored and uploaded through the product (local storage under the runtime's DATA_DIR). */
async function uploaded(code: string, bytes: Buffer): Promise<{ id: string; key: string }> {
  const item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, code, '2026-11');
  const key = `${demo.tenantId}/${item}/download-${code}`;
  await portal.runtime.services.storage.put(key, Readable.from([bytes]), 'application/pdf');
  const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (unit, actor) => submitEvidence(unit, actor, {
    instanceId: item, channel: 'portal', file: { fileName: `${code}.pdf`, contentType: 'application/pdf', sizeBytes: bytes.length, sha256: sha(bytes), storageKey: key },
  }, new Date()));
  return { id: evidence.id, key };
}

const auditOf = async (id: string) => (await t.superuser<{ action: string; actor_id: string; after: Record<string, unknown> }>(
  "SELECT action, actor_id, after FROM audit_log WHERE object_id = $1 AND action LIKE 'evidence.download%' ORDER BY seq", [id])).rows;

describe('portal evidence download (local storage)', () => {
  it('re-hashes the stored file, serves it and says it matches the upload record', async () => {
    const bytes = pdf('PF ECR challan');
    const { id } = await uploaded('PF_ECR', bytes);
    const res = await auditor.get(`/admin/evidence/${id}/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-evidence-verified')).toBe('sha256 matches the upload record');
    expect(res.headers.get('x-evidence-sha256')).toBe(sha(bytes));
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    expect(await auditOf(id)).toEqual([{ action: 'evidence.downloaded', actor_id: demo.users.auditor, after: { version: 1, sha256: sha(bytes), verified: true } }]);
  });

  it('refuses a coordinated swap (file replaced, row rewritten to match), says what to do, and puts the refusal on the chain', async () => {
    const original = pdf('GSTR-3B November challan');
    const forged = pdf('a different challan');
    const { id, key } = await uploaded('GSTR3B_MONTHLY', original);
    await portal.runtime.services.storage.put(key, Readable.from([forged]), 'application/pdf');
    await rewriteEvidenceHash(t, id, forged);

    const res = await auditor.get(`/admin/evidence/${id}/download`);
    expect(res.status).toBe(409);
    expect(res.headers.get('x-evidence-verified')).toBeNull();
    const body = await res.text();
    expect(body).toContain('This file was not downloaded: it does not match what was uploaded.');
    expect(body).toContain('the stored file and its record were both replaced');
    expect(body).toContain('evidence verify');
    expect(body).not.toContain('a different challan');
    expect(await auditOf(id)).toEqual([{
      action: 'evidence.download_refused', actor_id: demo.users.auditor,
      after: { version: 1, problems: ['SWAPPED'], storedSha256: sha(forged), recordSha256: sha(forged), uploadSha256: sha(original) },
    }]);
  });

  it('refuses a file changed in storage only', async () => {
    const { id, key } = await uploaded('TDS_DEPOSIT', pdf('TDS challan'));
    await portal.runtime.services.storage.put(key, Readable.from([pdf('TDS challan, edited')]), 'application/pdf');
    const res = await auditor.get(`/admin/evidence/${id}/download`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('the stored file has changed since Priya Preparer uploaded it');
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['evidence.download_refused']);
  });

  it('refuses a row the audit trail never saw uploaded, though its file matches it', async () => {
    const bytes = pdf('planted');
    const item = await instanceId(t.db, demo.tenantId, demo.entities.software, 'PF_ECR', '2026-11');
    const key = `${demo.tenantId}/${item}/planted`;
    await portal.runtime.services.storage.put(key, Readable.from([bytes]), 'application/pdf');
    const [row] = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').insert({
      tenant_id: demo.tenantId, instance_id: item, version: 1, file_name: 'planted.pdf', content_type: 'application/pdf',
      size_bytes: bytes.length, sha256: sha(bytes), storage_key: key, uploaded_by: demo.users.owner, channel: 'portal',
    }).returning('id'));
    const res = await auditor.get(`/admin/evidence/${row.id}/download`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('the audit trail has no record of this file being uploaded');
  });
});
