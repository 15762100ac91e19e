import bcrypt from 'bcryptjs';
import { aTenant, type TenantBuilder } from './tenant-mother.js';

/** The day the backlog is seen from (a Monday in India). */
export const BACKLOG_CLOCK_AT = '2026-11-02T11:30:00+05:30';
export const BACKLOG_TODAY = '2026-11-02';
export const BACKLOG_ADMIN = 'admin@delta.example';

const MONTHLY = { kind: 'after_period_end', months: 1, day: 20 };

/** Month keys from `first` (YYYY-MM), `count` of them. */
const months = (first: string, count: number) => Array.from({ length: count }, (_, i) => {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 7);
});

/**
 * Delta Group on 2 Nov 2026: 61 open items overdue (Oct 2021 to Oct 2026, each due on the 20th),
 * 3 falling due this week (3, 5 and 7 Nov), one later in the month, one overdue but approved;
 * and an outbox with 2 failed, 1 dead and 1 sent notification. The admin signs in with `password`.
 */
export async function aBacklogTenant(password: string): Promise<TenantBuilder> {
  const builder = aTenant('delta').named('Delta Group').inTimezone('Asia/Kolkata').trackingFrom('2021-04-01')
    .withEntity('works', { name: 'Delta Works', pan: 'AABCD1234D', state: 'MH' })
    .withPerson('admin', { name: 'Dev Admin', passwordHash: await bcrypt.hash(password, 4), roles: ['tenant_admin'] })
    .withMaster('late', { code: 'LATE_RETURN', name: 'Late return', rule: MONTHLY })
    .withMaster('week', { code: 'WEEK_RETURN', name: 'This week return', rule: MONTHLY });
  for (const key of months('2021-10', 61)) builder.withItem(`late-${key}`, { entity: 'works', master: 'late', periodKey: key, dueDate: `${key}-20` });
  return builder
    .withItem('week-1', { entity: 'works', master: 'week', periodKey: '2026-08', dueDate: '2026-11-03' })
    .withItem('week-2', { entity: 'works', master: 'week', periodKey: '2026-09', dueDate: '2026-11-05', status: 'submitted' })
    .withItem('week-3', { entity: 'works', master: 'week', periodKey: '2026-10', dueDate: '2026-11-07' })
    .withItem('later', { entity: 'works', master: 'week', periodKey: '2026-07', dueDate: '2026-11-30' })
    .withItem('closed', { entity: 'works', master: 'week', periodKey: '2026-06', dueDate: '2026-10-01', status: 'approved' })
    .withNotification('f1', { to: 'admin', dedupKey: 'f1', status: 'failed', attempts: 2, lastError: 'SMTP 451' })
    .withNotification('f2', { to: 'admin', dedupKey: 'f2', status: 'failed', attempts: 1, lastError: 'SMTP 451' })
    .withNotification('d1', { to: 'admin', dedupKey: 'd1', status: 'dead', attempts: 8, lastError: 'mailbox unavailable' })
    .withNotification('s1', { to: 'admin', dedupKey: 's1', status: 'sent', attempts: 1 });
}
