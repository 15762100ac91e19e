import { addMonths, maxDate, type IsoDate } from './dates.js';
import { dueDates, eventPeriodsOf, masterPeriods, statutoryDueDate } from './due-date.js';
import type { RecordedEvent } from './events.js';
import type { Master } from './master.js';
import { fyLabel, fyStart, fyStartYearOf } from './periods.js';
import { districtKey, extensionAt, isScoped, type Place, type ScheduleExtension } from './relief.js';

export type StoredMaster = Master & { id: string };

export interface ScheduleEntity {
  id: string;
  state: string;
  /** The principal place of business's district, when recorded (extensions may be scoped to districts). */
  district?: string | null;
  /** Recorded AGM dates by FY label ('FY2025-26' → '2025-09-26'). */
  agmDates: Record<string, IsoDate>;
  /** Its recorded events other than the AGM (director's details changed, remittances abroad). */
  events?: RecordedEvent[];
}

export interface ScheduleInput {
  masters: StoredMaster[];
  /** Entities assigned to event-based or holiday-sensitive masters. */
  entities: ScheduleEntity[];
  holidays: { date: IsoDate; state: string | null }[];
  /** Due-date extensions by `${masterId}|${periodKey}`, some scoped to places (relief.ts picks the one that applies). */
  extensions: Map<string, ScheduleExtension[]>;
  window: GenerationWindow;
  /** Where the entities' registrations are: items owed per registration follow their holidays and scoped extensions. */
  registrationPlaces?: Place[];
}

export interface GenerationWindow {
  /** Periods starting on or after this date… */
  periodsFrom: IsoDate;
  /** …and on or before this one… */
  periodsTo: IsoDate;
  /** …that fall due on or after this date. */
  dueFrom: IsoDate;
}

/**
 * One row per master and period (and per entity for event-based masters, per state where state
 * holidays move a next-working-day date — the entity's, or a registration's for items owed per
 * registration — and per place where an extension is scoped to states or districts). SQL
 * multiplies these by the tenant's assignments, so
 * the work here stays proportional to masters × periods, not to instances.
 */
export interface ScheduleRow {
  masterId: string;
  entityId: string | null;
  state: string | null;
  /** The district key (relief.ts) of the places the row is for: '' for those with none recorded; null for any. */
  district: string | null;
  periodKey: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  statutory: IsoDate;
  extended: IsoDate | null;
  extensionReference: string | null;
  working: IsoDate | null;
}

/**
 * Where a new tenant starts tracking unless told otherwise: the first of its current month, so
 * day one shows this month's work, not every item due since the financial year began.
 */
export const defaultTrackingStart = (today: IsoDate): IsoDate => `${today.slice(0, 8)}01`;

/** The horizon: from the start of the current FY (or a later tracking start) to N months ahead. */
export function generationWindow(asOf: IsoDate, horizonMonths: number, trackingStart?: IsoDate | null): GenerationWindow {
  const currentFy = fyStartYearOf(asOf);
  return {
    // Last FY's annual returns fall due in this one: their periods started a year earlier.
    periodsFrom: fyStart(currentFy - 1),
    periodsTo: addMonths(asOf, horizonMonths),
    dueFrom: trackingStart ? maxDate(fyStart(currentFy), trackingStart) : fyStart(currentFy),
  };
}

export function buildSchedule(input: ScheduleInput): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  const stateHolidays = new Set(input.holidays.filter((h) => h.state).map((h) => `${h.state}|${h.date}`));
  const tenantHolidays = new Set(input.holidays.filter((h) => !h.state).map((h) => h.date));
  const registrationPlaces = input.registrationPlaces ?? [];
  const states = [...new Set([...input.entities.map((e) => e.state), ...registrationPlaces.map((p) => p.state)])];
  const hasStateHolidays = stateHolidays.size > 0;

  // The places entities and registrations are in, for periods with an extension scoped to some of them.
  const places = [...new Map([...input.entities, ...registrationPlaces].map((p): [string, Place] => [`${p.state}|${districtKey(p.district)}`, { state: p.state, district: districtKey(p.district) }])).values()];

  for (const master of input.masters) {
    // Every recorded event is scheduled whatever the period window (an event's date may move far
    // from its item's old one); due dates before the window's dueFrom are still left out.
    const periods = [
      ...masterPeriods(master, input.window.periodsFrom, input.window.periodsTo).map((p) => ({ ...p, entity: null })),
      ...input.entities.flatMap((e) => eventPeriodsOf(master, e.events ?? []).map((p) => ({ ...p, entity: e }))),
    ];
    for (const { period, rule, entity: eventEntity } of periods) {
      const extensions = input.extensions.get(`${master.id}|${period.key}`);
      const scoped = extensions?.some(isScoped) ?? false;
      const base = { masterId: master.id, periodKey: period.key, periodStart: period.start, periodEnd: period.end };
      // `state`/`district` are what SQL matches a row by; `place` is where an extension is looked up.
      const variants: { entityId: string | null; state: string | null; district: string | null; place: Place | null; statutory: IsoDate }[] = [];
      if (eventEntity !== null) {
        variants.push({ entityId: eventEntity.id, state: null, district: null, place: { state: eventEntity.state, district: eventEntity.district ?? null }, statutory: statutoryDueDate(rule, period) });
      } else if (rule.kind === 'after_event') {
        for (const entity of input.entities) {
          const statutory = statutoryDueDate(rule, period, entity.agmDates[fyLabel(period.fyStartYear)]);
          variants.push({ entityId: entity.id, state: null, district: null, place: { state: entity.state, district: entity.district ?? null }, statutory });
        }
      } else if (scoped) {
        const statutory = statutoryDueDate(rule, period);
        for (const place of places) variants.push({ entityId: null, state: place.state, district: place.district, place, statutory });
      } else if (master.holidayPolicy === 'next_working_day' && hasStateHolidays) {
        const statutory = statutoryDueDate(rule, period);
        for (const state of states) variants.push({ entityId: null, state, district: null, place: null, statutory });
      } else {
        variants.push({ entityId: null, state: null, district: null, place: null, statutory: statutoryDueDate(rule, period) });
      }
      for (const v of variants) {
        const isHoliday = (date: IsoDate) => tenantHolidays.has(date) || (v.state !== null && stateHolidays.has(`${v.state}|${date}`));
        const extension = extensionAt(extensions, v.place);
        const dates = dueDates({ statutory: v.statutory, extension, policy: master.holidayPolicy, isHoliday });
        if (dates.effective < input.window.dueFrom) continue;
        rows.push({
          ...base,
          entityId: v.entityId,
          state: v.state,
          district: v.district,
          statutory: dates.statutory,
          extended: dates.extended ?? null,
          extensionReference: dates.extensionReference ?? null,
          working: dates.working ?? null,
        });
      }
    }
  }
  return rows;
}
