import { expect, it } from '@jest/globals';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import * as reminderClaims from '../../migrations/20261205010000_reminder_claims.js';
import { demoDatabase } from '../support/demo.js';

const s = demoDatabase();

it('the claims migration keeps what was queued before it, both ways: no reminder or escalation goes out twice', async () => {
  const first = await s.t.db.withTenant(s.demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-11-27T04:30:00Z'))); // 10:00 IST
  expect(first.planned).toBe(33);
  const claimed = async () => (await s.t.superuser(
    `SELECT rung, x.id, max(day)::text AS day FROM reminder_claims, unnest(instance_ids) AS x(id) WHERE tenant_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [s.demo.tenantId])).rows;
  const before = await claimed();

  // Back to marks on the items: each item's latest rung day.
  await s.t.db.owner.transaction((trx) => reminderClaims.down(trx));
  const { rows: marks } = await s.t.superuser(
    `SELECT count(reminded_for)::int AS reminded, count(escalated_for)::int AS escalated FROM compliance_instances WHERE tenant_id = $1`, [s.demo.tenantId]);
  expect(marks).toEqual([{ reminded: 7, escalated: 26 }]);

  // And forward again: the same claims, so the next sweep queues nothing new.
  await s.t.db.owner.transaction((trx) => reminderClaims.up(trx));
  expect(await claimed()).toEqual(before);
  const next = await s.t.db.withTenant(s.demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-11-27T05:30:00Z')));
  expect(next).toMatchObject({ planned: 0, enqueued: 0 });
});
