import { requireRole, type Actor } from '../engine/access.js';
import type { NotificationQueue } from '../ports/index.js';

/**
 * A tenant admin (or the platform) sends a failed or dead notification again; undefined when
 * there is no such notification in a state that can be retried.
 */
export async function retryNotification(
  ports: { notifications: NotificationQueue },
  actor: Actor,
  input: { notificationId: string },
): Promise<{ id: string; kind: string } | undefined> {
  requireRole(actor, ['tenant_admin'], null, 'retry a notification');
  return ports.notifications.requeue(input.notificationId);
}
