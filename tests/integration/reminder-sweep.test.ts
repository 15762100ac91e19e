import { describe, expect, it } from '@jest/globals';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { demoDatabase } from '../support/demo.js';

/** The sweep against PostgreSQL when two workers run it for the same tenant at the same moment. */

const s = demoDatabase();

const counts = () => s.t.db.withTenant(s.demo.tenantId, ({ trx }) => trx('notifications').whereNot({ kind: 'work_assigned' })
  .groupBy('kind').orderBy('kind').select('kind', trx.raw('count(*)::int AS n')));

describe('two sweeps of one tenant at once', () => {
  it('queue each reminder once and one escalation message, whichever starts first', async () => {
    const at = new Date('2026-11-27T04:30:00Z'); // 10:00 IST
    const [a, b] = await Promise.all([
      s.t.db.withTenant(s.demo.tenantId, (tx) => sweepReminders(tx, at)),
      s.t.db.withTenant(s.demo.tenantId, (tx) => sweepReminders(tx, at)),
    ]);
    // The owner's seven reminders by email as one message, the CFO's 26 escalations as one.
    expect(a.enqueued + b.enqueued).toBe(2);
    expect([a.planned, b.planned].sort((x, y) => x - y)).toEqual([0, 33]);
    expect(await counts()).toEqual([{ kind: 'due_soon', n: 1 }, { kind: 'escalation', n: 1 }]);
    const claimed = await s.t.db.withTenant(s.demo.tenantId, ({ trx }) => trx('reminder_claims').groupBy('rung').orderBy('rung')
      .select('rung', trx.raw('sum(cardinality(instance_ids))::int AS n')));
    expect(claimed).toEqual([{ rung: 'escalation', n: 26 }, { rung: 'reminder', n: 7 }]);
  });
});

describe('what a sweep records as queued', () => {
  it('an hour later nothing is queued again; two days later the escalations repeat once, in one message', async () => {
    const again = await s.t.db.withTenant(s.demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-11-27T05:30:00Z')));
    expect(again).toMatchObject({ planned: 0, enqueued: 0 });
    const later = await s.t.db.withTenant(s.demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-11-29T04:30:00Z')));
    expect(later.enqueued).toBeGreaterThan(0);
    expect(await counts()).toContainEqual({ kind: 'escalation', n: 2 });
    const twice = await s.t.db.withTenant(s.demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-11-29T05:30:00Z')));
    expect(twice).toMatchObject({ planned: 0, enqueued: 0 });
  });

  it('records too old to change anything are dropped by a later sweep; those that can matter stay', async () => {
    const claims = () => s.t.db.withTenant(s.demo.tenantId, ({ trx }) => trx('reminder_claims').orderBy('day').pluck('day'));
    const before = await claims();
    expect(before.length).toBeGreaterThan(0);
    // Four months on, an item due then is reminded: the claims of November can no longer matter.
    await s.t.db.withTenant(s.demo.tenantId, async ({ trx }) => {
      const item = await trx('compliance_instances').where({ status: 'pending' }).orderBy('due_date').first('id');
      await trx('compliance_instances').where({ id: item.id }).update({ statutory_due_date: '2027-04-02' });
    });
    await s.t.db.withTenant(s.demo.tenantId, (tx) => sweepReminders(tx, new Date('2027-03-30T04:30:00Z')));
    const after = await claims();
    expect(after.every((day: string) => day >= '2026-11-30')).toBe(true);
    expect(after).toContain('2027-03-30');
  });
});
