import { activeTenants } from '../infra/stores/tenants.js';
import { generateInstances as generate, generationActor } from '../core/use-cases/generate-instances.js';
import { tenantWork } from '../infra/stores/engine-unit.js';
import { todayIn } from '../core/engine/dates.js';
import { inSlot } from '../infra/jobs/job-runs.js';
import type { Job } from './context.js';

/**
 * Daily at 00:05 tenant time: each tenant's horizon is generated once per local day, at the
 * first tick after its midnight (a tick missed while workers were down is caught up at the next).
 */
export const generateInstances: Job = async ({ runtime, worker, now, shouldStop }) => {
  const { db, services } = runtime;
  const tenants = await activeTenants(db);
  let created = 0;
  let tenantsRun = 0;
  for (const tenant of tenants) {
    if (shouldStop()) break;
    const localDate = todayIn(tenant.timezone, now());
    const stats = await inSlot(db, 'generate-instances', `${localDate}:${tenant.id}`, worker, async () => {
      const result = await tenantWork(db).inTenant(tenant.id, (unit) => generate(unit, generationActor, { asOf: localDate }, now()));
      if (result.created > 0) await services.cache.invalidate(tenant.id);
      return { created: result.created };
    });
    if (stats) {
      tenantsRun += 1;
      created += stats.created;
    }
  }
  return { tenants: tenantsRun, created };
};
