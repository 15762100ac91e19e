import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRuntime, type Runtime } from '../../app/runtime.js';
import { parseConfig } from '../../core/config.js';
import { jobContext as runOf } from '../../app/job-deps.js';
import type { JobContext } from '../../jobs/context.js';

/** The real composition root against a test database (silent logs, email to the log). */
export async function testRuntime(databaseUrl: string, env: Record<string, string> = {}): Promise<Runtime> {
  const config = parseConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'rt-')), LOG_LEVEL: 'silent', ...env });
  return openRuntime(config, { databaseUrl });
}

/** One run of a job as the scheduler starts it, placed on a fixed moment. */
export const jobContext = (runtime: Runtime, now: Date, worker = 'test-worker'): JobContext =>
  runOf(runtime, { worker, shouldStop: () => false, clock: { now: () => now } });
