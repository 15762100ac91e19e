import type { AuditEntryInput } from '../audit/chain.js';
import type { EngineUnit } from './engine-unit.js';

/** A setup record (entity, person, role, holiday, master, tenant…) as stored: its fields by name. */
export type StoredRecord = Record<string, unknown> & { id: string };

/**
 * One kind of setup record in the reach of the person changing it, inside one transaction:
 * what they cannot see does not exist here.
 */
export interface SetupRecordStore {
  /** The tenant of a tenant user's work; null for a platform admin, who changes any tenant's records. */
  readonly tenantId: string | null;
  /** The record, locked until the change commits; undefined when it is not in reach (or the id is malformed). */
  lock(id: string): Promise<StoredRecord | undefined>;
  /** Narrows the rest of the work to one tenant (a platform admin writing a tenant's record works in its scope). */
  enterTenant(tenantId: string): Promise<void>;
  insert(values: Record<string, unknown>): Promise<StoredRecord>;
  update(id: string, values: Record<string, unknown>): Promise<StoredRecord>;
  remove(id: string): Promise<void>;
  /** Appends to a tenant's audit chain in this transaction. */
  audit(tenantId: string, entries: AuditEntryInput[]): Promise<void>;
  /** The engine's ports for a tenant in this transaction (what a change sets off: re-dating, notices). */
  unitOf(tenantId: string): Promise<EngineUnit>;
}
