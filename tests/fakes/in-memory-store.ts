import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, entryHash, type AuditEntryInput, type ChainedEntry } from '../../core/audit/chain.js';
import type { Actor, Role, RoleGrant } from '../../core/engine/access.js';
import { NotFoundError } from '../../core/errors.js';
import type { Clock, EvidenceRecord, InstanceRecord, TenantUnit } from '../../core/ports/index.js';
import { entityOf, evidenceOf, grantOf, masterOf, periodOf, personOf, resolver } from '../mothers/defaults.js';
import type { BuiltTenant, TenantBuilder } from '../mothers/tenant-mother.js';
import { createInMemoryTenantUnit } from './in-memory-tenant-unit.js';
import { inTransaction, Locks, type FakeTransaction } from './transaction.js';

export interface StoredPerson {
  id: string; tenantId: string; email: string; name: string; active: boolean; slackUserId: string | null; roles: RoleGrant[];
}

/** An item as the unit of work sees it, plus the columns its patches write. */
export interface StoredItem extends InstanceRecord {
  tenantId: string;
  periodStart: string;
  periodEnd: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  approvedLate: boolean | null;
  statusReason: string | null;
  escalationAcknowledgedBy: string | null;
  /** compliance_instances.lock_version: every update adds one. */
  lockVersion: number;
}

export interface StoredEvidence extends EvidenceRecord {
  tenantId: string;
  sourceRef: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewReason: string | null;
}

export interface StoredNotification {
  tenantId: string; kind: string; recipientUserId: string; instanceId: string | null; dedupKey: string; payload: Record<string, unknown>;
}

/** The rows, by table; the unit of work reads and writes them inside a FakeTransaction. */
export class InMemoryTables {
  readonly tenants = new Map<string, { id: string; slug: string; name: string; timezone: string }>();
  readonly entities = new Map<string, { id: string; tenantId: string; name: string }>();
  readonly people = new Map<string, StoredPerson>();
  readonly masters = new Map<string, { id: string; tenantId: string | null; code: string; name: string }>();
  readonly items = new Map<string, StoredItem>();
  readonly evidence = new Map<string, StoredEvidence>();
  readonly audit = new Map<string, ChainedEntry[]>();
  readonly notifications: StoredNotification[] = [];

  /** Appends to the tenant's hash chain exactly as infra/audit/audit-store.ts does (JSON round trip, one moment per batch). */
  appendAudit(tenantId: string, inputs: AuditEntryInput[], at: Date, tx?: FakeTransaction): void {
    if (inputs.length === 0) return;
    const chain = this.audit.get(tenantId) ?? [];
    this.audit.set(tenantId, chain);
    const occurredAt = new Date(at.getTime());
    const json = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
    for (const input of inputs) {
      const head = chain[chain.length - 1];
      const entry = {
        tenantId, seq: (head?.seq ?? 0) + 1, occurredAt, actorType: input.actor.type, actorId: input.actor.id, actorLabel: input.actor.label ?? null,
        action: input.action, objectType: input.objectType, objectId: input.objectId, before: json(input.before), after: json(input.after),
      };
      const prevHash = head?.hash ?? GENESIS_HASH;
      chain.push({ ...entry, prevHash, hash: entryHash(prevHash, entry) });
      tx?.wrote(() => void chain.pop());
    }
  }
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The in-memory stand-in for the PostgreSQL store behind core/ports' TenantUnit, for use-case
 * tests that run in milliseconds. It behaves as the real store does wherever a use case could
 * tell (tests/contract/tenant-unit.contract.ts runs the same assertions against both): rows of
 * other tenants are invisible, a lock waits for the transaction holding it, a failed use case
 * leaves nothing behind, evidence versions count up and supersede, approved evidence refuses
 * change, the audit chain links, and the outbox skips a dedup key it already holds.
 */
export class InMemoryStore {
  readonly tables = new InMemoryTables();
  private readonly locks = new Locks();

  constructor(private readonly clock: Clock) {}

  /** Seeds a tenant described by a mother (tests/mothers); what the unit of work never reads is refused, not ignored. */
  seed(builder: TenantBuilder): BuiltTenant {
    const { plan } = builder;
    const unsupported = (['entityEvents', 'assignments', 'holidays', 'overrides', 'notifications', 'slackInstallations', 'teamsConversations'] as const)
      .filter((kind) => plan[kind].length > 0);
    if (unsupported.length > 0) throw new Error(`The in-memory store does not hold ${unsupported.join(', ')}: build this tenant in a test database instead.`);
    const tenantId = plan.existingTenantId ?? randomUUID();
    if (!this.tables.tenants.has(tenantId)) {
      if (plan.existingTenantId) throw new Error(`No tenant ${tenantId} in this store.`);
      this.tables.tenants.set(tenantId, { id: tenantId, slug: plan.tenant.slug, name: plan.tenant.name, timezone: plan.tenant.timezone ?? 'Asia/Kolkata' });
    }
    const ids = new Map<string, string>();
    const ref = resolver(ids);
    const built: BuiltTenant = { tenantId, id: ref };
    const newId = (key: string) => {
      const id = randomUUID();
      ids.set(key, id);
      return id;
    };
    for (const [key, spec] of plan.entities) this.tables.entities.set(newId(key), { id: ids.get(key)!, tenantId, name: entityOf(key, spec).name });
    for (const [key, spec] of plan.people) {
      const id = newId(key);
      const { email, name, active, slackUserId, roles } = personOf(key, spec, plan, ref);
      this.tables.people.set(id, { id, tenantId, email, name, active, slackUserId, roles });
    }
    for (const { person, role } of plan.roles) this.person(ref(person)).roles.push(grantOf(role, ref));
    for (const [key, spec] of plan.masters) {
      const { code, name } = masterOf(spec);
      this.tables.masters.set(newId(key), { id: ids.get(key)!, tenantId, code, name });
    }
    for (const [key, spec] of plan.items) {
      const id = newId(key);
      const master = this.tables.masters.get(ref(spec.master));
      if (!master) throw new Error(`No master ${spec.master} for item "${key}": add it with withMaster.`);
      const period = periodOf(spec);
      this.tables.items.set(id, {
        id, tenantId, entityId: ref(spec.entity), masterId: master.id, masterCode: master.code, masterName: master.name, periodKey: spec.periodKey,
        periodStart: period.start, periodEnd: period.end, dueDate: spec.dueDate, status: spec.status ?? 'pending',
        ownerUserId: spec.owner ? ref(spec.owner) : null, approverUserId: spec.approver ? ref(spec.approver) : null, filingReference: null,
        escalationAcknowledgedAt: null, submittedAt: null, decidedAt: null, approvedLate: null, statusReason: null, escalationAcknowledgedBy: null, lockVersion: 0,
      });
    }
    const uploads: AuditEntryInput[] = [];
    for (const [key, spec] of plan.evidence) {
      const id = newId(key);
      const instanceId = ref(spec.item);
      const e = evidenceOf(spec, tenantId, instanceId);
      this.tables.evidence.set(id, {
        id, tenantId, instanceId, ...e, uploadedBy: ref(spec.uploadedBy), sourceRef: null, reviewedBy: null, reviewedAt: null, reviewReason: null,
      });
      if (spec.recordedUpload) {
        uploads.push({
          actor: { type: 'user', id: ref(spec.uploadedBy) }, action: 'evidence.uploaded', objectType: 'evidence', objectId: id,
          after: { instanceId, version: e.version, fileName: e.fileName, sizeBytes: e.sizeBytes, sha256: e.sha256, channel: e.channel },
        });
      }
    }
    this.tables.appendAudit(tenantId, [...uploads, ...plan.auditEntries.map((e) => (typeof e === 'function' ? e(built) : e))], this.clock.now());
    return built;
  }

  /** One transaction of `tenantId`: what `work` writes is kept when it resolves and taken back when it throws. */
  transaction<T>(tenantId: string, work: (unit: TenantUnit) => Promise<T>): Promise<T> {
    const tenant = this.tables.tenants.get(tenantId);
    if (!tenant) return Promise.reject(new NotFoundError('Tenant not found'));
    return inTransaction((tx) => work(createInMemoryTenantUnit({ tables: this.tables, locks: this.locks, clock: this.clock, tenant, tx })));
  }

  /** As infra/stores/run-as-user.ts: the use case runs in the person's tenant, as them, with their roles. */
  runAsUser<T>(tenantId: string, userId: string, useCase: (unit: TenantUnit, actor: Actor) => Promise<T>): Promise<T> {
    return this.transaction(tenantId, async (unit) => {
      const person = this.tables.people.get(userId);
      if (!person || person.tenantId !== tenantId || !person.active) {
        throw new NotFoundError('That user does not exist in this organisation or is deactivated.');
      }
      return useCase(unit, { type: 'user', id: person.id, label: person.name, roles: copy(person.roles) });
    });
  }

  /** Gives someone another role (what an admin does in the portal). */
  grant(userId: string, role: Role, entityId: string | null = null): void {
    this.person(userId).roles.push({ role, entityId });
  }

  revoke(userId: string, role: Role): void {
    const person = this.person(userId);
    person.roles = person.roles.filter((g) => g.role !== role);
  }

  private person(userId: string): StoredPerson {
    const person = this.tables.people.get(userId);
    if (!person) throw new Error(`No person ${userId} in this store.`);
    return person;
  }

  // What the use cases wrote, read back as copies.

  item(id: string): StoredItem {
    const item = this.tables.items.get(id);
    if (!item) throw new Error(`No item ${id} in this store.`);
    return copy(item);
  }

  evidenceOf(instanceId: string): StoredEvidence[] {
    return [...this.tables.evidence.values()].filter((e) => e.instanceId === instanceId).sort((a, b) => a.version - b.version).map(copy);
  }

  auditOf(tenantId: string): ChainedEntry[] {
    return copy(this.tables.audit.get(tenantId) ?? []);
  }

  notificationsOf(tenantId: string): StoredNotification[] {
    return this.tables.notifications.filter((n) => n.tenantId === tenantId).map(copy);
  }
}
