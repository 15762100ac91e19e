import type { AssignmentStore } from './assignment-store.js';
import type { ChatSetup } from './chat-setup.js';
import type { DigestSource } from './digest-source.js';
import type { ExtensionStore } from './extension-store.js';
import type { ItemDating } from './item-dating.js';
import type { ReminderSource } from './reminder-source.js';
import type { TenantUnit } from './tenant-unit.js';

/**
 * What the operations of the portal, the CLI and the jobs (assigning, generating, re-dating,
 * extensions, reminders, digests, chat set-up) need from one tenant inside one transaction:
 * everything they write commits or rolls back together with their audit entries and outgoing
 * notifications.
 */
export interface EngineUnit extends Pick<TenantUnit, 'tenantId' | 'timezone' | 'audit' | 'outbox'> {
  dating: ItemDating;
  assignments: AssignmentStore;
  extensions: ExtensionStore;
  reminders: ReminderSource;
  digests: DigestSource;
  chatSetup: ChatSetup;
  /** Runs `work` and then undoes everything it wrote, returning its result (what a change would do). */
  rehearse<T>(work: (unit: EngineUnit) => Promise<T>): Promise<T>;
}

/** Opens a unit of work on one tenant (one transaction) for a use case run by the system or the CLI. */
export interface TenantWork {
  inTenant<T>(tenantId: string, work: (unit: EngineUnit) => Promise<T>): Promise<T>;
}
