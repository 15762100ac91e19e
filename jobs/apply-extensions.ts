import { syncLibrary } from '../infra/engine/library-sync.js';
import { activeTenants } from '../infra/stores/tenants.js';
import { libraryExtensionList, libraryMasters } from '../core/library/index.js';
import { systemActor } from '../core/engine/access.js';
import { inSlot } from '../infra/jobs/job-runs.js';
import { recomputeOpenInstances } from '../infra/engine/recompute.js';
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
    const library = await syncLibrary(db, libraryMasters, libraryExtensionList);
    let moved = 0;
    // One pass per tenant: masters whose library rule changed plus those with new extensions, or
    // everything open when no extension is pending (holidays may have changed).
    for (const { id: tenantId } of await activeTenants(db)) {
      const changed = await db.withTenant(tenantId, async (tx) => {
        const pending: string[] = await tx.trx('due_date_overrides').where({ tenant_id: tenantId }).whereNull('applied_at').distinct().pluck('master_id');
        const scope = pending.length > 0 ? { masterIds: [...new Set([...pending, ...library.changedMasterIds])] } : {};
        const result = await recomputeOpenInstances(tx, scope, actor);
        await tx.trx('due_date_overrides').where({ tenant_id: tenantId }).whereNull('applied_at').update({ applied_at: new Date() });
        return result.length;
      });
      if (changed > 0) await services.cache.invalidate(tenantId);
      moved += changed;
    }
    return { librarySynced: library.masters.inserted.length + library.masters.updated.length, moved };
  }, { exclusive: true });
  return stats ?? { skipped: 'slot already taken' };
};
