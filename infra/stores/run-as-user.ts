import type { Actor } from '../../core/engine/access.js';
import type { SummaryCache } from '../cache/redis.js';
import type { Database } from '../db/database.js';
import { createTenantUnit, loadActor } from './tenant-unit.js';
import type { TenantUnit } from '../../core/ports/tenant-unit.js';
import type { UseCaseRunner } from '../../core/ports/use-case-runner.js';

/**
 * How every channel (Slack, Teams, portal, jobs) runs a core use case: in one transaction of
 * the user's tenant, as that user with their roles, so the rules are enforced in one place.
 * After it commits, the tenant's cached status summaries are dropped.
 */
export async function runAsUser<T>(
  db: Database,
  tenantId: string,
  userId: string,
  useCase: (unit: TenantUnit, actor: Actor) => Promise<T>,
  options: { cache?: SummaryCache } = {},
): Promise<T> {
  const result = await db.withTenant(tenantId, async (tx) => {
    const actor = await loadActor(tx, userId);
    return useCase(await createTenantUnit(tx), actor);
  });
  await options.cache?.invalidate(tenantId);
  return result;
}

/** The use-case runner port on this database (`services.cache` is read at each call). */
export function useCaseRunner(deps: { db: Database; services: { cache: SummaryCache } }): UseCaseRunner {
  return { runAs: (tenantId, userId, useCase) => runAsUser(deps.db, tenantId, userId, useCase, { cache: deps.services.cache }) };
}
