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
  problem: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'entries_removed' | 'history_rewritten' | 'head_missing';
  message: string;
}

/**
 * The furthest the chain ever reached, as the database recorded it when each entry was written
 * (in a table the application cannot lower). A chain that is internally consistent can still
 * have lost its newest entries, or have been rewritten with every hash recomputed: only a
 * comparison with this head shows it.
 */
export interface ChainHead {
  seq: number;
  hash: string;
}

const range = (from: number, to: number) => (from === to ? `entry #${from} was removed` : `entries #${from}–#${to} were removed`);

/**
 * Checks entries fed in sequence order, in as many batches as the caller likes, and remembers
 * the first break. Given the recorded head (null: none was recorded), `finish` also checks that
 * the chain still reaches it and still carries its hash.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private expectedPrev = GENESIS_HASH;
  private hashAtHead: string | undefined;
  checked = 0;
  firstBreak: ChainBreak | null = null;

  constructor(private readonly head?: ChainHead | null) {}

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
    if (entry.seq === this.head?.seq) this.hashAtHead = entry.hash;
    this.expectedSeq = entry.seq + 1;
    this.expectedPrev = entry.hash;
  }

  /** The first break, once every entry has been added: inside the chain first, then against the head. */
  finish(): ChainBreak | null {
    if (this.firstBreak || this.head === undefined) return this.firstBreak;
    const last = this.expectedSeq - 1;
    if (this.head === null) {
      if (last === 0) return null;
      this.firstBreak = {
        seq: 1,
        problem: 'head_missing',
        message: `the database holds no record of how far this chain reached (it has ${last} entries): they were written with the integrity triggers off, so removed entries at its end cannot be ruled out`,
      };
    } else if (last < this.head.seq) {
      this.firstBreak = {
        seq: last + 1,
        problem: 'entries_removed',
        message: `${range(last + 1, this.head.seq)}: the chain once reached #${this.head.seq}`,
      };
    } else if (this.hashAtHead !== this.head.hash) {
      this.firstBreak = {
        seq: this.head.seq,
        problem: 'history_rewritten',
        message: `entry #${this.head.seq} does not carry the hash recorded when the chain reached it: entries up to #${this.head.seq} were rewritten (or removed and written again) with their hashes recomputed`,
      };
    }
    return this.firstBreak;
  }
}

/**
 * What still holds after a break, and what to do, in words for whoever ran the check (the CLI
 * and the portal say the same).
 */
export function breakConsequence(entries: number, found: ChainBreak): string {
  const restore = 'Restore the audit log from a backup taken before the change and find out who had owner access to the database.';
  switch (found.problem) {
    case 'entries_removed':
      return `The ${entries} entries before them verified. ${restore}`;
    case 'history_rewritten':
    case 'head_missing':
      return `The entries link up with each other, but they are not the chain the database recorded as it was written. ${restore}`;
    default:
      return `${entries - 1} entries before it verified. ${restore}`;
  }
}
