import type { EntityFacts } from '../engine/applicability.js';
import type { Registration } from '../engine/registrations.js';
import type { StoredMaster } from '../engine/schedule.js';

export interface AssignableEntity extends EntityFacts {
  id: string;
  name: string;
  /** Its registrations, active or not: obligations owed per registration are judged on them. */
  registrations: Registration[];
}

/** Which obligations a tenant's entities carry, and who prepares and approves them. */
export interface AssignmentStore {
  entity(entityId: string): Promise<AssignableEntity | undefined>;
  /** The active masters the tenant sees: the shared library and its own (its own shadow a library code). */
  visibleMasters(): Promise<StoredMaster[]>;
  /** Masters actively assigned to the entity. */
  assignedMasterIds(entityId: string): Promise<string[]>;
  /** The default person for a role on an entity: an active one scoped to the entity, else tenant-wide, earliest first. */
  defaultPerson(role: 'owner' | 'approver', entityId: string): Promise<string | null>;
  /** Assigns the masters to the entity (reactivating earlier assignments); returns each assignment's id. */
  assign(
    entityId: string,
    masters: { masterId: string; reason: string | undefined }[],
    people: { ownerUserId: string | null; approverUserId: string | null },
  ): Promise<{ id: string; masterId: string }[]>;
}
