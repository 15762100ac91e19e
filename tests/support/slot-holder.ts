// A worker in miniature, run as its own process by tests/e2e/job-heartbeat.test.ts: it claims a
// job's schedule slot (exclusive) and works on it forever, beating as a real job does, until killed.
// Usage: node --import tsx tests/support/slot-holder.ts <DATABASE_URL> <job> <slot>
import { createDatabase } from '../../infra/db/database.js';
import { inSlot } from '../../infra/jobs/job-runs.js';

const [url, job, slot] = process.argv.slice(2) as [string, string, string];
const db = createDatabase({ url });
// Work that never ends holds no handle of its own: this keeps the process up until it is killed.
setInterval(() => undefined, 60_000);
await inSlot(db, job, slot, `slot-holder:${process.pid}`, () => {
  process.stdout.write('holding\n');
  return new Promise<Record<string, unknown>>(() => undefined);
}, { exclusive: true });
