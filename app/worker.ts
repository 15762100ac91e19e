import { loadConfigOrExit } from './boot.js';
import { openRuntime } from './runtime.js';
import { startScheduler } from './scheduler.js';

/**
 * `npm run worker`: the background jobs without the web server, so web and worker processes
 * can scale apart (run the web processes with SCHEDULER=off). Any number may run at once.
 */
const config = loadConfigOrExit();
const runtime = await openRuntime(config, { migrate: true });
const scheduler = await startScheduler(runtime);
process.stdout.write('Compliance OS worker is running the background jobs. Press Ctrl-C to stop.\n');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  runtime.logger.info({ signal }, 'worker shutting down');
  setTimeout(() => process.exit(1), 30_000).unref();
  await scheduler.stop();
  await runtime.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
