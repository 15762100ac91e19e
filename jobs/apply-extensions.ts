import { systemActor } from '../core/engine/access.js';
import { shippedLibrary } from '../core/library/index.js';
import { redatePendingExtensions } from '../core/use-cases/redate-pending-extensions.js';
import { holidaysMoved } from '../core/use-cases/sync-library.js';
import type { Job } from './context.js';

const actor = systemActor('job:apply-extensions', 'Extension job');

/**
 * At start and daily: syncs the shipped library (new rules, government extensions, published
 * holidays), then re-dates the open instances of masters whose rules, extensions or holidays
 * changed, and marks tenant extensions applied.
 */
export const applyExtensions: Job = async ({ library, tenants, work, slots, invalidate, worker, clock }) => {
  const stats = await slots.inSlot('apply-extensions', clock.now().toISOString().slice(0, 13), worker, async () => {
    const synced = await library.sync(shippedLibrary.masters, shippedLibrary.extensions);
    const holidays = await library.syncHolidays(shippedLibrary.holidays);
    let moved = 0;
    for (const { id: tenantId } of await tenants.active()) {
      const changed = (await work.inTenant(tenantId, (unit) =>
        redatePendingExtensions(unit, actor, { changedMasterIds: synced.changedMasterIds, holidaysChanged: holidaysMoved(holidays) }, clock.now()))).length;
      if (changed > 0) await invalidate(tenantId);
      moved += changed;
    }
    return { librarySynced: synced.masters.inserted.length + synced.masters.updated.length, moved };
  }, { exclusive: true });
  return stats ?? { skipped: 'slot already taken' };
};
