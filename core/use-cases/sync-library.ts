import { systemActor, type Actor } from '../engine/access.js';
import type { Extension, Master } from '../engine/master.js';
import { shippedLibrary } from '../library/index.js';
import type { LibraryStore, LibrarySyncResult, TenantDirectory, TenantWork } from '../ports/index.js';
import { redateOpenItems } from './redate-open-items.js';

/**
 * Brings the shared statutory library up to the shipped one (or the one given), then re-dates, tenant by tenant,
 * the open items of every master whose rules or extensions changed.
 */
export async function syncLibrary(
  deps: { library: LibraryStore; tenants: TenantDirectory; work: TenantWork },
  actor: Actor = systemActor('library-sync', 'Library sync'),
  shipped: { masters: Master[]; extensions: Extension[] } = shippedLibrary,
): Promise<LibrarySyncResult & { moved: number }> {
  const result = await deps.library.sync(shipped.masters, shipped.extensions);
  let moved = 0;
  if (result.changedMasterIds.length > 0) {
    for (const { id } of await deps.tenants.active()) {
      moved += (await deps.work.inTenant(id, (unit) => redateOpenItems(unit, actor, { masterIds: result.changedMasterIds }))).length;
    }
  }
  return { ...result, moved };
}
