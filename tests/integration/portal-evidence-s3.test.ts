import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import S3rver from 's3rver';
import { runAsUser } from '../../app/use-case-runner.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let s3: S3rver;
let evidenceId: string;
const file = Buffer.from('%PDF-1.7\nPF ECR November 2026 challan\n');

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
  const item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'PF_ECR', '2026-11');
  const key = `${demo.tenantId}/${item}/portal-s3-test`;
  await portal.runtime.services.storage.put(key, Readable.from(file), 'application/pdf');
  const result = await runAsUser(t.db, demo.tenantId, demo.users.owner, (unit, actor) => submitEvidence(unit, actor, {
    instanceId: item, channel: 'portal',
    file: { fileName: 'ECR Nov 2026.pdf', contentType: 'application/pdf', sizeBytes: file.length, sha256: createHash('sha256').update(file).digest('hex'), storageKey: key },
  }, new Date()));
  evidenceId = result.evidence.id;
});
afterAll(async () => {
  await portal.close();
  await t.drop();
  await s3.close();
});

it('an auditor downloads S3 evidence through a short-lived signed URL, and the download is audited', async () => {
  const client = await portal.login('auditor@demo.example', TEST_PASSWORD);
  const res = await client.get(`/admin/evidence/${evidenceId}/download`);
  expect(res.status).toBe(302);
  const signed = new URL(res.headers.get('location')!);
  expect(signed.searchParams.get('X-Amz-Expires')).toBe('300');
  expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  const download = await fetch(signed);
  expect(download.status).toBe(200);
  expect(Buffer.from(await download.arrayBuffer())).toEqual(file);
  expect(download.headers.get('content-disposition')).toContain('attachment; filename="ECR Nov 2026.pdf"');
  const audited = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('audit_log').where({ action: 'evidence.downloaded', object_id: evidenceId }).first('actor_id'));
  expect(audited?.actor_id).toBe(demo.users.auditor);
});

it('without a session the download route sends people to sign in', async () => {
  const res = await fetch(`${portal.url}/admin/evidence/${evidenceId}/download`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/admin/login');
});
