import type { Knex } from 'knex';
import { requireRole, type Actor } from '../../core/engine/access.js';

/**
 * Sends a failed or dead notification again: back to pending, due now, attempts reset. Only
 * those two states can be retried (a pending one is on its way; a sent one was delivered).
 * Undefined when there is no such notification in that state.
 */
export async function requeueNotification(trx: Knex.Transaction, id: string, actor: Actor): Promise<{ id: string; kind: string } | undefined> {
  requireRole(actor, ['tenant_admin'], null, 'retry a notification');
  const [row] = await trx('notifications').where({ id }).whereIn('status', ['failed', 'dead'])
    .update({ status: 'pending', next_attempt_at: trx.fn.now(), attempts: 0 }).returning(['id', 'kind']);
  return row;
}
