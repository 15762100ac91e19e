import { describe, expect, it } from '@jest/globals';
import { deletedFindings, fileFindings, reviewFindings, type EvidenceOnRecord, type EvidenceTrail } from '../../infra/storage/evidence-trail.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const AT = new Date('2026-11-26T06:00:00Z');

function row(over: Partial<EvidenceOnRecord> = {}): EvidenceOnRecord {
  return {
    id: 'e1', instanceId: 'i1', version: 1, fileName: 'challan.pdf', sizeBytes: 100, sha256: A, storageKey: 't/i1/k1',
    uploadedBy: 'u-owner', reviewStatus: 'pending', reviewedBy: null, label: 'PF_ECR 2026-11 v1 "challan.pdf" (evidence e1)', ...over,
  };
}

/** A trail in which e1 was uploaded by Priya (entry #7) and, optionally, reviewed. */
function trail(rows: EvidenceOnRecord[], reviews: { action: string; actorId: string; after?: Record<string, unknown> }[] = [], extraUploads: Record<string, unknown>[] = []): EvidenceTrail {
  const upload = (seq: number, after: Record<string, unknown>) => ({ seq, action: 'evidence.uploaded', objectId: String(after.id), actorId: 'u-owner', actorLabel: 'Priya Preparer', occurredAt: AT, after });
  return {
    rows,
    uploads: new Map([
      ['e1', upload(7, { id: 'e1', instanceId: 'i1', version: 1, fileName: 'challan.pdf', sizeBytes: 100, sha256: A })],
      ...extraUploads.map((u, i) => [String(u.id), upload(20 + i, u)] as const),
    ]),
    reviews: new Map(reviews.length ? [['e1', reviews.map((r, i) => ({ seq: 10 + i, objectId: 'e1', actorLabel: 'Arjun Approver', occurredAt: AT, after: { sha256: A }, ...r }))]] : []),
    names: new Map([['u-owner', 'Priya Preparer'], ['u-approver', 'Arjun Approver'], ['u-cfo', 'Meera CFO']]),
    items: new Map([['i1', 'PF_ECR 2026-11']]),
    timezone: 'Asia/Kolkata',
    slug: 'demo',
  };
}

const kinds = (findings: { kind: string }[]) => findings.map((f) => f.kind);

describe('fileFindings', () => {
  it('finds nothing when bytes, row and upload agree, or when storage was not read', () => {
    expect(fileFindings(trail([row()]), row(), A)).toEqual([]);
    expect(fileFindings(trail([row()]), row())).toEqual([]);
  });

  it('tells a rewritten record from a swap and from a file changed in storage', () => {
    const rewritten = row({ sha256: B });
    expect(kinds(fileFindings(trail([rewritten]), rewritten, A))).toEqual(['RECORD CHANGED']);
    expect(fileFindings(trail([rewritten]), rewritten, A)[0]!.detail).toBe(
      `its record's SHA-256 was rewritten to ${B}; when Priya Preparer uploaded it on 26 Nov 2026 the audit trail recorded ${A} (entry #7), and the stored file still matches that`);
    expect(kinds(fileFindings(trail([rewritten]), rewritten, B))).toEqual(['SWAPPED']);
    expect(kinds(fileFindings(trail([rewritten]), rewritten, C))).toEqual(['ALTERED']);
    expect(kinds(fileFindings(trail([row()]), row(), C))).toEqual(['ALTERED']);
    expect(kinds(fileFindings(trail([row()]), row(), null))).toEqual(['MISSING']);
  });

  it('names a file name, size or uploader changed in the record', () => {
    const renamed = row({ fileName: 'other.pdf', uploadedBy: 'u-cfo' });
    expect(fileFindings(trail([renamed]), renamed, A).map((f) => f.detail)).toEqual([
      'its record was changed after the upload (entry #7): file name "other.pdf" (uploaded as "challan.pdf"), uploader Meera CFO (uploaded by Priya Preparer)',
    ]);
  });

  it('calls a row without an upload entry forged, whatever its file', () => {
    const forged = row({ id: 'e9' });
    expect(kinds(fileFindings(trail([forged]), forged, A))).toEqual(['NO UPLOAD RECORD']);
    expect(kinds(fileFindings(trail([forged]), forged, null))).toEqual(['NO UPLOAD RECORD', 'MISSING']);
  });
});

describe('reviewFindings', () => {
  it('accepts an approval or rejection the chain records by the same person', () => {
    const approved = row({ reviewStatus: 'approved', reviewedBy: 'u-approver' });
    expect(reviewFindings(trail([approved], [{ action: 'evidence.approved', actorId: 'u-approver' }]), approved)).toEqual([]);
    const rejected = row({ reviewStatus: 'rejected', reviewedBy: 'u-approver' });
    expect(reviewFindings(trail([rejected], [{ action: 'evidence.rejected', actorId: 'u-approver' }]), rejected)).toEqual([]);
  });

  it('names a reviewer the chain does not record, and an approval of other bytes', () => {
    const approved = row({ reviewStatus: 'approved', reviewedBy: 'u-cfo' });
    expect(reviewFindings(trail([approved], [{ action: 'evidence.approved', actorId: 'u-approver' }]), approved)[0]!.detail)
      .toBe('marked approved by Meera CFO, but the audit trail records the approval by Arjun Approver (entry #10)');
    const other = row({ reviewStatus: 'approved', reviewedBy: 'u-approver' });
    expect(reviewFindings(trail([other], [{ action: 'evidence.approved', actorId: 'u-approver', after: { sha256: B } }]), other)[0]!.detail)
      .toBe(`approved as ${B} (entry #10), but its record now says ${A}`);
  });

  it('names a rejection turned back to pending, and an approval turned into a rejection', () => {
    const pending = row();
    expect(reviewFindings(trail([pending], [{ action: 'evidence.rejected', actorId: 'u-approver' }]), pending)[0]!.detail)
      .toBe('marked pending, but the audit trail records it rejected by Arjun Approver on 26 Nov 2026 (entry #10)');
    const rejected = row({ reviewStatus: 'rejected', reviewedBy: 'u-approver' });
    expect(reviewFindings(trail([rejected], [{ action: 'evidence.approved', actorId: 'u-approver' }]), rejected)[0]!.detail)
      .toMatch(/^marked rejected by Arjun Approver, but the audit trail records no rejection of this version \(its last review: approved by Arjun Approver/);
  });

  it('accepts a superseded version only when a newer one was uploaded', () => {
    const superseded = row({ reviewStatus: 'superseded' });
    expect(kinds(reviewFindings(trail([superseded]), superseded))).toEqual(['UNRECORDED REVIEW']);
    const newer = { id: 'e2', instanceId: 'i1', version: 2, fileName: 'v2.pdf', sizeBytes: 90, sha256: B };
    expect(reviewFindings(trail([superseded], [], [newer]), superseded)).toEqual([]);
  });
});

describe('deletedFindings', () => {
  it('names an upload whose row is gone, with its item, uploader and day', () => {
    expect(deletedFindings(trail([]))).toEqual([{
      kind: 'DELETED', evidenceId: 'e1', label: 'PF_ECR 2026-11 v1 "challan.pdf" (evidence e1)',
      detail: 'uploaded by Priya Preparer on 26 Nov 2026 (audit entry #7), but its record is gone from the database',
    }]);
    expect(deletedFindings(trail([row()]))).toEqual([]);
  });
});
