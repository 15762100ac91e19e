import { sweepReminders } from '../core/infra/engine/reminder-sweep.js';
import { inSlot } from '../core/infra/jobs/job-runs.js';
import type { Job } from './context.js';

/** Hourly: plans each tenant's reminder ladder and queues what is due (only inside its working hours). */
export const sendReminders: Job = async ({ runtime, worker, now, shouldStop }) => {
  const { db } = runtime;
  const hour = now().toISOString().slice(0, 13);
  const stats = await inSlot(db, 'send-reminders', hour, worker, async () => {
    const tenantIds: string[] = await db.withSystem((trx) => trx('tenants').where({ is_active: true }).pluck('id'));
    let enqueued = 0;
    let planned = 0;
    for (const tenantId of tenantIds) {
      if (shouldStop()) break;
      const r = await db.withTenant(tenantId, (tx) => sweepReminders(tx, now()));
      enqueued += r.enqueued;
      planned += r.planned;
    }
    return { tenants: tenantIds.length, planned, enqueued };
  }, { exclusive: true });
  return stats ?? { skipped: 'slot already taken' };
};
