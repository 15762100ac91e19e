import type { PortalAdmin } from '../core/engine/portal-access.js';
import { ForbiddenError } from '../core/errors.js';

export { actorOf, entityReach, portalRoleOf, type PortalAdmin, type PortalRole } from '../core/engine/portal-access.js';

/**
 * The signed-in admin of an AdminJS request. Work in their scope (row-level security for tenant
 * users, the whole platform for platform admins, access re-read on every request) runs in
 * infra/portal/: the table store, the portal's work and its read models.
 */
export function portalAdminOf(context: { currentAdmin?: unknown } | undefined): PortalAdmin {
  const admin = context?.currentAdmin as PortalAdmin | undefined;
  // Fail closed: a request without a signed-in admin reaches no data at all.
  if (!admin?.kind) throw new ForbiddenError('Sign in to the portal first.');
  return admin;
}
