import type { Clock } from '../core/ports/index.js';
import type { Database } from '../infra/db/database.js';
import { portalDashboard, type DashboardData } from '../infra/portal/dashboard.js';
import { portalAdminOf } from './scope.js';

/** AdminJS's dashboard handler: the signed-in admin's dashboard, as of the clock. */
export function dashboardHandler(db: Database, clock: Clock) {
  return async (_request: unknown, _response: unknown, context?: { currentAdmin?: unknown }): Promise<DashboardData> =>
    portalDashboard(db, portalAdminOf(context), clock.now());
}
