import type { TenantReadView, WorkReads } from '../../core/ports/work-reads.js';
import type { SummaryCache } from '../cache/redis.js';
import type { Database, TenantTx } from '../db/database.js';
import { getStatusSummary } from '../engine/cached-status.js';
import { entitiesWithin, itemsDueWithin, myItems, recentlyCompleted } from '../engine/item-queries.js';
import { loadTenantSettings } from '../stores/tenant-settings.js';
import { loadActor } from '../stores/tenant-unit.js';

function readView(tx: TenantTx): TenantReadView {
  return {
    actor: (userId) => loadActor(tx, userId),
    settings: () => loadTenantSettings(tx),
    entitiesWithin: (reach) => entitiesWithin(tx, reach),
    itemsDueWithin: (today, days, amber, entityIds) => itemsDueWithin(tx, today, days, amber, entityIds),
    myItems: (userId, today, amber) => myItems(tx, userId, today, amber),
    recentlyCompleted: (userId, today, days, amber) => recentlyCompleted(tx, userId, today, days, amber),
  };
}

/**
 * The read models on PostgreSQL: each `read` is one tenant transaction; the status summary goes
 * through the cache (`services.cache` is read at each call, so a swapped cache takes effect).
 */
export function workReads(deps: { db: Database; services: { cache: SummaryCache } }): WorkReads {
  return {
    read: (tenantId, work) => deps.db.withTenant(tenantId, (tx) => work(readView(tx))),
    statusSummary: (tenantId, { entityIds, now }) => getStatusSummary(deps, tenantId, { entityIds, now }),
  };
}
