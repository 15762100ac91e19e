import type { Clock, LibraryStore, TenantDirectory, TenantWork } from '../core/ports/index.js';
import type { Logger } from '../infra/logger.js';

/** A job's schedule slots: each slot runs once however many workers fire the same tick. */
export interface JobSlots {
  /**
   * Runs `work` if this worker wins the slot (kept alive by a heartbeat while it runs); its stats,
   * or null when another worker has it. With `exclusive`, not while another slot of the job runs.
   */
  inSlot<T extends Record<string, unknown>>(job: string, slot: string, worker: string, work: () => Promise<T>, options?: { exclusive?: boolean }): Promise<T | null>;
}

/** What the jobs work with, wired by the composition root: ports, use cases' units of work, the clock. */
export interface JobDeps {
  tenants: TenantDirectory;
  /** One transaction of a tenant with the engine's ports, for a use case. */
  work: TenantWork;
  library: LibraryStore;
  slots: JobSlots;
  /** Drops a tenant's cached status views once a job changed its items. */
  invalidate(tenantId: string): Promise<void>;
  /** Sends due outbox rows until asked to stop (or, with untilEmpty, until none is due). */
  dispatch(options: { concurrency: number; idleMs: number; shouldStop(): boolean; untilEmpty?: boolean }): Promise<Record<string, number>>;
  clock: Clock;
  logger: Logger;
}

/** What one run of a job gets: the deps, its worker's name and whether it has been asked to stop. */
export interface JobContext extends JobDeps {
  /** Names this worker in job_runs. */
  worker: string;
  shouldStop(): boolean;
}

export type JobStats = Record<string, unknown>;
export type Job = (ctx: JobContext) => Promise<JobStats>;
