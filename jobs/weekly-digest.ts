import { activeTenants } from '../infra/stores/tenants.js';
import { DateTime } from 'luxon';
import { enqueueWeeklyDigests, isoWeekLabel } from '../infra/engine/digest.js';
import { inSlot } from '../infra/jobs/job-runs.js';
import type { Job } from './context.js';

/** Mondays from 09:00 tenant time: one digest per CFO per week. */
export const weeklyDigest: Job = async ({ runtime, worker, now, shouldStop }) => {
  const { db } = runtime;
  const tenants = await activeTenants(db);
  let sent = 0;
  for (const tenant of tenants) {
    if (shouldStop()) break;
    const local = DateTime.fromJSDate(now(), { zone: tenant.timezone });
    if (local.weekday !== 1 || local.hour < 9) continue;
    const stats = await inSlot(db, 'weekly-digest', `${isoWeekLabel(tenant.timezone, now())}:${tenant.id}`, worker, async () => ({
      digests: await db.withTenant(tenant.id, (tx) => enqueueWeeklyDigests(tx, now())),
    }));
    sent += stats?.digests ?? 0;
  }
  return { digests: sent };
};
