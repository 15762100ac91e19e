import { todayIn } from '../../core/engine/dates.js';
import { entityReach, type PortalAdmin } from '../../core/engine/portal-access.js';
import type { ItemLine } from '../../core/ports/work-reads.js';
import type { Database, TenantTx } from '../db/database.js';
import { itemsDueWithin } from '../engine/item-queries.js';
import { statusSummary } from '../engine/status-summary.js';
import { loadTenantSettings } from '../stores/tenant-settings.js';
import { activeTenants } from '../stores/tenants.js';
import { inTenant } from './scope.js';

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
