/** A file to keep as evidence of one item, with the limit it must stay under. */
export interface EvidenceFileRequest {
  tenantId: string;
  instanceId: string;
  fileName: string;
  maxBytes: number;
}

export type StoredEvidenceFile =
  | { ok: true; storageKey: string; fileName: string; contentType: string; sizeBytes: number; sha256: string }
  | { ok: false; reason: string };

/**
 * Keeps evidence files: the type is judged by content, the SHA-256 and size are computed as the
 * file streams into storage, and a refused file leaves nothing behind (the reason says why).
 */
export interface EvidenceFiles {
  store(source: AsyncIterable<Uint8Array>, request: EvidenceFileRequest): Promise<StoredEvidenceFile>;
  /** Removes a stored file whose submission was refused: no file is left without its row. */
  remove(storageKey: string): Promise<void>;
}
