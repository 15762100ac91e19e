import type { Knex } from 'knex';
import {
  ChainVerifier, GENESIS_HASH, entryHash,
  type AuditEntryInput, type ChainBreak, type ChainHead, type ChainedEntry,
} from '../../core/audit/chain.js';
import type { Database, TenantTx } from '../db/database.js';

interface AuditRow {
  tenant_id: string;
  seq: number;
  occurred_at: Date;
  actor_type: ChainedEntry['actorType'];
  actor_id: string;
  actor_label: string | null;
  action: string;
  object_type: string;
  object_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

const fromRow = (row: AuditRow): ChainedEntry => ({
  tenantId: row.tenant_id,
  seq: row.seq,
  occurredAt: row.occurred_at,
  actorType: row.actor_type,
  actorId: row.actor_id,
  actorLabel: row.actor_label,
  action: row.action,
  objectType: row.object_type,
  objectId: row.object_id,
  before: row.before,
  after: row.after,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** JSON values go to jsonb as text so that Date objects and nested arrays arrive intact. */
const asJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Appends entries to the tenant's chain inside the caller's transaction, so the entry commits
 * or rolls back with the change it records. A per-tenant transaction lock serialises writers:
 * each sees the true head, and the chain never forks.
 */
export async function appendAudit({ trx, tenantId }: TenantTx, inputs: AuditEntryInput | AuditEntryInput[]): Promise<ChainedEntry[]> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) return [];
  await trx.raw("SELECT pg_advisory_xact_lock(hashtextextended('audit:' || ?, 0))", [tenantId]);
  const head: Pick<AuditRow, 'seq' | 'hash'> | undefined = await trx('audit_log')
    .where({ tenant_id: tenantId }).orderBy('seq', 'desc').first('seq', 'hash');

  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  // Millisecond precision: the value read back must be the value that was hashed.
  const occurredAt = new Date();
  const entries: ChainedEntry[] = list.map((input) => {
    seq += 1;
    const entry = {
      tenantId,
      seq,
      occurredAt,
      actorType: input.actor.type,
      actorId: input.actor.id,
      actorLabel: input.actor.label ?? null,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId,
      // Round-trip through JSON so the hash covers exactly what jsonb will return.
      before: input.before === undefined ? null : JSON.parse(JSON.stringify(input.before)),
      after: input.after === undefined ? null : JSON.parse(JSON.stringify(input.after)),
    };
    const hash = entryHash(prevHash, entry);
    const chained = { ...entry, prevHash, hash };
    prevHash = hash;
    return chained;
  });

  await trx('audit_log').insert(
    entries.map((e) => ({
      tenant_id: e.tenantId,
      seq: e.seq,
      occurred_at: e.occurredAt,
      actor_type: e.actorType,
      actor_id: e.actorId,
      actor_label: e.actorLabel,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      before: asJson(e.before),
      after: asJson(e.after),
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
  );
  return entries;
}

export interface ChainReport {
  intact: boolean;
  entries: number;
  firstBreak: ChainBreak | null;
}

/** The furthest the tenant's chain ever reached, as the database recorded it (null: never recorded). */
async function recordedHead(trx: Knex, tenantId: string): Promise<ChainHead | null> {
  const row: Pick<AuditRow, 'seq' | 'hash'> | undefined = await trx('audit_heads').where({ tenant_id: tenantId }).first('seq', 'hash');
  return row ? { seq: row.seq, hash: row.hash } : null;
}

/**
 * Walks the tenant's whole chain in sequence order, in batches, and names the first break:
 * inside the chain, or against the head the database recorded (entries removed at the end,
 * history rewritten with recomputed hashes).
 */
export async function verifyAuditChain({ trx, tenantId }: TenantTx, batchSize = 5000): Promise<ChainReport> {
  const verifier = new ChainVerifier(await recordedHead(trx, tenantId));
  let after = 0;
  for (;;) {
    const rows: AuditRow[] = await (trx as Knex)('audit_log')
      .where({ tenant_id: tenantId }).andWhere('seq', '>', after)
      .orderBy('seq').limit(batchSize);
    for (const row of rows) verifier.add(fromRow(row));
    if (rows.length < batchSize || verifier.firstBreak) break;
    after = rows[rows.length - 1]!.seq;
  }
  const firstBreak = verifier.finish();
  return { intact: firstBreak === null, entries: verifier.checked, firstBreak };
}

/** The tenant's chain verified in a transaction of its own. */
export const verifyTenantChain = (db: Database, tenantId: string): Promise<ChainReport> => db.withTenant(tenantId, (tx) => verifyAuditChain(tx));
