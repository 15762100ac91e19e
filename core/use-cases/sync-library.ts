import { systemActor, type Actor } from '../engine/access.js';
import type { Extension, Master } from '../engine/master.js';
import { shippedLibrary } from '../library/index.js';
import type { ShippedHoliday } from '../library/india/holidays/index.js';
import type { HolidaySyncResult, LibraryStore, LibrarySyncResult, TenantDirectory, TenantWork } from '../ports/index.js';
import { redateOpenItems } from './redate-open-items.js';

/** Whether a holiday sync added or removed a day: then any "next working day" item may move. */
export const holidaysMoved = (result: HolidaySyncResult): boolean => result.inserted + result.removed > 0;

/**
 * Brings the shared statutory library (masters, extensions, holidays) up to the shipped one (or
 * the one given), then re-dates, tenant by tenant, the open items that changed: every open item
 * when a shipped holiday was added or removed (as an admin's holiday edit does), else those of
 * the masters whose rules or extensions changed. Each moved item is audited and its owner told.
 */
export async function syncLibrary(
  deps: { library: LibraryStore; tenants: TenantDirectory; work: TenantWork },
  actor: Actor = systemActor('library-sync', 'Library sync'),
  shipped: { masters: Master[]; extensions: Extension[]; holidays?: ShippedHoliday[] } = shippedLibrary,
): Promise<LibrarySyncResult & { holidays: HolidaySyncResult; moved: number }> {
  const result = await deps.library.sync(shipped.masters, shipped.extensions);
  const holidays = await deps.library.syncHolidays(shipped.holidays ?? shippedLibrary.holidays);
  const scope = holidaysMoved(holidays) ? {} : result.changedMasterIds.length > 0 ? { masterIds: result.changedMasterIds } : undefined;
  let moved = 0;
  if (scope) {
    for (const { id } of await deps.tenants.active()) {
      moved += (await deps.work.inTenant(id, (unit) => redateOpenItems(unit, actor, scope))).length;
    }
  }
  return { ...result, holidays, moved };
}
