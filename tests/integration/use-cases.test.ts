import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { acknowledgeEscalation, markNotApplicable, reopenInstance } from '../../core/use-cases/change-status.js';
import { approveEvidence, rejectEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence, type StoredFile } from '../../core/use-cases/submit-evidence.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { createTenantWithEverything } from '../support/fixtures.js';
import { sha256Hex } from '../support/fixtures.js';

/*
 * The use cases on the PostgreSQL store: the same loop as tests/unit/use-cases.test.ts runs on
 * the in-memory unit of work. The refusals that are rules alone (the auditor's wording, segregation
 * of duties, a reason too short, roles that may not mark not applicable, reopen or acknowledge)
 * are asserted there; here what only the database shows: roles loaded from it, nothing written
 * by a refusal, the evidence trigger, row locks under a race, other tenants' rows.
 */

let t: TestDatabase;
let demo: DemoIds;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
});
afterAll(() => t.drop());

const file = (name = 'challan.pdf'): StoredFile => ({ fileName: name, contentType: 'application/pdf', sizeBytes: 2048, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` });
const as = <T>(user: keyof DemoIds['users'], fn: Parameters<typeof runAsUser<T>>[3]) => runAsUser(t.db, demo.tenantId, demo.users[user], fn);
const upload = (user: keyof DemoIds['users'], id: string, name?: string) =>
  as(user, (unit, actor) => submitEvidence(unit, actor, { instanceId: id, file: file(name), channel: 'slack' }, DEMO_NOW));
const instance = (id: string) => t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id }).first());
const auditActions = async (objectId: string) =>
  t.db.withTenant(demo.tenantId, ({ trx }) => trx('audit_log').where({ object_id: objectId }).orderBy('seq').pluck('action'));
const notifications = (id: string) => t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ instance_id: id }).orderBy('created_at').select('kind', 'recipient_user_id'));

describe('submit, approve and reject', () => {
  let id: string;
  beforeAll(async () => {
    id = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-10');
  });

  it('an owner upload submits the item, versions the evidence, audits it and asks the approver', async () => {
    const { evidence, status } = await upload('owner', id);
    expect([status, evidence.version]).toEqual(['submitted', 1]);
    expect((await instance(id)).status).toBe('submitted');
    expect(await auditActions(evidence.id)).toEqual(['evidence.uploaded']);
    expect(await auditActions(id)).toEqual(['instance.submitted']);
    expect(await notifications(id)).toEqual([{ kind: 'review_requested', recipient_user_id: demo.users.approver }]);
  });

  it('refuses an upload by someone who may not prepare it', async () => {
    await expect(upload('viewer', id)).rejects.toMatchObject({ code: 'forbidden' });
    const versions = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: id }).pluck('version'));
    expect(versions).toEqual([1]);
  });

  it('refuses a stale version: a newer upload must be reviewed instead', async () => {
    const v1 = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: id, version: 1 }).first('id'));
    const { evidence: v2 } = await upload('owner', id, 'challan-corrected.pdf');
    expect(v2.version).toBe(2);
    await expect(as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: v1.id }, DEMO_NOW))).rejects.toMatchObject({
      code: 'stale_version', message: 'A newer version was uploaded (version 2). Review that one instead.',
    });
  });

  it('approves the latest version: late when past the due date, evidence frozen, owner told', async () => {
    const latest = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: id }).orderBy('version', 'desc').first('id'));
    const result = await as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: latest.id, filingReference: 'ARN AA2711260012345' }, DEMO_NOW));
    expect([result.status, result.late]).toEqual(['approved', true]); // due 20 Nov, approved 26 Nov
    expect(await instance(id)).toMatchObject({ status: 'approved', approved_late: true, filing_reference: 'ARN AA2711260012345' });
    const reviews = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: id }).orderBy('version').pluck('review_status'));
    expect(reviews).toEqual(['superseded', 'approved']);
    await expect(t.superuser("UPDATE evidence SET review_reason = 'x' WHERE id = $1", [latest.id])).rejects.toThrow(/is approved/);
    expect((await notifications(id)).map((n) => n.kind)).toContain('approved');
    expect(await auditActions(id)).toEqual(['instance.submitted', 'instance.submitted', 'instance.approved']);
  });

  it('a second Approve sees the decision and says so', async () => {
    const latest = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ instance_id: id }).orderBy('version', 'desc').first('id'));
    await expect(as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: latest.id }, DEMO_NOW))).rejects.toMatchObject({
      code: 'invalid_transition', message: 'This item is already approved, so it cannot be approved.',
    });
  });

  it('rejects with a reason only; a new upload resubmits', async () => {
    const other = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'PF_ECR', '2026-10');
    const { evidence } = await upload('owner', other);
    await as('approver', (u, a) => rejectEvidence(u, a, { instanceId: other, evidenceId: evidence.id, reason: 'Challan is for September, not October' }, DEMO_NOW));
    expect(await instance(other)).toMatchObject({ status: 'rejected', status_reason: 'Challan is for September, not October' });
    expect((await notifications(other)).map((n) => [n.kind, n.recipient_user_id])).toContainEqual(['rejected', demo.users.owner]);
    const { evidence: v2, status } = await upload('owner', other, 'challan-october.pdf');
    expect([status, v2.version]).toEqual(['submitted', 2]);
  });
});

describe('not applicable, reopen, acknowledge', () => {
  it('lets an approver mark an item not applicable with a reason, and an admin reopen it', async () => {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.advisors, 'TDS_DEPOSIT', '2026-11');
    await as('approver', (u, a) => markNotApplicable(u, a, { instanceId: id, reason: 'No TDS deducted in November' }, DEMO_NOW));
    expect((await instance(id)).status).toBe('not_applicable');
    await as('admin', (u, a) => reopenInstance(u, a, { instanceId: id, reason: 'A late invoice arrived' }, DEMO_NOW));
    expect((await instance(id)).status).toBe('pending');
    expect(await auditActions(id)).toEqual(['instance.not_applicable', 'instance.reopened']);
  });

  it('lets the CFO acknowledge an escalation once', async () => {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-10');
    expect(await as('cfo', (u, a) => acknowledgeEscalation(u, a, { instanceId: id }, DEMO_NOW))).toEqual({ alreadyAcknowledged: false });
    expect(await as('cfo', (u, a) => acknowledgeEscalation(u, a, { instanceId: id }, DEMO_NOW))).toEqual({ alreadyAcknowledged: true });
    expect((await instance(id)).escalation_acknowledged_by).toBe(demo.users.cfo);
  });
});

describe('tenants and races', () => {
  it("refuses another tenant's item as if it did not exist", async () => {
    const other = await createTenantWithEverything(t.db, 'intruder');
    await expect(
      runAsUser(t.db, other.tenantId, other.userId, (u, a) => submitEvidence(u, a, { instanceId: 'placeholder', file: file(), channel: 'slack' }, DEMO_NOW)),
    ).rejects.toMatchObject({ code: 'not_found' });
    const demoItem = await instanceId(t.db, demo.tenantId, demo.entities.software, 'PF_ECR', '2026-11');
    await expect(
      runAsUser(t.db, other.tenantId, other.userId, (u, a) => submitEvidence(u, a, { instanceId: demoItem, file: file(), channel: 'slack' }, DEMO_NOW)),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await instance(demoItem)).status).toBe('pending');
  });

  it('Approve and Reject pressed at once leave exactly one decision', async () => {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.software, 'PF_ECR', '2026-10');
    const { evidence } = await upload('owner', id);
    const results = await Promise.allSettled([
      as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: evidence.id }, DEMO_NOW)),
      as('admin', (u, a) => rejectEvidence(u, a, { instanceId: id, evidenceId: evidence.id, reason: 'Wrong establishment code' }, DEMO_NOW)),
      as('approver', (u, a) => approveEvidence(u, a, { instanceId: id, evidenceId: evidence.id }, DEMO_NOW)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['invalid_transition', 'invalid_transition']);
    const decisions = (await auditActions(id)).filter((a) => a === 'instance.approved' || a === 'instance.rejected');
    expect(decisions).toHaveLength(1);
  });
});
