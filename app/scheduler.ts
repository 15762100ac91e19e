import { fileURLToPath } from 'node:url';
import Bree from 'bree';
import { schedule } from '../jobs/schedule.js';
import type { JobWorkerData } from './job-worker.js';
import type { Runtime } from './runtime.js';

export interface Scheduler {
  /** Asks running jobs to finish their current item, then waits for them. */
  stop(): Promise<void>;
}

/** Starts Bree with the schedule table. Works from TypeScript sources and from the compiled build. */
export async function startScheduler(runtime: Runtime): Promise<Scheduler> {
  const log = runtime.logger.child({ module: 'scheduler' });
  const compiled = import.meta.url.endsWith('.js');
  const entry = fileURLToPath(new URL(`./job-worker.${compiled ? 'js' : 'ts'}`, import.meta.url));
  const runner = fileURLToPath(new URL('../jobs/runner.mjs', import.meta.url));
  const bree = new Bree({
    root: false,
    timezone: 'UTC',
    logger: {
      info: (message: string) => log.debug(message),
      warn: (message: string) => log.warn(message),
      error: (message: string) => log.error(message),
    } as unknown as Bree.BreeLogger,
    errorHandler: (error: unknown, meta: { name?: string }) => log.error({ err: error, job: meta?.name }, 'job worker crashed'),
    jobs: schedule.map((job) => ({
      name: job.name,
      path: runner,
      ...(job.cron ? { cron: job.cron } : {}),
      ...(job.interval ? { interval: job.interval } : {}),
      timeout: job.runAtStart ? 0 : false,
      worker: { workerData: { job: job.name, entry, databaseUrl: runtime.databaseUrl, clockOffsetMs: runtime.clock.offsetMs } satisfies JobWorkerData },
    })),
  });
  await bree.start();
  log.info({ jobs: schedule.map((j) => j.name) }, 'scheduler started');
  return {
    async stop() {
      await bree.stop();
      log.info('scheduler stopped');
    },
  };
}
