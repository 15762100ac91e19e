import { libraryStore } from '../infra/engine/library-sync.js';
import { activeTenants } from '../infra/stores/tenants.js';
import { libraryExtensionList, libraryMasters } from '../core/library/index.js';
import { systemActor } from '../core/engine/access.js';
import { inSlot } from '../infra/jobs/job-runs.js';
import { redatePendingExtensions } from '../core/use-cases/redate-pending-extensions.js';
import { tenantWork } from '../infra/stores/engine-unit.js';
import type { Job } from './context.js';

/**
 * At start and daily: syncs the shipped library (new rules and government extensions), then
 * re-dates the open instances of masters whose rules, extensions or holidays changed, and
 * marks tenant extensions applied.
 */
export const applyExtensions: Job = async ({ runtime, worker, now }) => {
  const { db, services } = runtime;
  const actor = systemActor('job:apply-extensions', 'Extension job');
  const stats = await inSlot(db, 'apply-extensions', now().toISOString().slice(0, 13), worker, async () => {
    const library = await libraryStore(db).sync(libraryMasters, libraryExtensionList);
    let moved = 0;
    for (const { id: tenantId } of await activeTenants(db)) {
      const changed = (await tenantWork(db).inTenant(tenantId, (unit) =>
        redatePendingExtensions(unit, actor, { changedMasterIds: library.changedMasterIds }, now()))).length;
      if (changed > 0) await services.cache.invalidate(tenantId);
      moved += changed;
    }
    return { librarySynced: library.masters.inserted.length + library.masters.updated.length, moved };
  }, { exclusive: true });
  return stats ?? { skipped: 'slot already taken' };
};
