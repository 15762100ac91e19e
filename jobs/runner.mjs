// Bree starts every job in a worker thread from this file. Bree cannot load TypeScript, so in
// development (a .ts entry) tsx is registered first; the compiled build passes a .js entry.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { runJobInWorker } = await import(pathToFileURL(workerData.entry).href);
await runJobInWorker(workerData, parentPort);
