import type { AuditEntryInput } from '../audit/chain.js';
import { hasRole, requireRole, type Actor } from '../engine/access.js';
import { ForbiddenError } from '../errors.js';
import { actorRef } from './instance-guard.js';

export type SetupOperation = 'create' | 'update' | 'delete';

/** A change to a setup record (entity, person, role, master, holiday…) made by an admin. */
export interface SetupChange {
  /** The audit object type: entity, user, role_assignment, master, … */
  objectType: string;
  op: SetupOperation;
  objectId: string;
  /** The entity the record belongs to, for entity-scoped admins; null for tenant-wide records. */
  entityId: string | null;
  /** Records only platform admins may change (tenants themselves). */
  platformOnly?: boolean;
  /** The shared statutory library (no tenant): shipped with the product, changed by a release. */
  sharedLibrary?: boolean;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

const PAST: Record<SetupOperation, string> = { create: 'created', update: 'updated', delete: 'deleted' };

/** Why a shipped row cannot be changed here, and what to do instead, by kind of record. */
const SHARED_LIBRARY_REFUSALS: Record<string, string> = {
  master: 'The shared statutory library ships with the product and changes only with a release. Add a tenant-specific obligation instead.',
  holiday: 'This holiday comes from a published government list (see its source) and changes only with a release. '
    + 'To close on another day, add your own holiday; if the published list is wrong, tell the product team with the notification.',
};
/** Never on the audit chain, whatever the record. */
const SECRET_FIELDS = new Set(['password_hash', 'bot_token_encrypted', 'installation_encrypted']);

const withoutSecrets = (values: Record<string, unknown> | undefined) =>
  values && Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)));

/**
 * The one rule for setup changes from any channel (portal, imports, CLI): tenant admins change
 * their tenant's setup (entity-scoped admins, their entity's), platform admins anything but the
 * shipped library; auditors and everyone else nothing. Returns the audit entry to write with it.
 */
export function authoriseSetupChange(actor: Actor, change: SetupChange): AuditEntryInput {
  const doing = `${change.op} this ${change.objectType.replace(/_/g, ' ')}`;
  if (change.sharedLibrary) throw new ForbiddenError(SHARED_LIBRARY_REFUSALS[change.objectType] ?? SHARED_LIBRARY_REFUSALS.master!);
  if (change.platformOnly && !hasRole(actor, [], null)) {
    throw new ForbiddenError(`You cannot ${doing}: only a platform admin can.`);
  }
  requireRole(actor, ['tenant_admin'], change.entityId, doing);
  return {
    actor: actorRef(actor),
    action: `${change.objectType}.${PAST[change.op]}`,
    objectType: change.objectType,
    objectId: change.objectId,
    before: withoutSecrets(change.before),
    after: withoutSecrets(change.after),
  };
}
