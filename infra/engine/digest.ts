import { REGISTRATION_NUMBER_SQL, registrationOf } from './registration-sql.js';
import { OPEN_STATUSES } from '../../core/engine/status.js';
import type { DigestItem, DigestSource } from '../../core/ports/index.js';
import type { TenantTx } from '../db/database.js';
import { enqueueNotifications } from '../outbox/enqueue.js';
import { loadTenantSettings } from '../stores/tenant-settings.js';
import { LABEL_COLUMNS, labelOfRow, type LabelRow } from './item-label.js';
import { statusSummary } from './status-summary.js';

const LIST_LIMIT = 15;

/** The weekly digest's reads in PostgreSQL: one summary for the tenant, short indexed lists. */
export function digestSource(tx: TenantTx): DigestSource {
  const items = async (where: (q: ReturnType<TenantTx['trx']>) => void, entityIds?: string[]): Promise<DigestItem[]> => {
    const q = tx.trx('compliance_instances as i')
      .join('compliance_masters as m', 'm.id', 'i.master_id')
      .join('entities as e', function () {
        this.on('e.tenant_id', 'i.tenant_id').andOn('e.id', 'i.entity_id');
      })
      .where('i.tenant_id', tx.tenantId).orderBy('i.due_date').limit(LIST_LIMIT)
      .select('m.code', 'm.name', 'i.period_key', 'e.name as entity', 'i.due_date', 'm.owed_per', ...LABEL_COLUMNS, tx.trx.raw(`${REGISTRATION_NUMBER_SQL} AS registration_number`));
    if (entityIds) q.whereIn('i.entity_id', entityIds);
    where(q);
    const rows: (LabelRow & { code: string; entity: string; due_date: string; owed_per: string; registration_number: string | null })[] = await q;
    return rows.map((r) => {
      const label = labelOfRow(r);
      return { code: r.code, name: label.title, periodKey: r.period_key, periodName: label.period, entityName: r.entity, registration: registrationOf(r), dueDate: r.due_date };
    });
  };
  return {
    async settings() {
      const { timezone, amberWindowDays } = await loadTenantSettings(tx);
      return { timezone, amberWindowDays };
    },
    cfoGrants: async () => {
      const rows: { user_id: string; entity_id: string | null }[] = await tx.trx('role_assignments as r')
        .join('users as u', function () {
          this.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.user_id');
        })
        .where({ 'r.tenant_id': tx.tenantId, 'r.role': 'cfo', 'u.is_active': true }).select('r.user_id', 'r.entity_id');
      return rows.map((r) => ({ userId: r.user_id, entityId: r.entity_id }));
    },
    ragByEntity: async (today, amberWindowDays) => (await statusSummary(tx, { today, amberWindowDays, urgentLimit: 0 })).entities,
    overdue: (today, entityIds) => items((q) => q.whereIn('i.status', OPEN_STATUSES).andWhere('i.due_date', '<', today), entityIds),
    dueBetween: (from, to, entityIds) => items((q) => q.whereIn('i.status', OPEN_STATUSES).andWhere('i.due_date', '>=', from).andWhere('i.due_date', '<=', to), entityIds),
    approvedLateSince: (since, entityIds) => items((q) => q.where({ 'i.status': 'approved', 'i.approved_late': true }).andWhere('i.decided_at', '>=', since), entityIds),
    queue: (drafts) => enqueueNotifications(tx, drafts),
  };
}
