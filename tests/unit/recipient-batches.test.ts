import { describe, expect, it } from '@jest/globals';
import type { PlannedReminder, Recipient } from '../../core/engine/reminders.js';
import type { Addressee, Addresser } from '../../infra/outbox/enqueue.js';
import { rungRows } from '../../infra/outbox/recipient-batches.js';

/* What one sweep's planned rungs become in the outbox: per-person lists by email, per-item replies in chat. */

const rung = (kind: PlannedReminder['rung'], item: string, to: Recipient, day = '2026-12-04'): PlannedReminder => ({
  instanceId: item, entityId: 'e1', rung: kind, recipient: to, day, dedupKey: `${kind}:${item}:${day}`,
});
const olivia: Recipient = { kind: 'user', userId: 'olivia' };
const sam: Recipient = { kind: 'user', userId: 'sam' };
const cfo: Recipient = { kind: 'role', role: 'cfo' };
// Olivia hears by email, Sam in Slack; the CFO role is Chitra, by email.
const address: Addresser = (to) => {
  if (to.kind === 'role') return [{ userId: 'chitra', channel: 'email' }];
  return [{ userId: to.userId, channel: to.userId === 'sam' ? 'slack' : 'email' }];
};

describe('reminders', () => {
  it('by email, one message per person and kind listing their items; in chat, one reply per item', () => {
    const out = rungRows('t1', [
      rung('due_soon', 'i2', olivia, '2026-12-05'), rung('due_soon', 'i1', olivia), rung('due_today', 'i3', olivia),
      rung('due_today', 'i4', olivia), rung('due_soon', 'i5', sam), rung('due_soon', 'i6', sam),
    ], address);
    expect(out.map((r) => [r.kind, r.channel, r.recipient_user_id, r.instance_id])).toEqual([
      ['due_soon', 'email', 'olivia', null], ['due_today', 'email', 'olivia', null],
      ['due_soon', 'slack', 'sam', 'i5'], ['due_soon', 'slack', 'sam', 'i6'],
    ]);
    expect(out[0]!.payload).toEqual({ items: [{ instanceId: 'i1', day: '2026-12-04' }, { instanceId: 'i2', day: '2026-12-05' }] });
    expect(out[0]!.dedup_key).toMatch(/^due_soon:[0-9a-f]{32}:olivia$/);
    expect(out[2]).toMatchObject({ payload: { day: '2026-12-04' }, dedup_key: 'due_soon:i5:2026-12-04:sam' });
  });

  it('a lone reminder stays a message about its item, under its own key', () => {
    expect(rungRows('t1', [rung('due_soon', 'i1', olivia)], address)).toEqual([{
      tenant_id: 't1', channel: 'email', kind: 'due_soon', recipient_user_id: 'olivia', instance_id: 'i1', payload: { day: '2026-12-04' }, dedup_key: 'due_soon:i1:2026-12-04:olivia',
    }]);
  });

  it('keeps who a list was addressed to in place of a missing person', () => {
    const admin: Addressee = { userId: 'admin', channel: 'email', addressedTo: { kind: 'role', role: 'tenant_admin', missing: 'owner' } };
    const missing: Recipient = { kind: 'role', role: 'tenant_admin', missing: 'owner' };
    const [list] = rungRows('t1', [rung('due_soon', 'i1', missing), rung('due_soon', 'i2', missing)], () => [admin]);
    expect(list!.payload.addressedTo).toEqual({ kind: 'role', role: 'tenant_admin', missing: 'owner' });
  });
});

describe('escalations', () => {
  it('one message per recipient and channel, even for a single item', () => {
    const slackToo: Addresser = (to, entityId, kind) => (kind === 'escalation' ? [{ userId: 'chitra', channel: 'email' }, { userId: 'chitra', channel: 'slack' }] : address(to, entityId, kind));
    const out = rungRows('t1', [rung('escalation', 'i1', cfo), rung('escalation', 'i3', cfo, '2026-11-30')], slackToo);
    expect(out.map((r) => [r.channel, (r.payload.items as { instanceId: string }[]).map((i) => i.instanceId), r.instance_id])).toEqual([
      ['email', ['i3', 'i1'], null], ['slack', ['i3', 'i1'], null],
    ]);
    const [lone] = rungRows('t1', [rung('escalation', 'i1', cfo)], address);
    expect(lone).toMatchObject({ instance_id: null, payload: { items: [{ instanceId: 'i1', day: '2026-12-04' }] } });
  });
});
