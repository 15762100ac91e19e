import { DateTime } from 'luxon';
import { enqueueWeeklyDigests, isoWeekLabel } from '../core/use-cases/weekly-digests.js';
import type { Job } from './context.js';

/** Mondays from 09:00 tenant time: one digest per CFO per week. */
export const weeklyDigest: Job = async ({ tenants, work, slots, worker, clock, shouldStop }) => {
  let sent = 0;
  for (const tenant of await tenants.active()) {
    if (shouldStop()) break;
    const now = clock.now();
    const local = DateTime.fromJSDate(now, { zone: tenant.timezone });
    if (local.weekday !== 1 || local.hour < 9) continue;
    const stats = await slots.inSlot('weekly-digest', `${isoWeekLabel(tenant.timezone, now)}:${tenant.id}`, worker, async () => ({
      digests: await work.inTenant(tenant.id, (unit) => enqueueWeeklyDigests(unit, now)),
    }));
    sent += stats?.digests ?? 0;
  }
  return { digests: sent };
};
