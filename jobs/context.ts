import type { Runtime } from '../app/runtime.js';

/** What a job gets: the process's runtime, the clock, and whether it has been asked to stop. */
export interface JobContext {
  runtime: Runtime;
  /** Names this worker in job_runs. */
  worker: string;
  now(): Date;
  shouldStop(): boolean;
}

export type JobStats = Record<string, unknown>;
export type Job = (ctx: JobContext) => Promise<JobStats>;
