import type { Reach } from '../../core/ports/reach.js';

/**
 * How one chat channel reaches people, said in SQL so that who can be addressed where is read in
 * the same statement as the people themselves (a sweep of hundreds of tenants pays per statement).
 */
export interface ChatReachSql {
  readonly channel: Reach['channel'];
  /** True when the tenant whose id is the given SQL expression has this chat connected. */
  connected(tenantId: string): string;
  /** True when the user `u` is linked to an account there. */
  readonly linked: string;
  /** True when the item `i` has its thread there (its root message posted). */
  readonly threaded: string;
}
