import type { Recipient } from '../../core/engine/reminders.js';
import { STATUSES } from '../../core/engine/status.js';
import type { Clock, InstancePatch, NotificationDraft, TenantUnit } from '../../core/ports/index.js';
import type { InMemoryTables, StoredEvidence, StoredItem, StoredPerson } from './in-memory-store.js';
import type { FakeTransaction, Locks } from './transaction.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNELS = ['slack', 'teams', 'portal'];

/** What PostgreSQL answers, in its words, where the real store would fail. */
const refused = {
  uuid: (value: string) => new Error(`invalid input syntax for type uuid: "${value}"`),
  foreignKey: (table: string, constraint: string) => new Error(`insert or update on table "${table}" violates foreign key constraint "${constraint}"`),
  check: (table: string, constraint: string) => new Error(`new row for relation "${table}" violates check constraint "${constraint}"`),
  unique: (constraint: string) => new Error(`duplicate key value violates unique constraint "${constraint}"`),
  approved: (e: StoredEvidence) => new Error(`evidence ${e.id} (version ${e.version}) is approved and can no longer be changed or deleted`),
};

const asUuid = (value: string) => {
  if (!UUID.test(value)) throw refused.uuid(value);
  return value;
};

/** Who a draft reaches, as infra/outbox/enqueue.ts resolves it: a named person, or every active holder of the role (tenant admins when nobody holds it). */
function recipients(to: Recipient, entityId: string | null, people: StoredPerson[]): string[] {
  if (to.kind === 'user') return [to.userId];
  const holding = (role: string) => [...new Set(people
    .filter((p) => p.active && p.roles.some((g) => g.role === role && (g.entityId === null || g.entityId === entityId)))
    .map((p) => p.id))];
  const users = holding(to.role);
  return users.length === 0 && to.role !== 'tenant_admin' ? holding('tenant_admin') : users;
}

interface UnitContext {
  tables: InMemoryTables;
  locks: Locks;
  clock: Clock;
  tenant: { id: string; timezone: string };
  tx: FakeTransaction;
}

/** The TenantUnit of one transaction over the in-memory tables (see InMemoryStore). */
export function createInMemoryTenantUnit({ tables, locks, clock, tenant, tx }: UnitContext): TenantUnit {
  const tenantId = tenant.id;
  const mine = <T extends { tenantId: string | null }>(row: T | undefined) => (row?.tenantId === tenantId ? row : undefined);
  const item = (id: string) => mine(tables.items.get(asUuid(id)));
  const person = (id: string) => mine(tables.people.get(asUuid(id)));
  /** Changes a row in place and keeps how to put it back. */
  const change = <T extends object>(row: T, values: Partial<T>) => {
    const before = { ...row };
    Object.assign(row, values);
    tx.wrote(() => Object.assign(row, before));
  };
  const checked = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    tx.check();
    return fn(...args);
  };

  return {
    tenantId,
    timezone: tenant.timezone,
    instances: {
      lock: checked(async (id) => {
        if (!item(id)) return undefined;
        await locks.acquire(`item:${id}`, tx);
        const row = item(id)!;
        return structuredClone({
          id: row.id, entityId: row.entityId, masterId: row.masterId, masterCode: row.masterCode, masterName: row.masterName, periodKey: row.periodKey,
          dueDate: row.dueDate, status: row.status, ownerUserId: row.ownerUserId, approverUserId: row.approverUserId,
          filingReference: row.filingReference, escalationAcknowledgedAt: row.escalationAcknowledgedAt,
        });
      }),
      update: checked(async (id, patch: InstancePatch) => {
        const row = item(id);
        if (!row) return;
        await locks.acquire(`item:${id}`, tx);
        const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<StoredItem>;
        if (values.status && !STATUSES.includes(values.status)) throw refused.check('compliance_instances', 'compliance_instances_status_check');
        if (values.escalationAcknowledgedBy && !person(values.escalationAcknowledgedBy)) {
          throw refused.foreignKey('compliance_instances', 'compliance_instances_tenant_id_escalation_acknowledged_by_foreign');
        }
        change(row, { ...structuredClone(values), lockVersion: row.lockVersion + 1 });
      }),
    },
    evidence: {
      latest: checked(async (instanceId) => {
        asUuid(instanceId);
        const versions = [...tables.evidence.values()].filter((e) => e.tenantId === tenantId && e.instanceId === instanceId);
        const top = versions.sort((a, b) => b.version - a.version)[0];
        return top && structuredClone({
          id: top.id, instanceId: top.instanceId, version: top.version, fileName: top.fileName, contentType: top.contentType, sizeBytes: top.sizeBytes,
          sha256: top.sha256, storageKey: top.storageKey, uploadedBy: top.uploadedBy, channel: top.channel, reviewStatus: top.reviewStatus,
        });
      }),
      add: checked(async ({ sourceRef, ...e }) => {
        if (!item(e.instanceId)) throw refused.foreignKey('evidence', 'evidence_tenant_id_instance_id_foreign');
        if (!person(e.uploadedBy)) throw refused.foreignKey('evidence', 'evidence_tenant_id_uploaded_by_foreign');
        if (!(e.sizeBytes > 0)) throw refused.check('evidence', 'evidence_size_bytes_check');
        if (!/^[0-9a-f]{64}$/.test(e.sha256)) throw refused.check('evidence', 'evidence_sha256_check');
        if (!CHANNELS.includes(e.channel)) throw refused.check('evidence', 'evidence_channel_check');
        if ([...tables.evidence.values()].some((other) => other.storageKey === e.storageKey)) throw refused.unique('evidence_storage_key_key');
        const versions = [...tables.evidence.values()].filter((v) => v.tenantId === tenantId && v.instanceId === e.instanceId);
        for (const pending of versions.filter((v) => v.reviewStatus === 'pending')) change(pending, { reviewStatus: 'superseded' });
        const row: StoredEvidence = {
          ...e, id: crypto.randomUUID(), tenantId, version: Math.max(0, ...versions.map((v) => v.version)) + 1, reviewStatus: 'pending',
          sourceRef: sourceRef ?? null, reviewedBy: null, reviewedAt: null, reviewReason: null,
        };
        tables.evidence.set(row.id, row);
        tx.wrote(() => tables.evidence.delete(row.id));
        const { tenantId: _t, sourceRef: _s, reviewedBy: _b, reviewedAt: _a, reviewReason: _r, ...record } = row;
        return structuredClone(record);
      }),
      review: checked(async (id, review) => {
        const row = mine(tables.evidence.get(asUuid(id)));
        if (!row) return;
        // The database's evidence_guard trigger: approved evidence never changes.
        if (row.reviewStatus === 'approved') throw refused.approved(row);
        if (!person(review.by)) throw refused.foreignKey('evidence', 'evidence_tenant_id_reviewed_by_foreign');
        change(row, { reviewStatus: review.status, reviewedBy: review.by, reviewedAt: new Date(review.at.getTime()), reviewReason: review.reason ?? null });
      }),
    },
    audit: {
      append: checked(async (entries) => {
        if (entries.length === 0) return;
        await locks.acquire(`audit:${tenantId}`, tx);
        tables.appendAudit(tenantId, entries, clock.now(), tx);
      }),
    },
    outbox: {
      enqueue: checked(async (drafts: NotificationDraft[]) => {
        const people = [...tables.people.values()].filter((p) => p.tenantId === tenantId);
        for (const draft of drafts) {
          if (draft.instanceId && !item(draft.instanceId)) throw refused.foreignKey('notifications', 'notifications_tenant_id_instance_id_foreign');
          const entityId = draft.entityId ?? (draft.instanceId ? item(draft.instanceId)!.entityId : null);
          for (const userId of recipients(draft.to, entityId, people)) {
            if (!person(userId)) throw refused.foreignKey('notifications', 'notifications_tenant_id_recipient_user_id_foreign');
            const dedupKey = `${draft.dedupKey}:${userId}`;
            await locks.acquire(`outbox:${tenantId}:${dedupKey}`, tx);
            if (tables.notifications.some((n) => n.tenantId === tenantId && n.dedupKey === dedupKey)) continue;
            const payload = JSON.parse(JSON.stringify({ ...draft.payload, ...(draft.to.kind === 'role' ? { addressedTo: draft.to } : {}) }));
            const row = { tenantId, kind: draft.kind, recipientUserId: userId, instanceId: draft.instanceId, dedupKey, payload };
            tables.notifications.push(row);
            tx.wrote(() => void tables.notifications.splice(tables.notifications.indexOf(row), 1));
          }
        }
      }),
    },
  };
}
