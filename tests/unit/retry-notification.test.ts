import { describe, expect, it } from '@jest/globals';
import { systemActor, type Actor } from '../../core/engine/access.js';
import type { NotificationQueue } from '../../core/ports/index.js';
import { retryNotification } from '../../core/use-cases/retry-notification.js';

/** An outbox in memory: id → status. */
function outbox(statuses: Record<string, string>): NotificationQueue & { statuses: Record<string, string> } {
  return {
    statuses,
    async requeue(id) {
      if (!['failed', 'dead'].includes(statuses[id] ?? '')) return undefined;
      statuses[id] = 'pending';
      return { id, kind: 'due_soon' };
    },
  };
}

const admin: Actor = { type: 'user', id: 'u-1', roles: [{ role: 'tenant_admin', entityId: null }] };

describe('retrying a notification', () => {
  it('puts a dead one back to pending for a tenant admin or the platform', async () => {
    const notifications = outbox({ n1: 'dead', n2: 'failed' });
    expect(await retryNotification({ notifications }, admin, { notificationId: 'n1' })).toEqual({ id: 'n1', kind: 'due_soon' });
    expect(await retryNotification({ notifications }, systemActor('cli'), { notificationId: 'n2' })).toEqual({ id: 'n2', kind: 'due_soon' });
    expect(notifications.statuses).toEqual({ n1: 'pending', n2: 'pending' });
  });

  it('answers undefined for one that is pending or sent, and changes nothing', async () => {
    const notifications = outbox({ n1: 'sent', n2: 'pending' });
    expect(await retryNotification({ notifications }, admin, { notificationId: 'n1' })).toBeUndefined();
    expect(await retryNotification({ notifications }, admin, { notificationId: 'n2' })).toBeUndefined();
    expect(notifications.statuses).toEqual({ n1: 'sent', n2: 'pending' });
  });

  it('refuses an auditor and an entity-scoped admin: retrying is tenant-wide', async () => {
    for (const roles of [[{ role: 'auditor', entityId: null }], [{ role: 'tenant_admin', entityId: 'e-1' }]] as Actor['roles'][]) {
      const notifications = outbox({ n1: 'dead' });
      await expect(retryNotification({ notifications }, { type: 'user', id: 'u-2', roles }, { notificationId: 'n1' })).rejects.toThrow('You cannot retry a notification');
      expect(notifications.statuses.n1).toBe('dead');
    }
  });
});
