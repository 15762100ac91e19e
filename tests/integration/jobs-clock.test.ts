import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Runtime } from '../../app/runtime.js';
import { approveEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { weeklyDigest } from '../../jobs/weekly-digest.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { sha256Hex } from '../support/fixtures.js';
import { jobContext, testRuntime } from '../support/runtime.js';

let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  runtime = await testRuntime(t.url);
});
afterAll(async () => {
  await runtime.close();
  await t.drop();
});

describe("the weekly digest counts its week from the job's clock", () => {
  it('lists an item approved late six days before the Monday it runs on, whatever the machine’s date', async () => {
    // Demo Manufacturing's October TDS deposit, due 9 Nov 2026 (7 Nov is a Saturday), approved on 24 Nov 2026: late.
    const item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'TDS_DEPOSIT', '2026-10');
    const approvedAt = new Date('2026-11-24T06:00:00Z');
    const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) => submitEvidence(u, a, {
      instanceId: item, channel: 'portal', file: { fileName: 'challan.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` },
    }, approvedAt));
    await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => approveEvidence(u, a, { instanceId: item, evidenceId: evidence.id }, approvedAt));

    // Monday 30 Nov 2026, 09:10 IST: the last 7 days began on 23 Nov.
    expect(await weeklyDigest(jobContext(runtime, new Date('2026-11-30T03:40:00Z')))).toEqual({ digests: 1 });
    const digest = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ kind: 'weekly_digest' }).first('payload'));
    const lines = digest.payload.lines as string[];
    const late = lines.slice(lines.indexOf('Approved late in the last 7 days:') + 1);
    // The demo records GSTINs only: its TDS items are the entity's, and say so.
    expect(late).toEqual(['  9 Nov 2026  TDS deposit (challan ITNS-281) · Demo Manufacturing · no TAN recorded · Oct 2026']);
  });
});
