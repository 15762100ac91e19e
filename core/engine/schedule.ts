import { addMonths, maxDate, type IsoDate } from './dates.js';
import { dueDates, masterPeriods, statutoryDueDate } from './due-date.js';
import type { Master } from './master.js';
import { fyLabel, fyStart, fyStartYearOf } from './periods.js';

export type StoredMaster = Master & { id: string };

export interface ScheduleEntity {
  id: string;
  state: string;
  /** Recorded AGM dates by FY label ('FY2025-26' → '2025-09-26'). */
  agmDates: Record<string, IsoDate>;
}

export interface ScheduleInput {
  masters: StoredMaster[];
  /** Entities assigned to event-based or holiday-sensitive masters. */
  entities: ScheduleEntity[];
  holidays: { date: IsoDate; state: string | null }[];
  /** Extensions by `${masterId}|${periodKey}`; a tenant's own wins over the library's. */
  extensions: Map<string, { date: IsoDate; reference: string }>;
  window: GenerationWindow;
  /** States of the entities' registrations: items owed per registration follow their holidays. */
  registrationStates?: string[];
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
 * holidays move a next-working-day date: the entity's state, or a registration's for items owed per registration). SQL multiplies these by the tenant's assignments, so
 * the work here stays proportional to masters × periods, not to instances.
 */
export interface ScheduleRow {
  masterId: string;
  entityId: string | null;
  state: string | null;
  periodKey: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  statutory: IsoDate;
  extended: IsoDate | null;
  extensionReference: string | null;
  working: IsoDate | null;
}

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
  const states = [...new Set([...input.entities.map((e) => e.state), ...(input.registrationStates ?? [])])];
  const hasStateHolidays = stateHolidays.size > 0;

  for (const master of input.masters) {
    for (const { period, rule } of masterPeriods(master, input.window.periodsFrom, input.window.periodsTo)) {
      const extension = input.extensions.get(`${master.id}|${period.key}`);
      const base = { masterId: master.id, periodKey: period.key, periodStart: period.start, periodEnd: period.end };
      const variants: { entityId: string | null; state: string | null; statutory: IsoDate }[] = [];
      if (rule.kind === 'after_event') {
        for (const entity of input.entities) {
          variants.push({ entityId: entity.id, state: null, statutory: statutoryDueDate(rule, period, entity.agmDates[fyLabel(period.fyStartYear)]) });
        }
      } else if (master.holidayPolicy === 'next_working_day' && hasStateHolidays) {
        const statutory = statutoryDueDate(rule, period);
        for (const state of states) variants.push({ entityId: null, state, statutory });
      } else {
        variants.push({ entityId: null, state: null, statutory: statutoryDueDate(rule, period) });
      }
      for (const v of variants) {
        const isHoliday = (date: IsoDate) => tenantHolidays.has(date) || (v.state !== null && stateHolidays.has(`${v.state}|${date}`));
        const dates = dueDates({ statutory: v.statutory, extension, policy: master.holidayPolicy, isHoliday });
        if (dates.effective < input.window.dueFrom) continue;
        rows.push({
          ...base,
          entityId: v.entityId,
          state: v.state,
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
