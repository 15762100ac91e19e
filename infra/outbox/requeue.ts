import type { Knex } from 'knex';
import type { NotificationQueue } from '../../core/ports/index.js';
import type { Database } from '../db/database.js';

/** The outbox on the caller's transaction: a tenant's (row-level security) or the platform's. */
export const notificationQueue = (trx: Knex.Transaction): NotificationQueue => ({
  async requeue(id) {
    const [row] = await trx('notifications').where({ id }).whereIn('status', ['failed', 'dead'])
      .update({ status: 'pending', next_attempt_at: trx.fn.now(), attempts: 0 }).returning(['id', 'kind']);
    return row;
  },
});

/** Every tenant's outbox, for the platform (the CLI): each call is its own transaction. */
export const platformNotificationQueue = (db: Database): NotificationQueue => ({
  requeue: (id) => db.withSystem((trx) => notificationQueue(trx).requeue(id)),
});
