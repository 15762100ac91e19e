import { createHash } from 'node:crypto';
import type { TestDatabase } from './db.js';

/**
 * What the database owner can do and the application cannot: switch a table's triggers off
 * (the append-only and evidence guards with them), change it, and switch them on again.
 */
export async function withTriggersOff(t: TestDatabase, table: 'audit_log' | 'evidence', work: () => Promise<unknown>): Promise<void> {
  await t.superuser(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  try {
    await work();
  } finally {
    await t.superuser(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  }
}

/** The database half of a coordinated swap: the evidence row's hash and size rewritten to match other bytes. */
export const rewriteEvidenceHash = (t: TestDatabase, evidenceId: string, bytes: Buffer | string) => withTriggersOff(t, 'evidence', () =>
  t.superuser('UPDATE evidence SET sha256 = $2, size_bytes = $3 WHERE id = $1', [evidenceId, createHash('sha256').update(bytes).digest('hex'), Buffer.byteLength(bytes)]));
