import { createHash } from 'node:crypto';
import { todayIn, type IsoDate } from '../../core/engine/dates.js';
import type { SummaryCache } from '../cache/redis.js';
import type { Database } from '../db/database.js';
import { statusSummary, type StatusSummary } from './status-summary.js';
import { loadTenantSettings } from '../stores/tenant-settings.js';

/**
 * The part of the cache key that says whose answer it is: the entities it covers. Two people see
 * the same cached summary only when they may read exactly the same entities.
 */
function scopeKey(entityIds: string[] | undefined): string {
  if (!entityIds) return 'all';
  const ids = [...new Set(entityIds)].sort().join(',');
  return `entities-${createHash('sha256').update(ids).digest('hex').slice(0, 32)}`;
}

/** The day a summary is for: a given day, or the tenant's day at a moment from the caller's clock. */
type SummaryDay = { today: IsoDate; now?: Date } | { now: Date; today?: IsoDate };

/**
 * The status summary every channel shows, cached in Redis when there is one (by tenant, the
 * entities it covers and day). The day is given, or the tenant's at `now` (never the machine's
 * clock). `entityIds` limits it to those entities (the asker's scope, or the one entity asked
 * about); `entityId` is the same for one entity.
 */
export async function getStatusSummary(
  deps: { db: Database; services: { cache: SummaryCache } },
  tenantId: string,
  options: { entityIds?: string[]; entityId?: string } & SummaryDay,
): Promise<StatusSummary> {
  const { db, services } = deps;
  const entityIds = options.entityIds ?? (options.entityId ? [options.entityId] : undefined);
  return db.withTenant(tenantId, async (tx) => {
    const settings = await loadTenantSettings(tx);
    const today = options.today ?? todayIn(settings.timezone, (options as { now: Date }).now);
    return services.cache.get(tenantId, `${scopeKey(entityIds)}:${today}`, () =>
      statusSummary(tx, { today, amberWindowDays: settings.amberWindowDays, entityIds }));
  });
}
