import type { ExtensionStore } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';
import { loadMasters } from '../stores/masters.js';

/** A tenant's own extensions and fee waivers (due_date_overrides rows with its tenant id) in PostgreSQL. */
export function extensionStore({ trx, tenantId }: TenantTx): ExtensionStore {
  const pending = () => trx('due_date_overrides').where({ tenant_id: tenantId }).whereNull('applied_at');
  return {
    async masterIdByCode(code) {
      const [master] = await loadMasters(trx, { codes: [code] });
      return master?.id;
    },
    async hasItem(masterId, periodKey) {
      return Boolean(await trx('compliance_instances').where({ tenant_id: tenantId, master_id: masterId, period_key: periodKey }).first('id'));
    },
    async record(e) {
      await trx('due_date_overrides')
        .insert({
          tenant_id: tenantId, master_id: e.masterId, period_key: e.periodKey, kind: e.kind, extended_due_date: e.extendedDueDate,
          reference: e.reference, note: e.note, applied_at: e.appliedAt, states: e.states, districts: e.districts,
        })
        .onConflict(['tenant_id', 'master_id', 'period_key', 'kind', 'states', 'districts']).merge();
    },
    pendingMasterIds: () => pending().distinct().pluck('master_id'),
    async markPendingApplied(at) {
      await pending().update({ applied_at: at });
    },
  };
}
