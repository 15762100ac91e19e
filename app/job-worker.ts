import { hostname } from 'node:os';
import { threadId, type MessagePort } from 'node:worker_threads';
import { parseConfig } from '../core/config.js';
import { createLogger } from '../infra/logger.js';
import { jobNamed } from '../jobs/schedule.js';
import { jobContext } from './job-deps.js';
import { openRuntime } from './runtime.js';

export interface JobWorkerData {
  job: string;
  entry: string;
  databaseUrl: string;
  /** The parent's clock offset (CLOCK_AT), so a job sees the same moment as the process that runs it. */
  clockOffsetMs: number;
}

/**
 * A job's life in its worker thread: its own connection pool to the parent's database, a stop
 * flag raised by Bree's 'cancel' (the job finishes its current item), then a clean exit.
 */
export async function runJobInWorker(data: JobWorkerData, port: MessagePort | null): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel, { job: data.job });
  const job = jobNamed(data.job);
  if (!job) throw new Error(`Unknown job ${data.job}`);
  let stopping = false;
  port?.on('message', (message) => {
    if (message === 'cancel') stopping = true;
  });
  const runtime = await openRuntime(config, { databaseUrl: data.databaseUrl, clockOffsetMs: data.clockOffsetMs, logger });
  const started = Date.now();
  try {
    const stats = await job.run(jobContext(runtime, { worker: `${hostname()}:${process.pid}:${threadId}`, shouldStop: () => stopping }));
    logger.info({ ms: Date.now() - started, ...stats }, `job ${data.job} finished`);
  } catch (error) {
    logger.error({ err: error, ms: Date.now() - started }, `job ${data.job} failed`);
  } finally {
    await runtime.close();
    // 'done' (even after a cancel, once the current item is finished) lets Bree retire the
    // thread quietly; 'cancelled' would make it terminate the thread as if it had hung.
    port?.postMessage('done');
    port?.close();
  }
}
