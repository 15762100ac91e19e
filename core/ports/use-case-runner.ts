import type { Actor } from '../engine/access.js';
import type { TenantUnit } from './tenant-unit.js';

/**
 * Runs a core use case as a person: in one transaction of their tenant, with their roles, so the
 * rules are enforced in one place whatever the channel. Cached views are dropped after it commits.
 */
export interface UseCaseRunner {
  runAs<T>(tenantId: string, userId: string, useCase: (unit: TenantUnit, actor: Actor) => Promise<T>): Promise<T>;
}
