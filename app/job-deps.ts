import type { Clock } from '../core/ports/index.js';
import { libraryStore } from '../infra/engine/library-sync.js';
import { jobSlots } from '../infra/jobs/job-runs.js';
import { runDispatcher } from '../infra/outbox/dispatcher.js';
import { tenantWork } from '../infra/stores/engine-unit.js';
import { tenantDirectory } from '../infra/stores/tenants.js';
import type { JobContext, JobDeps } from '../jobs/context.js';
import type { Runtime } from './runtime.js';

/** The jobs' ports, wired to the runtime's database, cache, dispatcher, clock and logger. */
export function jobDeps(runtime: Runtime, clock: Clock = runtime.clock): JobDeps {
  const { db, services, logger } = runtime;
  return {
    tenants: tenantDirectory(db),
    work: tenantWork(db),
    library: libraryStore(db),
    slots: jobSlots(db),
    invalidate: (tenantId) => services.cache.invalidate(tenantId),
    dispatch: (options) => runDispatcher(services.dispatcher, options),
    clock,
    logger,
  };
}

/** One run of a job: its deps, the worker's name and the stop flag (a fixed clock for a run placed on a moment). */
export const jobContext = (runtime: Runtime, run: { worker: string; shouldStop: () => boolean; clock?: Clock }): JobContext => ({
  ...jobDeps(runtime, run.clock),
  worker: run.worker,
  shouldStop: run.shouldStop,
});
