import { addDays, dayOfMonth, weekday, type IsoDate } from './dates.js';
import { eventPeriod, type RecordedEvent } from './events.js';
import type { HolidayPolicy, Master } from './master.js';
import { monthOfQuarter, oneOffPeriod, periodEndMonth, periodsStartingBetween, type Period } from './periods.js';
import type { DueDateRule, RuleVersion } from './rules.js';

/**
 * The version in force for a period: the latest whose effectiveFrom is on or before the period's
 * end. One picker for the due date (ruleFor) and the names (labels.ts), so both come from the same version.
 */
export function versionFor<V extends Pick<RuleVersion, 'effectiveFrom'>>(versions: readonly V[], period: { end: IsoDate }): V | undefined {
  let chosen: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= period.end && (!chosen || v.effectiveFrom > chosen.effectiveFrom)) chosen = v;
  return chosen;
}

export const ruleFor = (versions: RuleVersion[], period: Period): DueDateRule | undefined => versionFor(versions, period)?.rule;

function monthsAfter(period: Period, months: number, day: number | 'last'): IsoDate {
  const endYear = Number(period.end.slice(0, 4));
  const total = endYear * 12 + (periodEndMonth(period) - 1) + months;
  return dayOfMonth(Math.floor(total / 12), (total % 12) + 1, day);
}

/** Whether the rule produces an obligation for this period at all. */
export function ruleCoversPeriod(rule: DueDateRule, period: Period, frequency: Master['frequency']): boolean {
  if (rule.onlyMonthsOfQuarter && frequency === 'monthly' && !rule.onlyMonthsOfQuarter.includes(monthOfQuarter(period))) return false;
  if (rule.cycle && (period.fyStartYear - rule.cycle.firstFyStartYear) % rule.cycle.everyYears !== 0) return false;
  if (rule.cycle && period.fyStartYear < rule.cycle.firstFyStartYear) return false;
  return true;
}

/**
 * The statutory due date of a period under a rule: what the law and published calendars say.
 * `eventDate` is the entity's recorded AGM for AGM-based rules.
 */
export function statutoryDueDate(rule: DueDateRule, period: Period, eventDate?: IsoDate): IsoDate {
  switch (rule.kind) {
    case 'after_period_end': {
      const exception = rule.exceptions.find((e) => e.periodEndMonth === periodEndMonth(period));
      return exception ? monthsAfter(period, exception.months, exception.day) : monthsAfter(period, rule.months, rule.day);
    }
    case 'days_after_period_end':
      return addDays(period.end, rule.days);
    case 'fy_instalments': {
      const instalment = rule.dates[period.index - 1];
      if (!instalment) throw new RangeError(`period ${period.key} has no instalment in this rule`);
      const year = instalment.month >= 4 ? period.fyStartYear : period.fyStartYear + 1;
      return dayOfMonth(year, instalment.month, instalment.day);
    }
    case 'after_event': {
      const event = eventDate ?? monthsAfter(period, rule.defaultEvent.months, rule.defaultEvent.day);
      return addDays(event, rule.countEventDay ? rule.days - 1 : rule.days);
    }
    case 'after_each_event':
      // The period is the event's own day (eventPeriod).
      return addDays(period.start, rule.days);
    case 'fixed_date':
      return rule.date;
  }
}

/** Under "next working day", a due date on a weekend or listed holiday moves to the next working day. */
export function workingDueDate(date: IsoDate, policy: HolidayPolicy, isHoliday: (date: IsoDate) => boolean = () => false): IsoDate {
  if (policy === 'none') return date;
  let d = date;
  for (let guard = 0; guard < 60 && (weekday(d) >= 6 || isHoliday(d)); guard++) d = addDays(d, 1);
  return d;
}

/** The periods of a master whose start falls in [from, to], with the rule in force for each. */
export function masterPeriods(master: Master, from: IsoDate, to: IsoDate): { period: Period; rule: DueDateRule }[] {
  const out: { period: Period; rule: DueDateRule }[] = [];
  if (master.frequency === 'one_off') {
    for (const version of master.ruleVersions) {
      if (version.rule.kind !== 'fixed_date') continue;
      const period = oneOffPeriod(version.rule.date);
      if (period.start >= from && period.start <= to) out.push({ period, rule: version.rule });
    }
    return out;
  }
  const latest = master.ruleVersions[master.ruleVersions.length - 1]!.rule;
  // Its periods are the entity's recorded events, not the FY's (eventPeriodsOf).
  if (latest.kind === 'after_each_event') return out;
  const instalments = latest.kind === 'fy_instalments' ? latest.dates.length : 4;
  for (const period of periodsStartingBetween(master.frequency, from, to, instalments)) {
    const rule = ruleFor(master.ruleVersions, period);
    if (rule && ruleCoversPeriod(rule, period, master.frequency)) out.push({ period, rule });
  }
  return out;
}

/** The periods a master counting from each recorded event owes for an entity's events, with the rule in force for each. */
export function eventPeriodsOf(master: Master, events: readonly RecordedEvent[]): { period: Period; rule: DueDateRule }[] {
  const out: { period: Period; rule: DueDateRule }[] = [];
  for (const event of events) {
    const period = eventPeriod(event);
    const rule = ruleFor(master.ruleVersions, period);
    if (rule?.kind === 'after_each_event' && rule.event === event.kind) out.push({ period, rule });
  }
  return out;
}

export interface DueDates {
  statutory: IsoDate;
  /** After a government extension, when one applies. */
  extended?: IsoDate;
  extensionReference?: string;
  /** After the holiday policy, when it moves the date. */
  working?: IsoDate;
  /** The date reminders and RAG use: the latest of the above that applies. */
  effective: IsoDate;
}

export function dueDates(args: {
  statutory: IsoDate;
  extension?: { date: IsoDate; reference: string };
  policy: HolidayPolicy;
  isHoliday?: (date: IsoDate) => boolean;
}): DueDates {
  const extended = args.extension && args.extension.date !== args.statutory ? args.extension.date : undefined;
  // An extension is authoritative: it replaces the statutory date for this period.
  const base = extended ?? args.statutory;
  const moved = workingDueDate(base, args.policy, args.isHoliday);
  const working = moved !== base ? moved : undefined;
  return {
    statutory: args.statutory,
    ...(extended ? { extended, extensionReference: args.extension!.reference } : {}),
    ...(working ? { working } : {}),
    effective: working ?? base,
  };
}
