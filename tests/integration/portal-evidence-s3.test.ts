import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import S3rver from 's3rver';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { rewriteEvidenceHash } from '../support/tamper.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let s3: S3rver;
let evidenceId: string;
const file = Buffer.from('%PDF-1.7\nPF ECR November 2026 challan\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file put in the bucket and uploaded through the product for one of the demo manufacturer's November items. */
async function upload(code: string, bytes: Buffer, fileName = `${code}.pdf`): Promise<{ id: string; key: string }> {
  const item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, code, '2026-11');
  const key = `${demo.tenantId}/${item}/portal-s3-${code}`;
  await portal.runtime.services.storage.put(key, Readable.from(bytes), 'application/pdf');
  const result = await runAsUser(t.db, demo.tenantId, demo.users.owner, (unit, actor) => submitEvidence(unit, actor, {
    instanceId: item, channel: 'portal', file: { fileName, contentType: 'application/pdf', sizeBytes: bytes.length, sha256: sha(bytes), storageKey: key },
  }, new Date()));
  return { id: result.evidence.id, key };
}

beforeAll(async () => {
  s3 = new S3rver({ port: 0, address: '127.0.0.1', directory: mkdtempSync(path.join(tmpdir(), 's3rver-')), silent: true, configureBuckets: [{ name: 'evidence' }] });
  const { port } = await s3.run();
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.auditor);
  portal = await startPortalServer(t.url, {
    S3_BUCKET: 'evidence', S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_FORCE_PATH_STYLE: 'on',
    S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_SERVER_SIDE_ENCRYPTION: 'off',
  });
  evidenceId = (await upload('PF_ECR', file, 'ECR Nov 2026.pdf')).id;
});
afterAll(async () => {
  await portal.close();
  await t.drop();
  await s3.close();
});

it('an auditor downloads S3 evidence through a short-lived signed URL once the object is verified, and the download is audited', async () => {
  const client = await portal.login('auditor@demo.example', TEST_PASSWORD);
  const res = await client.get(`/admin/evidence/${evidenceId}/download`);
  expect(res.status).toBe(302);
  expect(res.headers.get('x-evidence-verified')).toBe('sha256 matches the upload record');
  expect(res.headers.get('x-evidence-sha256')).toBe(sha(file));
  const signed = new URL(res.headers.get('location')!);
  expect(signed.searchParams.get('X-Amz-Expires')).toBe('300');
  expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  const download = await fetch(signed);
  expect(download.status).toBe(200);
  expect(Buffer.from(await download.arrayBuffer())).toEqual(file);
  expect(download.headers.get('content-disposition')).toContain('attachment; filename="ECR Nov 2026.pdf"');
  const audited = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('audit_log').where({ action: 'evidence.downloaded', object_id: evidenceId }).first('actor_id', 'after'));
  expect(audited).toEqual({ actor_id: demo.users.auditor, after: { version: 1, sha256: sha(file), verified: true } });
});

it('an object swapped in the bucket, its row rewritten to match, gets no signed URL: 409, and the refusal is audited', async () => {
  const original = Buffer.from('%PDF-1.7\nESI challan November 2026\n');
  const forged = Buffer.from('%PDF-1.7\nsome other challan\n');
  const { id, key } = await upload('GSTR3B_MONTHLY', original);
  await portal.runtime.services.storage.put(key, Readable.from(forged), 'application/pdf');
  await rewriteEvidenceHash(t, id, forged);
  const client = await portal.login('auditor@demo.example', TEST_PASSWORD);
  const res = await client.get(`/admin/evidence/${id}/download`);
  expect(res.status).toBe(409);
  expect(res.headers.get('location')).toBeNull();
  const body = await res.text();
  expect(body).toContain('This file was not downloaded: it does not match what was uploaded.');
  expect(body).toContain('evidence verify --tenant demo');
  const refused = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('audit_log').where({ object_id: id }).whereLike('action', 'evidence.download%').select('action', 'after'));
  expect(refused).toEqual([{ action: 'evidence.download_refused', after: { version: 1, problems: ['SWAPPED'], storedSha256: sha(forged), recordSha256: sha(forged), uploadSha256: sha(original) } }]);
});

it('without a session the download route sends people to sign in', async () => {
  const res = await fetch(`${portal.url}/admin/evidence/${evidenceId}/download`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/admin/login');
});
