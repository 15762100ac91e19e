import { systemActor, type Actor } from '../core/engine/access.js';
import { todayIn } from '../core/engine/dates.js';
import type { Extension, Master } from '../core/engine/master.js';
import type { Database } from '../infra/db/database.js';
import { generateInstances, type GenerationResult } from '../infra/engine/generate.js';
import { syncLibrary, type SyncResult } from '../infra/engine/library-sync.js';
import { recomputeOpenInstances } from '../infra/engine/recompute.js';
import { activeTenants } from '../infra/stores/tenants.js';
import { loadTimezone } from '../infra/stores/tenant-unit.js';
import { libraryExtensionList, libraryMasters } from '../core/library/index.js';

/**
 * Platform-level engine runs shared by start-up, the CLI and (later) the jobs: sync the shipped
 * library, move open instances whose rules changed, and generate each tenant's horizon.
 */
export async function syncShippedLibrary(
  db: Database,
  library: { masters: Master[]; extensions: Extension[] } = { masters: libraryMasters, extensions: libraryExtensionList },
  actor: Actor = systemActor('library-sync', 'Library sync'),
): Promise<SyncResult & { moved: number }> {
  const result = await syncLibrary(db, library.masters, library.extensions);
  let moved = 0;
  if (result.changedMasterIds.length > 0) {
    for (const { id: tenantId } of await activeTenants(db)) {
      moved += (await db.withTenant(tenantId, (tx) => recomputeOpenInstances(tx, { masterIds: result.changedMasterIds }, actor))).length;
    }
  }
  return { ...result, moved };
}

/** Generates a tenant's instances as of its own today (or a given date). */
export async function generateForTenant(db: Database, tenantId: string, asOf?: string, now = new Date()): Promise<GenerationResult> {
  return db.withTenant(tenantId, async (tx) => {
    const today = asOf ?? todayIn(await loadTimezone(tx), now);
    return generateInstances(tx, today, systemActor('generate-instances', 'Instance generation'));
  });
}
