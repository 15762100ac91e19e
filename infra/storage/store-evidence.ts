import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { checkFileName, classifyFile, formatBytes, type EvidenceType } from '../../core/evidence/file-policy.js';
import type { EvidenceStorage } from '../../core/ports/evidence-storage.js';

const SNIFF_BYTES = 4096;

export interface StoreRequest {
  tenantId: string;
  instanceId: string;
  fileName: string;
  maxBytes: number;
  allowed?: EvidenceType[];
}

export type StoreResult =
  | { ok: true; storageKey: string; fileName: string; contentType: string; sizeBytes: number; sha256: string }
  | { ok: false; reason: string };

class TooLarge extends Error {}

/**
 * Streams a file into storage without holding it in memory: the type is decided from its
 * first bytes before anything is written, SHA-256 and size are computed as it flows, and a
 * file over the limit is stopped and removed. A refused file leaves nothing behind.
 */
export async function storeEvidenceStream(storage: EvidenceStorage, source: AsyncIterable<Uint8Array>, request: StoreRequest): Promise<StoreResult> {
  const name = checkFileName(request.fileName);
  if (!name.ok) return { ok: false, reason: name.reason };
  const chunks = source[Symbol.asyncIterator]();

  // Read just enough to judge the content.
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(Buffer.from(next.value));
    headBytes += next.value.length;
  }
  const first = Buffer.concat(head);
  const verdict = classifyFile(first.subarray(0, SNIFF_BYTES), name.name, request.allowed);
  if (!verdict.ok) {
    await chunks.return?.();
    return { ok: false, reason: verdict.reason };
  }

  const tooLarge = `it is larger than the ${formatBytes(request.maxBytes)} limit`;
  const key = `${request.tenantId}/${request.instanceId}/${randomUUID()}`;
  const hash = createHash('sha256');
  let size = 0;
  let overLimit = false;
  const count = (chunk: Buffer) => {
    size += chunk.length;
    if (size > request.maxBytes) {
      overLimit = true;
      throw new TooLarge();
    }
    hash.update(chunk);
    return chunk;
  };
  async function* body(): AsyncGenerator<Buffer> {
    yield count(first);
    if (ended) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield count(Buffer.from(next.value));
    }
  }
  try {
    await storage.put(key, Readable.from(body()), verdict.contentType);
  } catch (error) {
    await storage.remove(key).catch(() => undefined);
    await chunks.return?.();
    // The storage may report its own clean-up error instead of ours (aborting a multipart upload).
    if (overLimit) return { ok: false, reason: tooLarge };
    throw error;
  }
  return { ok: true, storageKey: key, fileName: name.name, contentType: verdict.contentType, sizeBytes: size, sha256: hash.digest('hex') };
}

/** Re-reads a stored object and returns its SHA-256 (for `evidence verify` and before a signed download URL). */
export async function hashStoredObject(storage: EvidenceStorage, key: string): Promise<string> {
  return (await readStoredObject(storage, key, 0)).sha256;
}

/**
 * Reads a stored object whole with its SHA-256, so that what is checked is exactly what is
 * served (no window for the file to change in between). At most `keepBytes` are held in memory
 * (the recorded size): a larger object is hashed to the end but its bytes are not kept, as it
 * cannot be the file that was uploaded.
 */
export async function readStoredObject(storage: EvidenceStorage, key: string, keepBytes: number): Promise<{ sha256: string; bytes: Buffer | null }> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  for await (const chunk of await storage.get(key)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
    if (size <= keepBytes) kept.push(bytes);
  }
  return { sha256: hash.digest('hex'), bytes: size <= keepBytes ? Buffer.concat(kept) : null };
}
