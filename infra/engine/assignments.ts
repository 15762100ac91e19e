import { requireRole, type Actor } from '../../core/engine/access.js';
import { applies, profileSchema, type EntityFacts } from '../../core/engine/applicability.js';
import { NotFoundError } from '../../core/errors.js';
import { actorRef } from '../../core/use-cases/instance-guard.js';
import { appendAudit } from '../audit/audit-store.js';
import type { TenantTx } from '../db/database.js';
import { loadMasters } from '../stores/masters.js';

export interface Applicable {
  masterId: string;
  code: string;
  name: string;
  applies: boolean;
  reason?: string;
  assigned: boolean;
}

async function entityFacts({ trx, tenantId }: TenantTx, entityId: string): Promise<EntityFacts & { id: string; name: string }> {
  const e = await trx('entities').where({ tenant_id: tenantId, id: entityId }).first('id', 'name', 'entity_type', 'state', 'gst_mode', 'profile');
  if (!e) throw new NotFoundError('That entity does not exist in your organisation.');
  return { id: e.id, name: e.name, entityType: e.entity_type, state: e.state, gstMode: e.gst_mode, profile: profileSchema.parse(e.profile ?? {}) };
}

/** Every master visible to the tenant, with whether it applies to the entity and why. */
export async function applicableMasters(tx: TenantTx, entityId: string): Promise<Applicable[]> {
  const entity = await entityFacts(tx, entityId);
  const masters = await loadMasters(tx.trx);
  const assigned = new Set<string>(await tx.trx('assignments').where({ tenant_id: tx.tenantId, entity_id: entityId, is_active: true }).pluck('master_id'));
  return masters
    .map((m) => ({ masterId: m.id, code: m.code, name: m.name, ...applies(m.applicability, entity), assigned: assigned.has(m.id) }))
    .sort((a, b) => Number(b.applies) - Number(a.applies) || a.code.localeCompare(b.code));
}

/** The default person for a role on an entity: someone scoped to the entity, else tenant-wide. */
async function defaultUser({ trx, tenantId }: TenantTx, role: 'owner' | 'approver', entityId: string): Promise<string | null> {
  const row = await trx('role_assignments as r')
    .join('users as u', function () {
      this.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.user_id');
    })
    .where({ 'r.tenant_id': tenantId, 'r.role': role, 'u.is_active': true })
    .andWhere((q) => q.where('r.entity_id', entityId).orWhereNull('r.entity_id'))
    .orderByRaw('r.entity_id NULLS LAST, u.created_at')
    .first('r.user_id');
  return row?.user_id ?? null;
}

/**
 * Assigns every applicable, not yet assigned master to the entity, naming the owner and
 * approver (given, or the entity's defaults). Each new assignment is audited with its reason.
 */
export async function assignApplicableMasters(
  tx: TenantTx,
  entityId: string,
  actor: Actor,
  people: { ownerUserId?: string; approverUserId?: string } = {},
): Promise<Applicable[]> {
  requireRole(actor, ['tenant_admin'], entityId, 'assign obligations to this entity');
  const candidates = (await applicableMasters(tx, entityId)).filter((a) => a.applies && !a.assigned);
  if (candidates.length === 0) return [];
  const owner = people.ownerUserId ?? (await defaultUser(tx, 'owner', entityId));
  const approver = people.approverUserId ?? (await defaultUser(tx, 'approver', entityId));
  const rows = await tx.trx('assignments')
    .insert(candidates.map((c) => ({
      tenant_id: tx.tenantId, entity_id: entityId, master_id: c.masterId, owner_user_id: owner, approver_user_id: approver, reason: c.reason,
    })))
    .onConflict(['tenant_id', 'entity_id', 'master_id']).merge({ is_active: true, reason: tx.trx.raw('EXCLUDED.reason') })
    .returning(['id', 'master_id']);
  await appendAudit(tx, rows.map((r: { id: string; master_id: string }) => {
    const c = candidates.find((x) => x.masterId === r.master_id)!;
    return {
      actor: actorRef(actor), action: 'assignment.created', objectType: 'assignment', objectId: r.id,
      after: { entityId, code: c.code, reason: c.reason, ownerUserId: owner, approverUserId: approver },
    };
  }));
  return candidates.map((c) => ({ ...c, assigned: true }));
}
