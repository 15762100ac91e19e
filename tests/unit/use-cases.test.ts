import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../core/engine/access.js';
import type { TenantUnit } from '../../core/ports/index.js';
import { acknowledgeEscalation, markNotApplicable, reopenInstance } from '../../core/use-cases/change-status.js';
import { approveEvidence, rejectEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence, type StoredFile } from '../../core/use-cases/submit-evidence.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';
import { demoItemKey, demoTenant, type DemoEntity, type DemoMaster, type DemoPerson } from '../mothers/demo-tenant.js';
import { aTenant, sha256Hex, type BuiltTenant } from '../mothers/tenant-mother.js';
import { DEMO_NOW } from '../support/demo-clock.js';

/*
 * The use cases' rules on the in-memory unit of work (tests/fakes), in milliseconds: every
 * transition and refusal. The fake keeps the contract the PostgreSQL store keeps
 * (tests/contract); tests/integration/use-cases.test.ts runs the same loop on the database.
 */

let store: InMemoryStore;
let demo: BuiltTenant;

beforeAll(() => {
  store = new InMemoryStore({ now: () => DEMO_NOW });
  demo = store.seed(demoTenant());
});

const user = (who: DemoPerson) => demo.id(who);
const instanceId = (entity: DemoEntity, code: DemoMaster, periodKey: string) => demo.id(demoItemKey(entity, code, periodKey));
const file = (name = 'challan.pdf'): StoredFile => ({ fileName: name, contentType: 'application/pdf', sizeBytes: 2048, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` });
const as = <T>(who: DemoPerson, fn: (unit: TenantUnit, actor: Actor) => Promise<T>) => store.runAsUser(demo.tenantId, user(who), fn);
const upload = (who: DemoPerson, id: string, name?: string) =>
  as(who, (unit, actor) => submitEvidence(unit, actor, { instanceId: id, file: file(name), channel: 'slack' }, DEMO_NOW));
const instance = (id: string) => store.item(id);
const auditActions = (objectId: string) => store.auditOf(demo.tenantId).filter((e) => e.objectId === objectId).map((e) => e.action);
const notifications = (id: string) => store.notificationsOf(demo.tenantId).filter((n) => n.instanceId === id).map((n) => ({ kind: n.kind, recipient_user_id: n.recipientUserId }));
const versions = (id: string) => store.evidenceOf(id);
const latestVersion = (id: string) => versions(id).at(-1)!;

describe('submit, approve and reject', () => {
  let id: string;
  beforeAll(() => {
    id = instanceId('manufacturing', 'GSTR3B_MONTHLY', '2026-10');
  });

  it('an owner upload submits the item, versions the evidence, audits it and asks the approver', async () => {
    const { evidence, status } = await upload('owner', id);
    expect([status, evidence.version]).toEqual(['submitted', 1]);
    expect(instance(id).status).toBe('submitted');
    expect(auditActions(evidence.id)).toEqual(['evidence.uploaded']);
    expect(auditActions(id)).toEqual(['instance.submitted']);
    expect(notifications(id)).toEqual([{ kind: 'review_requested', recipient_user_id: user('approver') }]);
  });

  it('refuses an upload by someone who may not prepare it', async () => {
    await expect(upload('viewer', id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(upload('auditor', id)).rejects.toThrow(/needs the owner or tenant_admin role/);
    expect(versions(id).map((e) => e.version)).toEqual([1]);
  });

  it('refuses a stale version: a newer upload must be reviewed instead', async () => {
    const v1 = versions(id).find((e) => e.version === 1)!;
    const { evidence: v2 } = await upload('owner', id, 'challan-corrected.pdf');
    expect(v2.version).toBe(2);
    await expect(as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: v1.id }, DEMO_NOW))).rejects.toMatchObject({
      code: 'stale_version', message: 'A newer version was uploaded (version 2). Review that one instead.',
    });
  });

  it('never lets the uploader approve, even holding the approver role', async () => {
    store.grant(user('owner'), 'approver');
    const latest = latestVersion(id);
    await expect(as('owner', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: latest.id }, DEMO_NOW))).rejects.toMatchObject({
      code: 'segregation_of_duties',
    });
    store.revoke(user('owner'), 'approver');
  });

  it('approves the latest version: late when past the due date, evidence frozen, owner told', async () => {
    const latest = latestVersion(id);
    const result = await as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: latest.id, filingReference: 'ARN AA2711260012345' }, DEMO_NOW));
    expect([result.status, result.late]).toEqual(['approved', true]); // due 20 Nov, approved 26 Nov
    expect(instance(id)).toMatchObject({ status: 'approved', approvedLate: true, filingReference: 'ARN AA2711260012345' });
    expect(versions(id).map((e) => e.reviewStatus)).toEqual(['superseded', 'approved']);
    await expect(store.transaction(demo.tenantId, (u) => u.evidence.review(latest.id, { status: 'rejected', by: user('admin'), at: DEMO_NOW, reason: 'x' })))
      .rejects.toThrow(/is approved/);
    expect(notifications(id).map((n) => n.kind)).toContain('approved');
    expect(auditActions(id)).toEqual(['instance.submitted', 'instance.submitted', 'instance.approved']);
  });

  it('a second Approve sees the decision and says so', async () => {
    const latest = latestVersion(id);
    await expect(as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: latest.id }, DEMO_NOW))).rejects.toMatchObject({
      code: 'invalid_transition', message: 'This item is already approved, so it cannot be approved.',
    });
  });

  it('rejects with a reason only; a new upload resubmits', async () => {
    const other = instanceId('manufacturing', 'PF_ECR', '2026-10');
    const { evidence } = await upload('owner', other);
    await expect(as('approver', (u, a) => rejectEvidence(u, a, { instanceId: other, evidenceId: evidence.id, reason: 'no' }, DEMO_NOW))).rejects.toMatchObject({ code: 'reason_required' });
    await as('approver', (u, a) => rejectEvidence(u, a, { instanceId: other, evidenceId: evidence.id, reason: 'Challan is for September, not October' }, DEMO_NOW));
    expect(instance(other)).toMatchObject({ status: 'rejected', statusReason: 'Challan is for September, not October' });
    expect(notifications(other).map((n) => [n.kind, n.recipient_user_id])).toContainEqual(['rejected', user('owner')]);
    const { evidence: v2, status } = await upload('owner', other, 'challan-october.pdf');
    expect([status, v2.version]).toEqual(['submitted', 2]);
  });
});

describe('not applicable, reopen, acknowledge', () => {
  it('lets an approver mark an item not applicable with a reason, and not an owner', async () => {
    const id = instanceId('advisors', 'TDS_DEPOSIT', '2026-11');
    await expect(as('owner', (u, a) => markNotApplicable(u, a, { instanceId: id, reason: 'No TDS deducted in November' }, DEMO_NOW))).rejects.toMatchObject({ code: 'forbidden' });
    await as('approver', (u, a) => markNotApplicable(u, a, { instanceId: id, reason: 'No TDS deducted in November' }, DEMO_NOW));
    expect(instance(id).status).toBe('not_applicable');
    // Its preparer may not reopen it; its approver, who decided it, may (as may a tenant admin).
    await expect(as('owner', (u, a) => reopenInstance(u, a, { instanceId: id, reason: 'A late invoice arrived' }, DEMO_NOW)))
      .rejects.toMatchObject({ code: 'forbidden', message: 'You cannot reopen this item: only its approver or a tenant admin can. Ask one of them.' });
    await expect(as('approver', (u, a) => reopenInstance(u, a, { instanceId: id, reason: 'oops' }, DEMO_NOW))).rejects.toMatchObject({ code: 'reason_required' });
    expect(instance(id).status).toBe('not_applicable');
    await as('approver', (u, a) => reopenInstance(u, a, { instanceId: id, reason: 'A late invoice arrived' }, DEMO_NOW));
    expect(instance(id).status).toBe('pending');
    expect(auditActions(id)).toEqual(['instance.not_applicable', 'instance.reopened']);
    await expect(as('admin', (u, a) => reopenInstance(u, a, { instanceId: id, reason: 'A late invoice arrived' }, DEMO_NOW))).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('lets the CFO acknowledge an escalation once, and not an owner', async () => {
    const id = instanceId('software', 'TDS_DEPOSIT', '2026-10');
    await expect(as('owner', (u, a) => acknowledgeEscalation(u, a, { instanceId: id }, DEMO_NOW))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await as('cfo', (u, a) => acknowledgeEscalation(u, a, { instanceId: id }, DEMO_NOW))).toEqual({ alreadyAcknowledged: false });
    expect(await as('cfo', (u, a) => acknowledgeEscalation(u, a, { instanceId: id }, DEMO_NOW))).toEqual({ alreadyAcknowledged: true });
    expect(instance(id).escalationAcknowledgedBy).toBe(user('cfo'));
  });
});

describe('tenants and races', () => {
  it("refuses another tenant's item as if it did not exist", async () => {
    const other = store.seed(aTenant('intruder').withEntity('books').withPerson('owner', { roles: ['owner'] }).withMaster('own', { code: 'OWN_RETURN' })
      .withItem('item', { entity: 'books', master: 'own', periodKey: '2026-01', dueDate: '2026-02-20', owner: 'owner' }));
    const intruder = (instance: string) =>
      store.runAsUser(other.tenantId, other.id('owner'), (u, a) => submitEvidence(u, a, { instanceId: instance, file: file(), channel: 'slack' }, DEMO_NOW));
    await expect(intruder('placeholder')).rejects.toMatchObject({ code: 'not_found' });
    const demoItem = instanceId('software', 'PF_ECR', '2026-11');
    await expect(intruder(demoItem)).rejects.toMatchObject({ code: 'not_found' });
    expect(instance(demoItem).status).toBe('pending');
  });

  it('Approve and Reject pressed at once leave exactly one decision', async () => {
    const id = instanceId('software', 'PF_ECR', '2026-10');
    const { evidence } = await upload('owner', id);
    const results = await Promise.allSettled([
      as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: evidence.id }, DEMO_NOW)),
      as('admin', (u, a) => rejectEvidence(u, a, { instanceId: id, evidenceId: evidence.id, reason: 'Wrong establishment code' }, DEMO_NOW)),
      as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: evidence.id }, DEMO_NOW)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['invalid_transition', 'invalid_transition']);
    const decisions = auditActions(id).filter((a) => a === 'instance.approved' || a === 'instance.rejected');
    expect(decisions).toHaveLength(1);
  });
});
