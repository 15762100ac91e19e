import { sweepReminders } from '../core/use-cases/sweep-reminders.js';
import type { Job } from './context.js';

const SWEEP_CONCURRENCY = 4;

/** Runs `work` for every tenant, a few at a time: database and planning overlap. */
export async function forEachTenant<T>(tenantIds: string[], concurrency: number, work: (tenantId: string) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(tenantIds.length);
  let next = 0;
  const lane = async () => {
    while (next < tenantIds.length) {
      const i = next++;
      results[i] = await work(tenantIds[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tenantIds.length) }, lane));
  return results;
}

/** Hourly: plans each tenant's reminder ladder and queues what is due (only inside its working hours). */
export const sendReminders: Job = async ({ tenants, work, slots, worker, clock, shouldStop }) => {
  const now = clock.now();
  const stats = await slots.inSlot('send-reminders', now.toISOString().slice(0, 13), worker, async () => {
    const tenantIds = (await tenants.active()).map((t) => t.id);
    const results = await forEachTenant(tenantIds, SWEEP_CONCURRENCY, (tenantId) =>
      shouldStop() ? Promise.resolve({ planned: 0, enqueued: 0 }) : work.inTenant(tenantId, (unit) => sweepReminders(unit, {}, clock.now())));
    return {
      tenants: tenantIds.length,
      planned: results.reduce((n, r) => n + r.planned, 0),
      enqueued: results.reduce((n, r) => n + r.enqueued, 0),
    };
  }, { exclusive: true });
  return stats ?? { skipped: 'slot already taken' };
};
