import { todayIn } from '../core/engine/dates.js';
import { generateInstances as generate, generationActor } from '../core/use-cases/generate-instances.js';
import type { Job } from './context.js';

/**
 * Daily at 00:05 tenant time: each tenant's horizon is generated once per local day, at the
 * first tick after its midnight (a tick missed while workers were down is caught up at the next).
 */
export const generateInstances: Job = async ({ tenants, work, slots, invalidate, worker, clock, shouldStop }) => {
  let created = 0;
  let tenantsRun = 0;
  for (const tenant of await tenants.active()) {
    if (shouldStop()) break;
    const localDate = todayIn(tenant.timezone, clock.now());
    const stats = await slots.inSlot('generate-instances', `${localDate}:${tenant.id}`, worker, async () => {
      const result = await work.inTenant(tenant.id, (unit) => generate(unit, generationActor, { asOf: localDate }, clock.now()));
      if (result.created > 0) await invalidate(tenant.id);
      return { created: result.created };
    });
    if (stats) {
      tenantsRun += 1;
      created += stats.created;
    }
  }
  return { tenants: tenantsRun, created };
};
