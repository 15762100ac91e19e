import type { Actor } from '../engine/access.js';
import type { RegistrationKind } from '../engine/master.js';
import { NotFoundError } from '../errors.js';
import type { SetupRecordStore, StoredRecord } from '../ports/index.js';
import { afterEventRecorded } from './after-event-recorded.js';
import { afterRegistrationChange } from './after-registration-change.js';
import { redateAfterSetupChange } from './redate-after-setup-change.js';
import { authoriseSetupChange, type SetupChange, type SetupOperation } from './setup-records.js';

/** A kind of setup record: how it is audited and checked, and how its input becomes stored values. */
export interface SetupRecordKind {
  /** The audit object type: entity, user, role_assignment, master, … */
  objectType: string;
  /**
   * tenant: records carry their tenant. shared: the shipped library (no tenant) beside the
   * tenant's own. tenants: a tenant itself (the record is its own tenant).
   */
  scope: 'tenant' | 'shared' | 'tenants';
  /** Operations only platform admins may do (creating and deleting tenants). */
  platformOnly?: readonly SetupOperation[];
  /** Validates the input into the values to store; refusals are ValidationErrors with `details.fields`. */
  parse(input: Record<string, unknown>, op: 'create' | 'update', existing?: StoredRecord): Promise<Record<string, unknown>> | Record<string, unknown>;
}

export interface SetupRecordRequest {
  op: SetupOperation;
  /** The record changed (update, delete). */
  id?: string;
  /** What was asked for, given the record as it stands (an edit names only what it changes). */
  input(existing: StoredRecord | undefined): Record<string, unknown>;
  /** The moment of the change: a registration or an event added or changed makes the items it owes as of it. */
  now?: Date;
}

/**
 * A change to a setup record from any channel: core's setup rule is asked about the record as it
 * stands and again as written (an edit may move it to another entity: a refusal then undoes the
 * write), the change goes on its tenant's audit chain, and the open items it moves are re-dated.
 * A platform admin's change to a tenant's record is made in that tenant's scope.
 */
export async function changeSetupRecord(
  store: SetupRecordStore,
  kind: SetupRecordKind,
  actor: Actor,
  request: SetupRecordRequest,
): Promise<{ record: StoredRecord; before?: StoredRecord }> {
  const { op, id } = request;
  const existing = id ? await store.lock(id) : undefined;
  if (op !== 'create' && !existing) throw new NotFoundError('That record does not exist in your organisation.');
  const tenantOf = (values: Record<string, unknown>): string | null => {
    if (kind.scope === 'tenants') return (existing?.id as string | undefined) ?? null;
    if (store.tenantId) return store.tenantId;
    return ((existing?.tenant_id ?? values.tenant_id) as string | null | undefined) ?? null;
  };
  const ruling = (row: Record<string, unknown> | undefined, rowTenant: string | null): SetupChange => ({
    objectType: kind.objectType, op, objectId: String(row?.id ?? id ?? 'new'),
    entityId: ((row ?? existing)?.entity_id as string | null | undefined) || null,
    platformOnly: kind.platformOnly?.includes(op),
    sharedLibrary: kind.scope === 'shared' && (existing ? !existing.tenant_id : !rowTenant),
    before: existing, after: op === 'delete' ? undefined : row,
  });
  const input = request.input(existing);
  // Refused before the input is even read when the person may not make this change at all.
  authoriseSetupChange(actor, ruling(existing ?? input, tenantOf(input)));
  const values = op === 'delete' ? {} : await kind.parse(input, op, existing);
  const rowTenant = tenantOf(values);
  if (!store.tenantId && rowTenant && kind.scope !== 'tenants') await store.enterTenant(rowTenant);
  let record: StoredRecord;
  if (op === 'create') record = await store.insert({ ...values, ...(kind.scope === 'tenants' ? {} : { tenant_id: rowTenant }) });
  else if (op === 'update') record = await store.update(id!, values);
  else {
    await store.remove(id!);
    record = existing!;
  }
  const entry = authoriseSetupChange(actor, ruling(op === 'delete' ? undefined : record, rowTenant));
  const chainTenant = kind.scope === 'tenants' ? record.id : rowTenant;
  if (chainTenant) await store.audit(chainTenant, [entry]);
  if (record.tenant_id) await redateAfterSetupChange(await store.unitOf(String(record.tenant_id)), actor, { objectType: kind.objectType, op, recordId: record.id });
  if (kind.objectType === 'registration' && record.tenant_id && request.now) {
    await afterRegistrationChange(await store.unitOf(String(record.tenant_id)), actor, {
      op, registrationId: String(record.id), entityId: String(record.entity_id), kind: record.kind as RegistrationKind, active: record.is_active !== false,
    }, request.now);
  }
  if (kind.objectType === 'entity_event' && record.tenant_id && request.now) {
    await afterEventRecorded(await store.unitOf(String(record.tenant_id)), actor, { op, entityId: String(record.entity_id), kind: String(record.kind) }, request.now);
  }
  return { record, before: existing };
}
