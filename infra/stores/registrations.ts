import type { Knex } from 'knex';
import type { Registration } from '../../core/engine/registrations.js';

/** The registrations of some of a tenant's entities, active or not, oldest first. */
export async function loadRegistrations(trx: Knex.Transaction, tenantId: string, entityIds: string[]): Promise<Registration[]> {
  if (entityIds.length === 0) return [];
  const rows: { id: string; entity_id: string; kind: Registration['kind']; number: string; state: string | null; gst_mode: Registration['gstMode']; district: string | null; is_active: boolean }[] =
    await trx('registrations').where({ tenant_id: tenantId }).whereIn('entity_id', entityIds).orderBy('created_at')
      .select('id', 'entity_id', 'kind', 'number', 'state', 'gst_mode', 'district', 'is_active');
  return rows.map((r) => ({ id: r.id, entityId: r.entity_id, kind: r.kind, number: r.number, state: r.state, gstMode: r.gst_mode, district: r.district, isActive: r.is_active }));
}
