import { describe, expect, it } from '@jest/globals';
import type { NotificationRow } from '../../infra/outbox/enqueue.js';
import { escalationBatches, reminderBatches } from '../../infra/outbox/recipient-batches.js';

/* What one sweep's resolved rows become in the outbox: per-person batches by email, per-item replies in chat. */

const row = (kind: string, channel: NotificationRow['channel'], user: string, item: string, day = '2026-12-04'): NotificationRow => ({
  tenant_id: 't1', channel, kind, recipient_user_id: user, instance_id: item, payload: { day }, dedup_key: `${kind}:${item}:${day}:${user}`,
});

describe('reminders', () => {
  it('by email, one message per person and kind listing their items; in chat, one reply per item', () => {
    const out = reminderBatches([
      row('due_soon', 'email', 'olivia', 'i2', '2026-12-05'), row('due_soon', 'email', 'olivia', 'i1'), row('due_today', 'email', 'olivia', 'i3'),
      row('due_today', 'email', 'olivia', 'i4'), row('due_soon', 'slack', 'sam', 'i5'), row('due_soon', 'slack', 'sam', 'i6'),
      row('thread_opened', 'slack', 'sam', 'i7'),
    ]);
    expect(out.map((r) => [r.kind, r.channel, r.recipient_user_id, r.instance_id])).toEqual([
      ['due_soon', 'slack', 'sam', 'i5'], ['due_soon', 'slack', 'sam', 'i6'], ['thread_opened', 'slack', 'sam', 'i7'],
      ['due_soon', 'email', 'olivia', null], ['due_today', 'email', 'olivia', null],
    ]);
    expect(out[3]!.payload).toEqual({ items: [{ instanceId: 'i1', day: '2026-12-04' }, { instanceId: 'i2', day: '2026-12-05' }] });
    expect(out[3]!.dedup_key).toMatch(/^due_soon:[0-9a-f]{32}:olivia$/);
  });

  it('a lone reminder stays a message about its item, under its own key', () => {
    const lone = row('due_soon', 'email', 'olivia', 'i1');
    expect(reminderBatches([lone])).toEqual([lone]);
  });

  it('keeps who a batch was addressed to in place of a missing person', () => {
    const missing = (item: string) => ({ ...row('due_soon', 'email', 'admin', item), payload: { day: '2026-12-04', addressedTo: { kind: 'role', role: 'tenant_admin', missing: 'owner' } } });
    const [batch] = reminderBatches([missing('i1'), missing('i2')]);
    expect(batch!.payload.addressedTo).toEqual({ kind: 'role', role: 'tenant_admin', missing: 'owner' });
  });
});

describe('escalations', () => {
  it('one message per recipient and channel, even for a single item', () => {
    const out = escalationBatches([row('escalation', 'email', 'chitra', 'i1'), row('escalation', 'slack', 'chitra', 'i2'), row('escalation', 'email', 'chitra', 'i3')]);
    expect(out.map((r) => [r.channel, (r.payload.items as unknown[]).length, r.instance_id])).toEqual([['email', 2, null], ['slack', 1, null]]);
  });
});
