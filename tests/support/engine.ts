import type { IsoDate } from '../../core/engine/dates.js';
import { generateInstances, generationActor, type GenerationResult } from '../../core/use-cases/generate-instances.js';
import { syncLibrary } from '../../core/use-cases/sync-library.js';
import type { Database } from '../../infra/db/database.js';
import { enginePorts, tenantWork } from '../../infra/stores/engine-unit.js';

/** The shipped library (or one given) synced as start-up does it, with its re-dating. */
export const syncShippedLibrary = (db: Database, library?: Parameters<typeof syncLibrary>[2]) =>
  syncLibrary(enginePorts(db), undefined, library);

/** A tenant's items generated as the daily job does it: as of a day, or of the tenant's today at `now`. */
export const generateForTenant = (db: Database, tenantId: string, asOf: IsoDate | undefined, now?: Date): Promise<GenerationResult> => {
  if (!asOf && !now) throw new Error('say which day to generate as of: asOf, or now');
  return tenantWork(db).inTenant(tenantId, (unit) => generateInstances(unit, generationActor, { asOf }, now ?? new Date(`${asOf}T00:00:00Z`)));
};
