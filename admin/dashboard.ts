import { todayIn } from '../core/engine/dates.js';
import type { Database, TenantTx } from '../infra/db/database.js';
import { itemsDueWithin, type ItemLine } from '../infra/engine/item-queries.js';
import { statusSummary } from '../infra/engine/status-summary.js';
import { loadTenantSettings } from '../infra/stores/tenant-settings.js';
import { activeTenants } from '../infra/stores/tenants.js';
import { entityReach, inTenant, portalAdminOf } from './scope.js';

export interface TenantDashboard {
  tenant: { id: string; name: string; today: string };
  totals: { red: number; amber: number; green: number };
  entities: { id: string; name: string; red: number; amber: number; green: number }[];
  overdue: ItemLine[];
  next14: ItemLine[];
}

export type DashboardData = { kind: 'tenant'; dashboard: TenantDashboard } | { kind: 'platform'; tenants: TenantDashboard[] };

/** One tenant's dashboard; `reach` limits it to some entities (people whose portal role is per entity). */
async function tenantDashboard(tx: TenantTx, now: Date, reach: string[] | null = null): Promise<TenantDashboard> {
  const settings = await loadTenantSettings(tx);
  const today = todayIn(settings.timezone, now);
  const entityIds = reach ?? undefined;
  const summary = await statusSummary(tx, { today, amberWindowDays: settings.amberWindowDays, entityIds, urgentLimit: 0 });
  const soon = await itemsDueWithin(tx, today, 14, settings.amberWindowDays, entityIds);
  return {
    tenant: { id: settings.id, name: settings.name, today },
    totals: summary.totals,
    entities: summary.entities.map((e) => ({ id: e.entityId, name: e.entityName, red: e.red, amber: e.amber, green: e.green })),
    overdue: soon.filter((i) => i.dueDate < today),
    next14: soon.filter((i) => i.dueDate >= today),
  };
}

/** RAG per entity and overall, what is overdue and what is due in the next 14 days, in the admin's scope. */
export function dashboardHandler(db: Database) {
  return async (_request: unknown, _response: unknown, context?: { currentAdmin?: unknown }): Promise<DashboardData> => {
    const admin = portalAdminOf(context);
    const now = new Date();
    if (admin.kind === 'tenant') {
      return { kind: 'tenant', dashboard: await inTenant(db, admin, admin.tenantId!, (tx, fresh) => tenantDashboard(tx, now, entityReach(fresh))) };
    }
    const tenants = [];
    // The first 100 tenants: a platform overview, not a report.
    for (const { id } of (await activeTenants(db)).slice(0, 100)) tenants.push(await db.withTenant(id, (tx) => tenantDashboard(tx, now)));
    return { kind: 'platform', tenants };
  };
}
