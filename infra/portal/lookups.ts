import type { Knex } from 'knex';
import type { ObligationLabel } from '../../core/engine/labels.js';
import type { FeeWaiver } from '../../core/engine/relief.js';
import { FEE_WAIVER_COLUMNS, FEE_WAIVER_JOIN, feeWaiverOf } from '../engine/fee-waiver-sql.js';
import { LABEL_COLUMNS, labelOfRow } from '../engine/item-label.js';
import { loadTimezone } from '../stores/tenant-unit.js';

export interface TimelineEntry {
  seq: number;
  occurred_at: Date;
  actor_label: string | null;
  actor_id: string;
  action: string;
  after: Record<string, unknown> | null;
}

/** What the portal's resources look up while checking input and showing rows, in the request's transaction. */
export interface PortalLookups {
  /** Whether the master is in the shared library or the tenant's own list (a foreign key alone would accept another tenant's). */
  masterInLibraryOf(masterId: string, tenantId: string): Promise<boolean>;
  timezoneOf(tenantId: string): Promise<string>;
  /** Each tenant's timezone and amber window, for the RAG of its rows. */
  ragSettings(tenantIds: string[]): Promise<Map<string, { timezone: string; amberWindowDays: number }>>;
  /** An item's audit entries (its own and its evidence's), oldest first, at most 200. */
  auditTimeline(instance: { id: string; tenantId: string }): Promise<TimelineEntry[]>;
  /** Each item's names in force for its period (form, section, law, period naming), by instance id. */
  itemLabels(instanceIds: string[]): Promise<Map<string, ObligationLabel>>;
  /** The MCA fee waiver each item shows beside its due date, by instance id (items without one are absent). */
  feeWaivers(instanceIds: string[]): Promise<Map<string, FeeWaiver>>;
}

export function portalLookups(trx: Knex.Transaction): PortalLookups {
  return {
    async masterInLibraryOf(masterId, tenantId) {
      return Boolean(await trx('compliance_masters').where({ id: masterId }).andWhere((q) => q.whereNull('tenant_id').orWhere('tenant_id', tenantId)).first('id'));
    },
    timezoneOf: (tenantId) => loadTimezone({ trx, tenantId }),
    async ragSettings(tenantIds) {
      const tenants: { id: string; timezone: string; amber_window_days: number }[] = await trx('tenants').whereIn('id', tenantIds).select('id', 'timezone', 'amber_window_days');
      return new Map(tenants.map((t) => [t.id, { timezone: t.timezone, amberWindowDays: t.amber_window_days }]));
    },
    async itemLabels(instanceIds) {
      const rows = await trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
        .whereIn('i.id', instanceIds).select('i.id', 'm.name', 'i.period_key', ...LABEL_COLUMNS);
      return new Map(rows.map((row) => [row.id as string, labelOfRow(row)]));
    },
    async feeWaivers(instanceIds) {
      const rows = await trx('compliance_instances as i').join('entities as e', function () { this.on('e.tenant_id', 'i.tenant_id').andOn('e.id', 'i.entity_id'); })
        .joinRaw(FEE_WAIVER_JOIN).whereIn('i.id', instanceIds).whereNotNull('fw.fee_waived_until').select('i.id', ...FEE_WAIVER_COLUMNS);
      return new Map(rows.map((row) => [row.id as string, feeWaiverOf(row)!]));
    },
    async auditTimeline(instance) {
      const evidenceIds: string[] = await trx('evidence').where({ tenant_id: instance.tenantId, instance_id: instance.id }).pluck('id');
      return trx('audit_log')
        .where({ tenant_id: instance.tenantId })
        .andWhere((q) => q.where({ object_type: 'instance', object_id: instance.id }).orWhere((e) => e.where('object_type', 'evidence').whereIn('object_id', evidenceIds)))
        .orderBy('seq')
        .limit(200)
        .select('seq', 'occurred_at', 'actor_label', 'actor_id', 'action', 'after');
    },
  };
}
