import { DateTime } from 'luxon';
import { addDays, formatDate, todayIn } from '../../core/engine/dates.js';
import { OPEN_STATUSES } from '../../core/engine/status.js';
import type { NotificationDraft } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';
import { enqueueNotifications } from '../outbox/enqueue.js';
import { loadTenantSettings } from '../stores/tenant-settings.js';
import { statusSummary, type StatusSummary } from './status-summary.js';

const LIST_LIMIT = 15;

/** ISO week label in the tenant's timezone, e.g. 2026-W48: one digest per CFO per week. */
export const isoWeekLabel = (timezone: string, now: Date) => DateTime.fromJSDate(now, { zone: timezone }).toFormat("kkkk-'W'WW");

/**
 * The weekly digest for each CFO: RAG counts per entity, overdue items, items due in the next
 * 7 days and items approved late in the last 7 days, for the entities they cover.
 */
export async function enqueueWeeklyDigests(tx: TenantTx, now: Date): Promise<number> {
  const settings = await loadTenantSettings(tx);
  const today = todayIn(settings.timezone, now);
  const cfos: { user_id: string; entity_id: string | null }[] = await tx.trx('role_assignments as r')
    .join('users as u', function () {
      this.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.user_id');
    })
    .where({ 'r.tenant_id': tx.tenantId, 'r.role': 'cfo', 'u.is_active': true }).select('r.user_id', 'r.entity_id');
  const week = isoWeekLabel(settings.timezone, now);
  // One summary for the tenant; each CFO's digest is cut down to the entities they cover.
  const summary = await statusSummary(tx, { today, amberWindowDays: settings.amberWindowDays, urgentLimit: 0 });
  const drafts: NotificationDraft[] = [];
  for (const userId of [...new Set(cfos.map((c) => c.user_id))]) {
    const scopes = cfos.filter((c) => c.user_id === userId).map((c) => c.entity_id);
    const entityIds = scopes.includes(null) ? undefined : (scopes as string[]);
    const lines = await digestLines(tx, today, summary, entityIds);
    drafts.push({ kind: 'weekly_digest', to: { kind: 'user', userId }, instanceId: null, dedupKey: `weekly_digest:${week}`, payload: { week, lines } });
  }
  // One enqueue for every CFO: recipients and channels are resolved once.
  return enqueueNotifications(tx, drafts);
}

async function digestLines(tx: TenantTx, today: string, summary: StatusSummary, entityIds?: string[]): Promise<string[]> {
  const scoped = summary.entities.filter((e) => !entityIds || entityIds.includes(e.entityId));
  const items = (where: (q: ReturnType<TenantTx['trx']>) => void) => {
    const q = tx.trx('compliance_instances as i')
      .join('compliance_masters as m', 'm.id', 'i.master_id')
      .join('entities as e', function () {
        this.on('e.tenant_id', 'i.tenant_id').andOn('e.id', 'i.entity_id');
      })
      .where('i.tenant_id', tx.tenantId).orderBy('i.due_date').limit(LIST_LIMIT)
      .select('m.code', 'i.period_key', 'e.name as entity', 'i.due_date');
    if (entityIds) q.whereIn('i.entity_id', entityIds);
    where(q);
    return q as Promise<{ code: string; period_key: string; entity: string; due_date: string }[]>;
  };
  const overdue = await items((q) => q.whereIn('i.status', OPEN_STATUSES).andWhere('i.due_date', '<', today));
  const dueSoon = await items((q) => q.whereIn('i.status', OPEN_STATUSES).andWhere('i.due_date', '>=', today).andWhere('i.due_date', '<=', addDays(today, 7)));
  const late = await items((q) => q.where({ 'i.status': 'approved', 'i.approved_late': true }).andWhere('i.decided_at', '>=', tx.trx.raw("now() - interval '7 days'")));
  const list = (rows: { code: string; period_key: string; entity: string; due_date: string }[]) =>
    rows.length === 0 ? ['  none'] : rows.map((r) => `  ${formatDate(r.due_date)}  ${r.code} ${r.period_key} — ${r.entity}`);
  return [
    'Status by entity (red / amber / green):',
    ...scoped.map((e) => `  ${e.entityName}: ${e.red} / ${e.amber} / ${e.green}`),
    '', 'Overdue:', ...list(overdue),
    '', 'Due in the next 7 days:', ...list(dueSoon),
    '', 'Approved late in the last 7 days:', ...list(late),
  ];
}
