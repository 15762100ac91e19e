import type { FeeWaiver } from '../../core/engine/relief.js';

/**
 * The fee waiver an item shows, read beside the item rather than stored on it: a waiver never
 * changes an item's dates, so there is nothing to re-date when one is shipped or recorded.
 * Joins `fw` (fee_waived_until, fee_waiver_reference) to an instance `i` and its entity `e`: the
 * tenant's own waiver before the library's, then the latest date, among those whose states and
 * districts (if any) cover the entity's place (districts compared as relief.ts's districtKey does).
 */
export const FEE_WAIVER_JOIN = `LEFT JOIN LATERAL (
    SELECT o.extended_due_date AS fee_waived_until, o.reference AS fee_waiver_reference
    FROM due_date_overrides o
    WHERE o.kind = 'fee_waiver' AND o.master_id = i.master_id AND o.period_key = i.period_key
      AND (o.tenant_id IS NULL OR o.tenant_id = i.tenant_id)
      AND (o.states IS NULL OR e.state = ANY (o.states))
      AND (o.districts IS NULL OR EXISTS (
        SELECT 1 FROM unnest(o.districts) d WHERE lower(btrim(d)) = lower(btrim(COALESCE(e.district, '')))))
    ORDER BY o.tenant_id NULLS LAST, o.extended_due_date DESC
    LIMIT 1
  ) fw ON true`;

export const FEE_WAIVER_COLUMNS = ['fw.fee_waived_until', 'fw.fee_waiver_reference'];

export const feeWaiverOf = (row: { fee_waived_until?: string | null; fee_waiver_reference?: string | null }): FeeWaiver | null =>
  row.fee_waived_until && row.fee_waiver_reference ? { until: row.fee_waived_until, reference: row.fee_waiver_reference } : null;
