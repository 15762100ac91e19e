import type { Knex } from 'knex';
import { formatDate, todayIn } from '../../core/engine/dates.js';
import { verifyAuditChain, type ChainReport } from '../audit/audit-store.js';
import type { Database, TenantTx } from '../db/database.js';

/**
 * Evidence as three witnesses tell it: the stored bytes, the evidence row, and the audit chain
 * (the upload's SHA-256, size, name and uploader; each review). The row and the bytes can be
 * rewritten together by someone with database and storage access; the chain cannot be without
 * `audit verify` noticing. So every check here compares with the chain, and says in words which
 * link broke.
 */

export interface EvidenceOnRecord {
  id: string;
  instanceId: string;
  version: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  reviewStatus: 'pending' | 'approved' | 'rejected' | 'superseded';
  reviewedBy: string | null;
  /** `CODE period vN "file name" (evidence id)`, as people find it in the portal. */
  label: string;
}

interface TrailEntry {
  seq: number;
  action: string;
  objectId: string;
  actorId: string;
  actorLabel: string | null;
  occurredAt: Date;
  after: Record<string, unknown>;
}

export interface EvidenceTrail {
  rows: EvidenceOnRecord[];
  uploads: Map<string, TrailEntry>;
  reviews: Map<string, TrailEntry[]>;
  /** People by id, for names instead of ids. */
  names: Map<string, string>;
  /** Labels of items by id, for uploads whose row is gone. */
  items: Map<string, string>;
  timezone: string;
  /** The tenant's slug, for the commands people are told to run. */
  slug: string;
}

export type FindingKind = 'ALTERED' | 'MISSING' | 'SWAPPED' | 'RECORD CHANGED' | 'NO UPLOAD RECORD' | 'UNRECORDED REVIEW' | 'DELETED';

export interface EvidenceFinding {
  kind: FindingKind;
  evidenceId: string;
  label: string;
  /** What is wrong, in a sentence (no trailing full stop). */
  detail: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVIDENCE_ACTIONS = ['evidence.uploaded', 'evidence.approved', 'evidence.rejected'];
const REVIEW_WORDS = { approved: ['evidence.approved', 'approval'], rejected: ['evidence.rejected', 'rejection'] } as const;
const labelOf = (item: string, version: number, fileName: string, id: string) => `${item} v${version} "${fileName}" (evidence ${id})`;

/** The tenant's evidence rows (all, or one) with every audit entry about them. */
export async function loadEvidenceTrail({ trx, tenantId }: TenantTx, evidenceId?: string): Promise<EvidenceTrail> {
  const only = (column: string) => (query: Knex.QueryBuilder) => {
    if (evidenceId) query.where(column, evidenceId);
  };
  const rows: Record<string, unknown>[] = await trx('evidence as v')
    .join('compliance_instances as i', function () { this.on('i.tenant_id', 'v.tenant_id').andOn('i.id', 'v.instance_id'); })
    .join('compliance_masters as m', 'm.id', 'i.master_id')
    .where('v.tenant_id', tenantId)
    .orderBy(['m.code', 'i.period_key', 'v.version'])
    .modify(only('v.id'))
    .select('v.*', 'm.code', 'i.period_key');
  const entries: Record<string, unknown>[] = await trx('audit_log')
    .where({ tenant_id: tenantId, object_type: 'evidence' }).whereIn('action', EVIDENCE_ACTIONS)
    .modify(only('object_id'))
    .orderBy('seq').select('seq', 'action', 'object_id', 'actor_id', 'actor_label', 'occurred_at', 'after');

  const trail: EvidenceTrail = {
    rows: rows.map((r) => ({
      id: r.id as string, instanceId: r.instance_id as string, version: r.version as number, fileName: r.file_name as string,
      sizeBytes: r.size_bytes as number, sha256: r.sha256 as string, storageKey: r.storage_key as string, uploadedBy: r.uploaded_by as string,
      reviewStatus: r.review_status as EvidenceOnRecord['reviewStatus'], reviewedBy: r.reviewed_by as string | null,
      label: labelOf(`${r.code} ${r.period_key}`, r.version as number, r.file_name as string, r.id as string),
    })),
    uploads: new Map(), reviews: new Map(), names: new Map(), items: new Map(), timezone: 'Asia/Kolkata', slug: '',
  };
  for (const e of entries) {
    const entry: TrailEntry = {
      seq: e.seq as number, action: e.action as string, objectId: e.object_id as string, actorId: e.actor_id as string,
      actorLabel: e.actor_label as string | null, occurredAt: e.occurred_at as Date, after: (e.after ?? {}) as Record<string, unknown>,
    };
    // The first upload entry is the upload; the chain never records a second one for the same id.
    if (entry.action === 'evidence.uploaded') { if (!trail.uploads.has(entry.objectId)) trail.uploads.set(entry.objectId, entry); }
    else trail.reviews.set(entry.objectId, [...(trail.reviews.get(entry.objectId) ?? []), entry]);
  }
  const people: { id: string; name: string }[] = await trx('users').where({ tenant_id: tenantId }).select('id', 'name');
  for (const p of people) trail.names.set(p.id, p.name);
  const present = new Set(trail.rows.map((r) => r.id));
  // Whatever an entry says is only text: an item id that is not a uuid names no item.
  const orphans = [...trail.uploads.values()].filter((u) => !present.has(u.objectId)).map((u) => String(u.after.instanceId)).filter((id) => UUID.test(id));
  if (orphans.length > 0) {
    const items: { id: string; code: string; period_key: string }[] = await trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
      .where('i.tenant_id', tenantId).whereIn('i.id', orphans).select('i.id', 'm.code', 'i.period_key');
    for (const i of items) trail.items.set(i.id, `${i.code} ${i.period_key}`);
  }
  const tenant = await trx('tenants').where({ id: tenantId }).first('timezone', 'slug');
  if (tenant) Object.assign(trail, { timezone: tenant.timezone, slug: tenant.slug });
  return trail;
}

const person = (trail: EvidenceTrail, id: string | null) => (id ? trail.names.get(id) ?? `person ${id}` : 'nobody');
const when = (trail: EvidenceTrail, at: Date) => formatDate(todayIn(trail.timezone, at));
const actorOf = (trail: EvidenceTrail, entry: TrailEntry) => entry.actorLabel ?? person(trail, entry.actorId);

/**
 * The stored bytes (their SHA-256; null when the object is missing; undefined when storage was
 * not read) against the row and the upload on the chain. The download route, `evidence verify`
 * and the portal's Verify chain all ask this.
 */
export function fileFindings(trail: EvidenceTrail, row: EvidenceOnRecord, stored?: string | null): EvidenceFinding[] {
  const found = (kind: FindingKind, detail: string): EvidenceFinding => ({ kind, evidenceId: row.id, label: row.label, detail });
  const out: EvidenceFinding[] = [];
  const upload = trail.uploads.get(row.id);
  if (!upload) out.push(found('NO UPLOAD RECORD', 'the audit trail has no record of this file being uploaded: the row was written into the database directly, not by an upload'));
  if (stored === null) out.push(found('MISSING', `no stored file at ${row.storageKey}`));
  if (!upload) {
    if (stored && stored !== row.sha256) out.push(found('ALTERED', `the stored file does not match its record either: it hashes to ${stored}, the record says ${row.sha256}`));
    return out;
  }
  const recorded = String(upload.after.sha256);
  const who = actorOf(trail, upload);
  const day = when(trail, upload.occurredAt);
  const entry = `entry #${upload.seq}`;
  if (row.sha256 === recorded) {
    if (stored && stored !== recorded) out.push(found('ALTERED', `the stored file has changed since ${who} uploaded it on ${day}: it hashes to ${stored}, the upload recorded ${recorded} (${entry})`));
  } else if (stored && stored === row.sha256) {
    out.push(found('SWAPPED', `the stored file and its record were both replaced: they agree with each other (${stored}), but when ${who} uploaded it on ${day} the audit trail recorded ${recorded} (${entry})`));
  } else if (!stored || stored === recorded) {
    out.push(found('RECORD CHANGED', `its record's SHA-256 was rewritten to ${row.sha256}; when ${who} uploaded it on ${day} the audit trail recorded ${recorded} (${entry})${stored ? ', and the stored file still matches that' : ''}`));
  } else {
    out.push(found('ALTERED', `the stored file (${stored}), its record (${row.sha256}) and the upload on the audit trail (${recorded}, ${entry}) all differ`));
  }
  // Only when the hash agrees: a rewritten hash already says the record changed.
  const changed = row.sha256 !== recorded ? [] : [
    upload.after.fileName !== row.fileName && `file name "${row.fileName}" (uploaded as "${String(upload.after.fileName)}")`,
    upload.after.sizeBytes !== row.sizeBytes && `size ${row.sizeBytes} bytes (uploaded: ${String(upload.after.sizeBytes)})`,
    upload.actorId !== row.uploadedBy && `uploader ${person(trail, row.uploadedBy)} (uploaded by ${who})`,
  ].filter((c): c is string => typeof c === 'string');
  if (changed.length > 0) out.push(found('RECORD CHANGED', `its record was changed after the upload (${entry}): ${changed.join(', ')}`));
  return out;
}

/**
 * The row's review status and reviewer against the reviews on the chain: an approval or
 * rejection written by SQL has no entry of its own.
 */
export function reviewFindings(trail: EvidenceTrail, row: EvidenceOnRecord): EvidenceFinding[] {
  const found = (detail: string): EvidenceFinding[] => [{ kind: 'UNRECORDED REVIEW', evidenceId: row.id, label: row.label, detail }];
  const last = trail.reviews.get(row.id)?.at(-1);
  const lastWords = last && `${last.action === 'evidence.approved' ? 'approved' : 'rejected'} by ${actorOf(trail, last)} on ${when(trail, last.occurredAt)} (entry #${last.seq})`;
  if (row.reviewStatus === 'approved' || row.reviewStatus === 'rejected') {
    const [action, noun] = REVIEW_WORDS[row.reviewStatus];
    const marked = `marked ${row.reviewStatus} by ${person(trail, row.reviewedBy)}`;
    if (!last || last.action !== action) {
      return found(`${marked}, but the audit trail records no ${noun} of this version${lastWords ? ` (its last review: ${lastWords})` : ''}: it was changed in the database directly, not through the ${row.reviewStatus === 'approved' ? 'approval' : 'review'} step`);
    }
    if (last.actorId !== row.reviewedBy) return found(`${marked}, but the audit trail records the ${noun} by ${actorOf(trail, last)} (entry #${last.seq})`);
    if (row.reviewStatus === 'approved' && last.after.sha256 !== row.sha256) {
      return found(`approved as ${String(last.after.sha256)} (entry #${last.seq}), but its record now says ${row.sha256}`);
    }
    return [];
  }
  if (lastWords) return found(`marked ${row.reviewStatus}, but the audit trail records it ${lastWords}`);
  if (row.reviewStatus === 'superseded') {
    const newer = [...trail.uploads.values()].some((u) => u.after.instanceId === row.instanceId && Number(u.after.version) > row.version);
    if (!newer) return found('marked superseded, but no newer version of this item was uploaded');
  }
  return [];
}

/** Uploads on the chain whose evidence row is gone. */
export function deletedFindings(trail: EvidenceTrail): EvidenceFinding[] {
  const present = new Set(trail.rows.map((r) => r.id));
  return [...trail.uploads.values()].filter((u) => !present.has(u.objectId)).map((u) => ({
    kind: 'DELETED' as const,
    evidenceId: u.objectId,
    label: labelOf(trail.items.get(String(u.after.instanceId)) ?? `item ${String(u.after.instanceId)}`, Number(u.after.version), String(u.after.fileName), u.objectId),
    detail: `uploaded by ${actorOf(trail, u)} on ${when(trail, u.occurredAt)} (audit entry #${u.seq}), but its record is gone from the database`,
  }));
}

/** Every row and upload checked against the chain, without reading storage. */
export function recordFindings(trail: EvidenceTrail): EvidenceFinding[] {
  return [
    ...trail.rows.flatMap((row) => [...fileFindings(trail, row), ...reviewFindings(trail, row)]),
    ...deletedFindings(trail),
  ];
}

/** Every evidence row with its audit entries, and the chain they stand on verified, in one read of the tenant. */
export const evidenceTrailAndChain = (db: Database, tenantId: string): Promise<{ trail: EvidenceTrail; chain: ChainReport }> =>
  db.withTenant(tenantId, async (tx) => ({ trail: await loadEvidenceTrail(tx), chain: await verifyAuditChain(tx) }));
