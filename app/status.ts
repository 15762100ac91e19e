import { todayIn } from '../core/engine/dates.js';
import { statusSummary, type StatusSummary } from '../core/infra/engine/status-summary.js';
import { loadTenantSettings } from '../core/infra/stores/tenant-settings.js';
import type { Runtime } from './runtime.js';

/** The status summary every channel shows, cached in Redis when there is one (by tenant, entity and day). */
export async function getStatusSummary(
  runtime: Pick<Runtime, 'db' | 'services'>,
  tenantId: string,
  options: { entityId?: string; now?: Date; today?: string } = {},
): Promise<StatusSummary> {
  const { db, services } = runtime;
  return db.withTenant(tenantId, async (tx) => {
    const settings = await loadTenantSettings(tx);
    const today = options.today ?? todayIn(settings.timezone, options.now ?? new Date());
    return services.cache.get(tenantId, `${options.entityId ?? 'all'}:${today}`, () =>
      statusSummary(tx, { today, amberWindowDays: settings.amberWindowDays, entityIds: options.entityId ? [options.entityId] : undefined }));
  });
}
