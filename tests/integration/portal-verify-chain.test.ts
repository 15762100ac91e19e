import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { type TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, type DemoIds } from '../support/demo.js';
import { withTriggersOff } from '../support/tamper.js';
import { type DemoPortal, type PortalClient, startDemoPortal } from '../support/portal.js';

interface ActionBody {
  preview?: { message: string };
  done?: string;
  notice?: { message: string; type: 'success' | 'error' };
}

let t: TestDatabase;
let demo: DemoIds;
let auditor: PortalClient;
let evidenceId: string;

let ctx: DemoPortal;
beforeAll(async () => {
  ctx = await startDemoPortal('auditor');
  ({ t, demo, client: auditor } = ctx);
  const item = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-11');
  const bytes = Buffer.from('%PDF-1.7 TDS challan');
  const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (unit, actor) => submitEvidence(unit, actor, {
    instanceId: item, channel: 'portal',
    file: { fileName: 'TDS Nov.pdf', contentType: 'application/pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey: `${demo.tenantId}/${item}/verify-chain` },
  }, DEMO_NOW));
  evidenceId = evidence.id;
});
afterAll(() => ctx.close());

const verifyChain = async () => {
  const res = await auditor.json<ActionBody>('/admin/api/resources/audit_log/actions/verifyChain', { mode: 'apply' });
  expect(res.status).toBe(200);
  return res.body;
};
const entries = async () => (await t.superuser<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1', [demo.tenantId])).rows[0]!.n;

// Each step tampers a little more, so they run in order.
describe('the portal’s Verify chain', () => {
  it('reports an untouched chain with its evidence intact', async () => {
    expect((await verifyChain()).done).toBe(`Intact: all ${await entries()} entries verified.`);
  });

  it('names evidence approved by SQL as the application role, though the chain itself is intact', async () => {
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('evidence').where({ id: evidenceId }).update({ review_status: 'approved', reviewed_by: demo.users.approver, reviewed_at: DEMO_NOW }));
    const body = await verifyChain();
    expect(body.done).toBeUndefined();
    expect(body.notice?.type).toBe('error');
    expect(body.preview!.message).toContain(`The chain is intact (${await entries()} entries), but 1 evidence record(s) disagree with it: UNRECORDED REVIEW TDS_DEPOSIT 2026-11 v1 "TDS Nov.pdf" (evidence ${evidenceId}): marked approved by Arjun Approver, but the audit trail records no approval of this version`);
    expect(body.preview!.message).toContain('evidence verify --tenant demo');
  });

  it('reports the newest entries deleted by the owner with the triggers off', async () => {
    const before = await entries();
    await withTriggersOff(t, 'audit_log', () => t.superuser('DELETE FROM audit_log WHERE tenant_id = $1 AND seq > $2', [demo.tenantId, before - 3]));
    const body = await verifyChain();
    expect(body.notice?.type).toBe('error');
    expect(body.preview!.message).toContain(`BROKEN at entry #${before - 2}: entries #${before - 2}–#${before} were removed: the chain once reached #${before}. The ${before - 3} entries before them verified.`);
  });
});
