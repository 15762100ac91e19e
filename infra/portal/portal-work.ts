import type { Actor } from '../../core/engine/access.js';
import { actorOf, type PortalAdmin } from '../../core/engine/portal-access.js';
import type { EngineUnit, NotificationQueue, TenantUnit } from '../../core/ports/index.js';
import { verifyAuditChain, type ChainReport } from '../audit/audit-store.js';
import type { Database } from '../db/database.js';
import { notificationQueue } from '../outbox/requeue.js';
import { loadEvidenceTrail, type EvidenceTrail } from '../storage/evidence-trail.js';
import { createEngineUnit } from '../stores/engine-unit.js';
import { createTenantUnit } from '../stores/tenant-unit.js';
import { importStore, type ImportStore } from './imports-store.js';
import { portalLookups } from './lookups.js';
import { inScope, inTenant, resolveTenant } from './scope.js';

/** One tenant's work for a signed-in admin, in one transaction: the engine's ports and the portal's reads. */
export interface TenantOps {
  /** The admin as they stand now, and as core's actor. */
  admin: PortalAdmin;
  actor: Actor;
  unit(): Promise<EngineUnit>;
  /** The unit of work the item use cases (reopen, …) take, in the same transaction. */
  itemUnit(): Promise<TenantUnit>;
  /** Each item as people read it ("GSTR-3B (monthly) · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026"), by instance id. */
  itemNames(instanceIds: string[]): Promise<Map<string, string>>;
  auditChain(): Promise<ChainReport>;
  evidenceTrail(): Promise<EvidenceTrail>;
  imports: ImportStore;
}

/** Work in an admin's whole reach (a platform admin: every tenant). */
export interface ScopeOps {
  admin: PortalAdmin;
  actor: Actor;
  masterCode(masterId: string): Promise<string | undefined>;
  person(userId: string): Promise<{ name: string; email: string } | undefined>;
  notifications: NotificationQueue;
}

export interface PortalWork {
  inTenant<T>(admin: PortalAdmin, tenantId: string, work: (ops: TenantOps) => Promise<T>): Promise<T>;
  inScope<T>(admin: PortalAdmin, work: (ops: ScopeOps) => Promise<T>): Promise<T>;
  /** The tenant an action works on: a tenant user's own; for a platform admin, the one named (by id or slug). */
  resolveTenant(admin: PortalAdmin, named: { id?: string; slug?: string }): Promise<string>;
}

/** The portal's actions' way to the database: always in the signed-in admin's scope, access re-read each time. */
export const portalWork = (db: Database): PortalWork => ({
  inTenant: (admin, tenantId, work) => inTenant(db, admin, tenantId, (tx, fresh) => work({
    admin: fresh,
    actor: actorOf(fresh),
    unit: () => createEngineUnit(tx),
    itemUnit: () => createTenantUnit(tx),
    itemNames: (instanceIds) => portalLookups(tx.trx).itemNames(instanceIds),
    auditChain: () => verifyAuditChain(tx),
    evidenceTrail: () => loadEvidenceTrail(tx),
    imports: importStore(tx),
  })),
  inScope: (admin, work) => inScope(db, admin, ({ trx, admin: fresh }) => work({
    admin: fresh,
    actor: actorOf(fresh),
    masterCode: async (masterId) => (await trx('compliance_masters').where({ id: masterId }).first('code'))?.code,
    person: (userId) => trx('users').where({ id: userId }).first('name', 'email'),
    notifications: notificationQueue(trx),
  })),
  resolveTenant: (admin, named) => resolveTenant(db, admin, named),
});
