import type { IsoDate } from './dates.js';
import { fyLabel, fyStartYearOf, type Period } from './periods.js';

/**
 * Entity events that obligations count from. The AGM is held once per FY (its date is recorded
 * per FY, and the law gives a default when none is); the others happen whenever they happen, any
 * number of times a year, and each recorded one owes its own item.
 */
export const ENTITY_EVENT_KINDS = ['agm', 'director_details_changed', 'foreign_remittance'] as const;
export type EntityEventKind = (typeof ENTITY_EVENT_KINDS)[number];

/** The events recorded one by one (everything but the AGM). */
export const RECORDED_EVENT_KINDS = ['director_details_changed', 'foreign_remittance'] as const;
export type RecordedEventKind = (typeof RECORDED_EVENT_KINDS)[number];

/** What each event is, for people recording it. */
export const ENTITY_EVENT_MEANINGS: Record<EntityEventKind, string> = {
  agm: 'Annual general meeting',
  director_details_changed: "A director's mobile, e-mail or address changed",
  foreign_remittance: 'Remittance to a non-resident',
};

export const isRecordedEventKind = (kind: string): kind is RecordedEventKind => (RECORDED_EVENT_KINDS as readonly string[]).includes(kind);

/** One recorded event of an entity. */
export interface RecordedEvent {
  id: string;
  kind: RecordedEventKind;
  date: IsoDate;
}

/**
 * The period of one recorded event: keyed by the event's id, so changing the event's date moves
 * its item rather than making a second one; it starts and ends on the event's date.
 */
export const EVENT_PERIOD_PREFIX = 'EVENT-';
export const isEventPeriodKey = (key: string): boolean => key.startsWith(EVENT_PERIOD_PREFIX);
export function eventPeriod(event: Pick<RecordedEvent, 'id' | 'date'>): Period {
  return { key: `${EVENT_PERIOD_PREFIX}${event.id}`, start: event.date, end: event.date, fyStartYear: fyStartYearOf(event.date), index: 1 };
}

/** The FY an event is filed under: the AGM's is the year it is held for (given); any other's is the FY of its date. */
export const eventFiscalYear = (date: IsoDate): string => fyLabel(fyStartYearOf(date));
