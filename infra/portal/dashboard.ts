import { addDays, formatDate, todayIn } from '../../core/engine/dates.js';
import { periodWords } from '../../core/engine/labels.js';
import { entityReach, type PortalAdmin } from '../../core/engine/portal-access.js';
import type { ItemLine } from '../../core/ports/work-reads.js';
import type { Database, TenantTx } from '../db/database.js';
import { openItemsDue, type CountedLines } from '../engine/item-queries.js';
import { statusSummary } from '../engine/status-summary.js';
import { loadTenantSettings } from '../stores/tenant-settings.js';
import { activeTenants } from '../stores/tenants.js';
import { inTenant } from './scope.js';

/** How many items each list on the dashboard shows; its count is always the true total. */
export const DASHBOARD_LIST_LIMIT = 20;
/** "Due soon" is today and the 14 days after it. */
export const SOON_DAYS = 14;

/** An item as the dashboard lists it: its due day and period also as people read them ("7 Dec 2026", "Nov 2026"). */
export type DashboardItem = ItemLine & { due: string; period: string };
export interface DashboardList {
  total: number;
  items: DashboardItem[];
}

export interface TenantDashboard {
  /** `today` as YYYY-MM-DD (for links), `todayText` as people read it. */
  tenant: { id: string; name: string; today: string; todayText: string; timezone: string };
  totals: { red: number; amber: number; green: number };
  entities: { id: string; name: string; red: number; amber: number; green: number }[];
  /** Open items due before today: all of them counted, the first DASHBOARD_LIST_LIMIT listed. */
  overdue: DashboardList;
  /** Open items due from today to SOON_DAYS after it (the last day is `until`), counted and listed the same way. */
  next14: DashboardList & { until: string; untilText: string };
  /** Messages the outbox could not deliver: failed (refused for good: sent by email instead where chat refused them) and dead (retries exhausted). */
  notifications: { failed: number; dead: number };
}

export type DashboardData = { kind: 'tenant'; dashboard: TenantDashboard } | { kind: 'platform'; tenants: TenantDashboard[] };

/** The outbox's undelivered messages; for people who see some entities only, those about their entities' items. */
async function undelivered({ trx, tenantId }: TenantTx, reach: string[] | null): Promise<TenantDashboard['notifications']> {
  const query = trx('notifications').where({ tenant_id: tenantId }).whereIn('status', ['failed', 'dead'])
    .select('status').count<{ status: string; n: string }[]>({ n: '*' }).groupBy('status');
  if (reach) query.whereIn('instance_id', trx('compliance_instances').select('id').where({ tenant_id: tenantId }).whereIn('entity_id', reach));
  const counts = new Map((await query).map((r) => [r.status, Number(r.n)]));
  return { failed: counts.get('failed') ?? 0, dead: counts.get('dead') ?? 0 };
}

const readable = ({ total, items }: CountedLines): DashboardList => ({
  total, items: items.map((i) => ({ ...i, due: formatDate(i.dueDate), period: periodWords(i.periodName ?? i.periodKey) })),
});

/** One tenant's dashboard; `reach` limits it to some entities (people whose portal role is per entity). */
async function tenantDashboard(tx: TenantTx, now: Date, reach: string[] | null = null): Promise<TenantDashboard> {
  const settings = await loadTenantSettings(tx);
  const today = todayIn(settings.timezone, now);
  const entityIds = reach ?? undefined;
  const summary = await statusSummary(tx, { today, amberWindowDays: settings.amberWindowDays, entityIds, urgentLimit: 0 });
  // Two lists, each with its own count and limit: a long overdue list must not crowd out what falls due this week.
  const lists = { today, amber: settings.amberWindowDays, limit: DASHBOARD_LIST_LIMIT, entityIds };
  const until = addDays(today, SOON_DAYS);
  return {
    tenant: { id: settings.id, name: settings.name, today, todayText: formatDate(today), timezone: settings.timezone },
    totals: summary.totals,
    entities: summary.entities.map((e) => ({ id: e.entityId, name: e.entityName, red: e.red, amber: e.amber, green: e.green })),
    overdue: readable(await openItemsDue(tx, { before: today }, lists)),
    next14: { ...readable(await openItemsDue(tx, { from: today, to: until }, lists)), until, untilText: formatDate(until) },
    notifications: await undelivered(tx, reach),
  };
}

/** RAG per entity and overall, what is overdue and what is due in the next 14 days, in the admin's scope, as of `now`. */
export async function portalDashboard(db: Database, admin: PortalAdmin, now: Date): Promise<DashboardData> {
  if (admin.kind === 'tenant') {
    return { kind: 'tenant', dashboard: await inTenant(db, admin, admin.tenantId!, (tx, fresh) => tenantDashboard(tx, now, entityReach(fresh))) };
  }
  const tenants = [];
  // The first 100 tenants: a platform overview, not a report.
  for (const { id } of (await activeTenants(db)).slice(0, 100)) tenants.push(await db.withTenant(id, (tx) => tenantDashboard(tx, now)));
  return { kind: 'platform', tenants };
}
