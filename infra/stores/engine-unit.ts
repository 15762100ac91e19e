import type { EngineUnit, TenantWork } from '../../core/ports/index.js';
import type { Database, TenantTx } from '../db/database.js';
import { assignmentStore } from '../engine/assignment-store.js';
import { digestSource } from '../engine/digest.js';
import { extensionStore } from '../engine/extension-store.js';
import { itemDating } from '../engine/item-dating.js';
import { libraryStore } from '../engine/library-sync.js';
import { reminderSource } from '../engine/reminder-sweep.js';
import { chatSetup } from './chat-setup.js';
import { createTenantUnit } from './tenant-unit.js';
import { tenantDirectory } from './tenants.js';

/** Carries a rehearsal's result out of a savepoint that must not commit. */
class Rehearsal<T> extends Error {
  constructor(readonly result: T) {
    super('rehearsal');
  }
}

/** The engine's ports for one tenant, on the caller's transaction. */
export async function createEngineUnit(tx: TenantTx): Promise<EngineUnit> {
  const { tenantId, timezone, audit, outbox } = await createTenantUnit(tx);
  return {
    tenantId,
    timezone,
    audit,
    outbox,
    dating: itemDating(tx),
    assignments: assignmentStore(tx),
    extensions: extensionStore(tx),
    reminders: reminderSource(tx),
    digests: digestSource(tx),
    chatSetup: chatSetup(tx),
    async rehearse(work) {
      // A savepoint, rolled back by leaving it through an error that only this function sees.
      try {
        await tx.trx.transaction(async (savepoint) => {
          throw new Rehearsal(await work(await createEngineUnit({ trx: savepoint, tenantId })));
        });
      } catch (error) {
        if (error instanceof Rehearsal) return error.result;
        throw error;
      }
      throw new Error('a rehearsal ended without its result');
    },
  };
}

/** Each unit of work is one transaction in the tenant's row-level-security scope. */
export const tenantWork = (db: Database): TenantWork => ({
  inTenant: (tenantId, work) => db.withTenant(tenantId, async (tx) => work(await createEngineUnit(tx))),
});

/** The platform-level ports of the engine's runs (library sync and tenant-by-tenant passes). */
export const enginePorts = (db: Database) => ({ library: libraryStore(db), tenants: tenantDirectory(db), work: tenantWork(db) });
