import type { Knex } from 'knex';
import { itemName, type ObligationLabel } from '../../core/engine/labels.js';
import type { FeeWaiver } from '../../core/engine/relief.js';
import { FEE_WAIVER_COLUMNS, FEE_WAIVER_JOIN, feeWaiverOf } from '../engine/fee-waiver-sql.js';
import { LABEL_COLUMNS, labelOfRow } from '../engine/item-label.js';
import { loadItemFacts } from '../outbox/listed-items.js';
import { loadTimezone } from '../stores/tenant-unit.js';
import { loadItemTimeline, type TimelineLine } from './item-timeline.js';

/** What the portal's resources look up while checking input and showing rows, in the request's transaction. */
export interface PortalLookups {
  /** Whether the master is in the shared library or the tenant's own list (a foreign key alone would accept another tenant's). */
  masterInLibraryOf(masterId: string, tenantId: string): Promise<boolean>;
  timezoneOf(tenantId: string): Promise<string>;
  /** Each tenant's timezone and amber window, for the RAG of its rows. */
  ragSettings(tenantIds: string[]): Promise<Map<string, { timezone: string; amberWindowDays: number }>>;
  /** An item's history in sentences (its changes, its evidence's, the messages about it), oldest first, in its tenant's timezone. */
  itemTimeline(instance: { id: string; tenantId: string }): Promise<TimelineLine[]>;
  /** Each item's names in force for its period (form, section, law, period naming), by instance id. */
  itemLabels(instanceIds: string[]): Promise<Map<string, ObligationLabel>>;
  /** Each item as people read it, "GSTR-3B (monthly) · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026", by instance id. */
  itemNames(instanceIds: string[]): Promise<Map<string, string>>;
  /** The item each evidence version belongs to, by evidence id. */
  itemsOfEvidence(evidenceIds: string[]): Promise<Map<string, string>>;
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
    async itemNames(instanceIds) {
      return new Map((await loadItemFacts(trx, instanceIds)).map((item) => [item.id, itemName(item)]));
    },
    async itemsOfEvidence(evidenceIds) {
      if (evidenceIds.length === 0) return new Map();
      const rows: { id: string; instance_id: string }[] = await trx('evidence').whereIn('id', evidenceIds).select('id', 'instance_id');
      return new Map(rows.map((row) => [row.id, row.instance_id]));
    },
    async feeWaivers(instanceIds) {
      const rows = await trx('compliance_instances as i').join('entities as e', function () { this.on('e.tenant_id', 'i.tenant_id').andOn('e.id', 'i.entity_id'); })
        .joinRaw(FEE_WAIVER_JOIN).whereIn('i.id', instanceIds).whereNotNull('fw.fee_waived_until').select('i.id', ...FEE_WAIVER_COLUMNS);
      return new Map(rows.map((row) => [row.id as string, feeWaiverOf(row)!]));
    },
    // Its tenant's transaction for a tenant user; a platform admin's reads the named tenant's rows.
    itemTimeline: (instance) => loadItemTimeline({ trx, tenantId: instance.tenantId }, instance.id),
  };
}
