import { profileSchema } from '../../core/engine/applicability.js';
import type { AssignmentStore } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';
import { loadMasters } from '../stores/masters.js';
import { loadRegistrations } from '../stores/registrations.js';

/** Assignments of a tenant's entities in PostgreSQL. */
export function assignmentStore({ trx, tenantId }: TenantTx): AssignmentStore {
  return {
    async entity(entityId) {
      const e = await trx('entities').where({ tenant_id: tenantId, id: entityId }).first('id', 'name', 'entity_type', 'state', 'gst_mode', 'profile');
      return e && {
        id: e.id, name: e.name, entityType: e.entity_type, state: e.state, gstMode: e.gst_mode, profile: profileSchema.parse(e.profile ?? {}),
        registrations: await loadRegistrations(trx, tenantId, [e.id]),
      };
    },
    visibleMasters: () => loadMasters(trx),
    assignedMasterIds: (entityId) => trx('assignments').where({ tenant_id: tenantId, entity_id: entityId, is_active: true }).pluck('master_id'),
    async defaultPerson(role, entityId) {
      const row = await trx('role_assignments as r')
        .join('users as u', function () {
          this.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.user_id');
        })
        .where({ 'r.tenant_id': tenantId, 'r.role': role, 'u.is_active': true })
        .andWhere((q) => q.where('r.entity_id', entityId).orWhereNull('r.entity_id'))
        .orderByRaw('r.entity_id NULLS LAST, u.created_at')
        .first('r.user_id');
      return row?.user_id ?? null;
    },
    async assign(entityId, masters, people) {
      const rows: { id: string; master_id: string }[] = await trx('assignments')
        .insert(masters.map((m) => ({
          tenant_id: tenantId, entity_id: entityId, master_id: m.masterId, owner_user_id: people.ownerUserId, approver_user_id: people.approverUserId, reason: m.reason,
        })))
        .onConflict(['tenant_id', 'entity_id', 'master_id']).merge({ is_active: true, reason: trx.raw('EXCLUDED.reason') })
        .returning(['id', 'master_id']);
      return rows.map((r) => ({ id: r.id, masterId: r.master_id }));
    },
  };
}
