import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import S3rver from 's3rver';
import { localStorage } from '../../infra/storage/local-storage.js';
import { s3Storage } from '../../infra/storage/s3-storage.js';
import type { EvidenceStorage } from '../../core/ports/evidence-storage.js';
import { hashStoredObject, readStoredObject, storeEvidenceStream } from '../../infra/storage/store-evidence.js';

const MB = 1024 * 1024;
const LIMIT = 25 * MB;
let s3server: S3rver;
const stores: Record<string, EvidenceStorage> = {};
const localRoot = mkdtempSync(path.join(tmpdir(), 'evidence-'));

beforeAll(async () => {
  stores.local = localStorage(localRoot);
  s3server = new S3rver({ port: 0, address: '127.0.0.1', directory: mkdtempSync(path.join(tmpdir(), 's3rver-')), silent: true, configureBuckets: [{ name: 'evidence' }] });
  const { port } = await s3server.run();
  stores.s3 = s3Storage({
    bucket: 'evidence', region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true,
    accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', serverSideEncryption: false,
  });
});
afterAll(() => s3server.close());

/** A file as Slack would stream it: in chunks, never all at once. */
async function* chunked(content: Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < content.length; i += size) yield content.subarray(i, i + size);
}
const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(Math.max(0, bytes - 9), 0x20)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const request = (fileName: string) => ({ tenantId: 't1', instanceId: 'i1', fileName, maxBytes: LIMIT });

describe.each(['local', 's3'])('evidence storage (%s)', (kind) => {
  const store = () => stores[kind]!;

  it('stores a PDF under a generated key with the SHA-256 of its bytes', async () => {
    const file = pdf(3 * MB + 17);
    const result = await storeEvidenceStream(store(), chunked(file), request('GSTR-3B Nov 2026.pdf'));
    expect(result).toEqual({ ok: true, storageKey: expect.stringMatching(/^t1\/i1\/[0-9a-f-]{36}$/), fileName: 'GSTR-3B Nov 2026.pdf', contentType: 'application/pdf', sizeBytes: file.length, sha256: sha(file) });
    if (!result.ok) return;
    expect(await hashStoredObject(store(), result.storageKey)).toBe(sha(file));
  });

  it('stores a 12 MB file (uploaded in parts) intact', async () => {
    const file = pdf(12 * MB);
    const result = await storeEvidenceStream(store(), chunked(file), request('annual-return.pdf'));
    expect(result).toMatchObject({ ok: true, sizeBytes: file.length, sha256: sha(file) });
    if (result.ok) expect(await hashStoredObject(store(), result.storageKey)).toBe(sha(file));
  });

  it.each([
    ['a 30 MB file', pdf(30 * MB), 'big.pdf', 'it is larger than the 25.0 MB limit'],
    ['a program renamed .pdf', Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0]), Buffer.alloc(1000)]), 'challan.pdf', 'it is a Windows program (.exe), whatever its name says'],
    ['an empty file', Buffer.alloc(0), 'empty.pdf', 'the file is empty (0 bytes)'],
    ['a name with ../', pdf(1000), '../../etc/evil.pdf', 'the name "../../etc/evil.pdf" looks like a path; rename it to a plain file name'],
  ])('refuses %s and leaves nothing stored', async (_what, file, name, reason) => {
    const before = await store().list('t1/i2/');
    const result = await storeEvidenceStream(store(), chunked(file), { ...request(name), instanceId: 'i2' });
    expect(result).toEqual({ ok: false, reason });
    expect(await store().list('t1/i2/')).toEqual(before);
  });

  it('reads an object whole with its hash, and holds none of one larger than the recorded size', async () => {
    const file = pdf(200 * 1024);
    const result = await storeEvidenceStream(store(), chunked(file), request('read-back.pdf'));
    if (!result.ok) throw new Error(result.reason);
    expect(await readStoredObject(store(), result.storageKey, file.length)).toEqual({ sha256: sha(file), bytes: file });
    expect(await readStoredObject(store(), result.storageKey, file.length - 1)).toEqual({ sha256: sha(file), bytes: null });
  });

  it('notices an object altered in storage', async () => {
    const file = pdf(2048);
    const result = await storeEvidenceStream(store(), chunked(file), request('ack.pdf'));
    if (!result.ok) throw new Error(result.reason);
    await store().put(result.storageKey, (await import('node:stream')).Readable.from([Buffer.from('%PDF-1.7 forged')]), 'application/pdf');
    expect(await hashStoredObject(store(), result.storageKey)).not.toBe(result.sha256);
  });
});

it('leaves no partial files behind in the local folder', () => {
  const files = readdirSync(localRoot, { recursive: true }).map(String);
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
});
