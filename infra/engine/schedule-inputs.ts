import { profileSchema, type EntityFacts } from '../../core/engine/applicability.js';
import type { IsoDate } from '../../core/engine/dates.js';
import { owedTargets, type OwedTarget, type Registration } from '../../core/engine/registrations.js';
import { buildSchedule, type GenerationWindow, type ScheduleEntity, type ScheduleRow } from '../../core/engine/schedule.js';
import type { TenantTx } from '../db/database.js';
import { loadMasters } from '../stores/masters.js';
import { loadRegistrations } from '../stores/registrations.js';

export interface TenantSchedule {
  rows: ScheduleRow[];
  /** Which items masters owed per registration make, per assigned entity (see owedTargets). */
  targets: OwedTarget[];
  /** The masters owed per registration: their items come only from targets. */
  perRegistration: string[];
}

/**
 * Everything the pure schedule builder needs for some of a tenant's masters: the masters, the
 * entities assigned to them with their AGM dates and registrations, holidays, and extensions
 * (its own over the library's).
 */
export async function tenantSchedule({ trx, tenantId }: TenantTx, masterIds: string[], window: GenerationWindow): Promise<TenantSchedule> {
  if (masterIds.length === 0) return { rows: [], targets: [], perRegistration: [] };
  const masters = await loadMasters(trx, { ids: masterIds });
  const entityRows: { id: string; state: string; entity_type: EntityFacts['entityType']; gst_mode: EntityFacts['gstMode']; profile: unknown }[] = await trx('entities')
    .where({ tenant_id: tenantId, is_active: true })
    .whereIn('id', trx('assignments').select('entity_id').where({ tenant_id: tenantId, is_active: true }).whereIn('master_id', masterIds))
    .select('id', 'state', 'entity_type', 'gst_mode', 'profile');
  const registrations: Registration[] = await loadRegistrations(trx, tenantId, entityRows.map((e) => e.id));
  const events: { entity_id: string; fiscal_year: string; event_date: IsoDate }[] = await trx('entity_events')
    .where({ tenant_id: tenantId, kind: 'agm' }).select('entity_id', 'fiscal_year', 'event_date');
  const entities: ScheduleEntity[] = entityRows.map((e) => ({
    id: e.id,
    state: e.state,
    agmDates: Object.fromEntries(events.filter((ev) => ev.entity_id === e.id).map((ev) => [ev.fiscal_year, ev.event_date])),
  }));
  const holidays: { holiday_date: IsoDate; state: string | null }[] = await trx('holidays').where({ tenant_id: tenantId }).select('holiday_date', 'state');
  const overrides: { master_id: string; period_key: string; extended_due_date: IsoDate; reference: string; tenant_id: string | null }[] =
    await trx('due_date_overrides').whereIn('master_id', masterIds).orderByRaw('tenant_id NULLS FIRST')
      .select('master_id', 'period_key', 'extended_due_date', 'reference', 'tenant_id');
  // Ordered library first, so the tenant's own extension overwrites it.
  const extensions = new Map(overrides.map((o) => [`${o.master_id}|${o.period_key}`, { date: o.extended_due_date, reference: o.reference }]));
  const rows = buildSchedule({
    masters, entities, holidays: holidays.map((h) => ({ date: h.holiday_date, state: h.state })), extensions, window,
    // A registration's items follow its state's holidays.
    registrationStates: registrations.flatMap((r) => (r.state ? [r.state] : [])),
  });
  const facts = entityRows.map((e) => ({ id: e.id, entityType: e.entity_type, state: e.state, gstMode: e.gst_mode, profile: profileSchema.parse(e.profile ?? {}) }));
  return {
    rows,
    targets: owedTargets(masters, facts, registrations),
    perRegistration: masters.filter((m) => m.owedPer !== 'entity').map((m) => m.id),
  };
}
