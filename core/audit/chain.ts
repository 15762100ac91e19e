import { createHash } from 'node:crypto';

/**
 * The tamper-evident audit chain: one chain per tenant, each entry's hash covering the previous
 * entry's hash and a canonical encoding of the entry, so altering, removing or reordering any
 * entry breaks every hash after it.
 */

export const GENESIS_HASH = '0'.repeat(64);

export type ActorType = 'user' | 'platform_user' | 'system';

export interface AuditActor {
  type: ActorType;
  /** User id for users, a stable name (e.g. "seed", "job:generate-instances") for the system. */
  id: string;
  label?: string;
}

export interface AuditEntryInput {
  actor: AuditActor;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
}

/** An entry as it stands on the chain. */
export interface ChainedEntry {
  tenantId: string;
  seq: number;
  occurredAt: Date;
  actorType: ActorType;
  actorId: string;
  actorLabel: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level, so equal content always encodes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

export function entryHash(prevHash: string, entry: Omit<ChainedEntry, 'prevHash' | 'hash'>): string {
  const canonical = canonicalJson({
    tenantId: entry.tenantId,
    seq: entry.seq,
    occurredAt: entry.occurredAt.toISOString(),
    actorType: entry.actorType,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

export interface ChainBreak {
  seq: number;
  problem: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch';
  message: string;
}

/**
 * Checks entries fed in sequence order, in as many batches as the caller likes, and remembers
 * the first break.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private expectedPrev = GENESIS_HASH;
  checked = 0;
  firstBreak: ChainBreak | null = null;

  add(entry: ChainedEntry): void {
    if (this.firstBreak) return;
    this.checked += 1;
    if (entry.seq !== this.expectedSeq) {
      this.firstBreak = {
        seq: entry.seq,
        problem: 'sequence_gap',
        message: `expected entry #${this.expectedSeq} but found #${entry.seq}: entries were removed or inserted`,
      };
    } else if (entry.prevHash !== this.expectedPrev) {
      this.firstBreak = {
        seq: entry.seq,
        problem: 'prev_hash_mismatch',
        message: `entry #${entry.seq} does not link to the entry before it`,
      };
    } else if (entryHash(entry.prevHash, entry) !== entry.hash) {
      this.firstBreak = {
        seq: entry.seq,
        problem: 'hash_mismatch',
        message: `entry #${entry.seq} (${entry.action} on ${entry.objectType} ${entry.objectId}) was altered after it was written`,
      };
    }
    this.expectedSeq = entry.seq + 1;
    this.expectedPrev = entry.hash;
  }
}
