import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';

/** The sweep against PostgreSQL when two workers run it for the same tenant at the same moment. */

let t: TestDatabase;
let demo: DemoIds;
beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
});
afterAll(() => t.drop());

const counts = () => t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').whereNot({ kind: 'work_assigned' })
  .groupBy('kind').orderBy('kind').select('kind', trx.raw('count(*)::int AS n')));

describe('two sweeps of one tenant at once', () => {
  it('queue each reminder once and one escalation message, whichever marks the items first', async () => {
    const at = new Date('2026-11-27T04:30:00Z'); // 10:00 IST
    const [a, b] = await Promise.all([
      t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, at)),
      t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, at)),
    ]);
    expect(a.enqueued + b.enqueued).toBe(8);
    expect(await counts()).toEqual([{ kind: 'due_soon', n: 7 }, { kind: 'escalation', n: 1 }]);
    const marked = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').whereNotNull('escalated_for').count({ n: '*' }));
    expect(marked).toEqual([{ n: 26 }]);
  });
});
