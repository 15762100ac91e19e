import { profileSchema, type EntityFacts } from '../../core/engine/applicability.js';
import type { IsoDate } from '../../core/engine/dates.js';
import { isRecordedEventKind, type EntityEventKind } from '../../core/engine/events.js';
import type { ScheduleExtension } from '../../core/engine/relief.js';
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
 * entities assigned to them with their place, AGM dates, other recorded events and registrations, holidays (its own and
 * the shipped ones), and due-date extensions (its own and the library's, some scoped to places).
 * Fee waivers never move a date, so they are not read here.
 */
export async function tenantSchedule({ trx, tenantId }: TenantTx, masterIds: string[], window: GenerationWindow): Promise<TenantSchedule> {
  if (masterIds.length === 0) return { rows: [], targets: [], perRegistration: [] };
  const masters = await loadMasters(trx, { ids: masterIds });
  const entityRows: { id: string; state: string; district: string | null; entity_type: EntityFacts['entityType']; gst_mode: EntityFacts['gstMode']; profile: unknown }[] = await trx('entities')
    .where({ tenant_id: tenantId, is_active: true })
    .whereIn('id', trx('assignments').select('entity_id').where({ tenant_id: tenantId, is_active: true }).whereIn('master_id', masterIds))
    .select('id', 'state', 'district', 'entity_type', 'gst_mode', 'profile');
  const registrations: Registration[] = await loadRegistrations(trx, tenantId, entityRows.map((e) => e.id));
  const events: { id: string; entity_id: string; kind: EntityEventKind; fiscal_year: string; event_date: IsoDate }[] = await trx('entity_events')
    .where({ tenant_id: tenantId }).whereIn('entity_id', entityRows.map((e) => e.id)).select('id', 'entity_id', 'kind', 'fiscal_year', 'event_date');
  const entities: ScheduleEntity[] = entityRows.map((e) => {
    const own = events.filter((ev) => ev.entity_id === e.id);
    return {
      id: e.id,
      state: e.state,
      district: e.district,
      agmDates: Object.fromEntries(own.filter((ev) => ev.kind === 'agm').map((ev) => [ev.fiscal_year, ev.event_date])),
      events: own.flatMap((ev) => (isRecordedEventKind(ev.kind) ? [{ id: ev.id, kind: ev.kind, date: ev.event_date }] : [])),
    };
  });
  // The tenant's own holidays and the shipped ones (shared rows, tenant_id NULL).
  const holidays: { holiday_date: IsoDate; state: string | null }[] = await trx('holidays')
    .where((q) => q.where({ tenant_id: tenantId }).orWhereNull('tenant_id')).distinct('holiday_date', 'state');
  const overrides: { master_id: string; period_key: string; extended_due_date: IsoDate; reference: string; tenant_id: string | null; states: string[] | null; districts: string[] | null }[] =
    await trx('due_date_overrides').whereIn('master_id', masterIds).where({ kind: 'extension' })
      .select('master_id', 'period_key', 'extended_due_date', 'reference', 'tenant_id', 'states', 'districts');
  const extensions = new Map<string, ScheduleExtension[]>();
  for (const o of overrides) {
    const key = `${o.master_id}|${o.period_key}`;
    extensions.set(key, [...(extensions.get(key) ?? []), {
      date: o.extended_due_date, reference: o.reference, own: o.tenant_id !== null,
      ...(o.states ? { states: o.states } : {}), ...(o.districts ? { districts: o.districts } : {}),
    }]);
  }
  const facts = entityRows.map((e) => ({
    id: e.id, entityType: e.entity_type, state: e.state, district: e.district, gstMode: e.gst_mode, profile: profileSchema.parse(e.profile ?? {}),
  }));
  const targets = owedTargets(masters, facts, registrations);
  const rows = buildSchedule({
    masters, entities, holidays: holidays.map((h) => ({ date: h.holiday_date, state: h.state })), extensions, window,
    // A registration's items follow its place's holidays and scoped extensions.
    registrationPlaces: targets.filter((t) => t.registrationId !== null).map((t) => ({ state: t.state, district: t.district })),
  });
  return {
    rows,
    targets,
    perRegistration: masters.filter((m) => m.owedPer !== 'entity').map((m) => m.id),
  };
}
