import { activeTenants } from '../infra/stores/tenants.js';
import { forEachTenant, sweepReminders } from '../infra/engine/reminder-sweep.js';

const SWEEP_CONCURRENCY = 4;
import { inSlot } from '../infra/jobs/job-runs.js';
import type { Job } from './context.js';

/** Hourly: plans each tenant's reminder ladder and queues what is due (only inside its working hours). */
export const sendReminders: Job = async ({ runtime, worker, now, shouldStop }) => {
  const { db } = runtime;
  const hour = now().toISOString().slice(0, 13);
  const stats = await inSlot(db, 'send-reminders', hour, worker, async () => {
    const tenantIds = (await activeTenants(db)).map((t) => t.id);
    const results = await forEachTenant(tenantIds, SWEEP_CONCURRENCY, (tenantId) =>
      shouldStop() ? Promise.resolve({ planned: 0, enqueued: 0 }) : db.withTenant(tenantId, (tx) => sweepReminders(tx, now())));
    return {
      tenants: tenantIds.length,
      planned: results.reduce((n, r) => n + r.planned, 0),
      enqueued: results.reduce((n, r) => n + r.enqueued, 0),
    };
  }, { exclusive: true });
  return stats ?? { skipped: 'slot already taken' };
};
