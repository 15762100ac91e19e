import { fileURLToPath } from 'node:url';
import Bree from 'bree';
import { schedule } from '../jobs/schedule.js';
import type { JobWorkerData } from './job-worker.js';
import type { Runtime } from './runtime.js';
import type { Logger } from '../infra/logger.js';

export interface Scheduler {
  /** Asks running jobs to finish their current item, then waits for them. */
  stop(): Promise<void>;
}

/**
 * Bree's messages in our log. A long-running job (the dispatcher) is restarted by its interval
 * and Bree says "is already running" each time it is still running, which is the point: that is
 * debug, not a warning with a stack trace every minute.
 */
export function breeLogger(log: Logger): Bree.BreeLogger {
  const text = (message: unknown) => (message instanceof Error ? message.message : String(message));
  return {
    info: (message: unknown) => log.debug(text(message)),
    warn: (message: unknown) => (/ is already running$/.test(text(message)) ? log.debug(text(message)) : log.warn(text(message))),
    error: (message: unknown) => log.error(message instanceof Error ? { err: message } : {}, text(message)),
  } as unknown as Bree.BreeLogger;
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
    logger: breeLogger(log),
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
