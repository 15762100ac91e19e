import type { Database } from '../db/database.js';

export interface OutboxLine {
  id: string;
  slug: string;
  channel: string;
  kind: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  email: string | null;
}

/** The newest notifications of every tenant (or one), optionally in one status: the platform's view of the outbox. */
export function recentNotifications(db: Database, filter: { status?: string; tenantId?: string; limit: number }): Promise<OutboxLine[]> {
  return db.withSystem((trx) => {
    const q = trx('notifications as n').join('tenants as t', 't.id', 'n.tenant_id').leftJoin('users as u', 'u.id', 'n.recipient_user_id')
      .orderBy('n.created_at', 'desc').limit(filter.limit)
      .select('n.id', 't.slug', 'n.channel', 'n.kind', 'n.status', 'n.attempts', 'n.next_attempt_at', 'n.last_error', 'u.email');
    if (filter.status) q.where('n.status', filter.status);
    if (filter.tenantId) q.where('n.tenant_id', filter.tenantId);
    return q;
  });
}
