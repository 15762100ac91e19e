import { z } from 'zod';
import { isValidIsoDate } from './dates.js';
import { RECORDED_EVENT_KINDS } from './events.js';
import type { FREQUENCIES } from './periods.js';

/**
 * Due-date rules as data. One interpreter (due-date.ts) reads them; no obligation code is
 * special-cased anywhere. Every row of the statutory library is expressed with these kinds.
 */

const isoDate = z.string().refine(isValidIsoDate, { message: 'must be a real date, YYYY-MM-DD' });
const dayOfMonth = z.union([z.number().int().min(1).max(31), z.literal('last')]);
const month = z.number().int().min(1).max(12);

/** Day `day` of the month `months` months after the period's last month (0 = that same month). */
const monthOffset = { months: z.number().int().min(0).max(24), day: dayOfMonth };

const afterPeriodEnd = z.object({
  kind: z.literal('after_period_end'),
  ...monthOffset,
  /** Periods ending in a given month that follow another date (TDS: March → 30 April). */
  exceptions: z.array(z.object({ periodEndMonth: month, ...monthOffset })).default([]),
});

const daysAfterPeriodEnd = z.object({
  kind: z.literal('days_after_period_end'),
  days: z.number().int().min(1).max(730),
});

/** Fixed dates within the FY, one per instalment (advance tax: 15 Jun, 15 Sep, 15 Dec, 15 Mar). */
const fyInstalments = z.object({
  kind: z.literal('fy_instalments'),
  dates: z.array(z.object({ month, day: dayOfMonth, label: z.string().optional() })).min(1).max(12)
    .refine((dates) => 12 % dates.length === 0, { message: 'the number of instalments must divide the year (1, 2, 3, 4, 6 or 12)' }),
});

/** N days after an entity event (the AGM) for the FY, or after its statutory default date. */
const afterEvent = z.object({
  kind: z.literal('after_event'),
  event: z.literal('agm'),
  days: z.number().int().min(0).max(365),
  /** Count the event day as day 1 (calendars print ADT-1 as 14 Oct for a 30 Sep AGM). */
  countEventDay: z.boolean().default(false),
  /** When the entity has not recorded the event: the latest date the law allows (AGM: 30 Sep). */
  defaultEvent: z.object(monthOffset),
});

/**
 * N days after each recorded event of a kind (0: on the event's day itself). Each event recorded
 * for an entity owes its own item (a director's details changed twice in a year: two updates).
 */
const afterEachEvent = z.object({
  kind: z.literal('after_each_event'),
  event: z.enum(RECORDED_EVENT_KINDS),
  days: z.number().int().min(0).max(365),
});

const fixedDate = z.object({ kind: z.literal('fixed_date'), date: isoDate });

const periodFilters = {
  /** Monthly periods only in these months of each quarter (IFF and PMT-06: months 1 and 2). */
  onlyMonthsOfQuarter: z.array(z.number().int().min(1).max(3)).min(1).optional(),
  /** Only every N-th FY counted from a first FY (DIR-3 KYC became triennial). */
  cycle: z.object({ everyYears: z.number().int().min(2).max(10), firstFyStartYear: z.number().int().min(2000).max(2100) }).optional(),
};

export const dueDateRuleSchema = z.discriminatedUnion('kind', [
  afterPeriodEnd.extend(periodFilters),
  daysAfterPeriodEnd.extend(periodFilters),
  fyInstalments.extend(periodFilters),
  afterEvent.extend(periodFilters),
  afterEachEvent.extend(periodFilters),
  fixedDate.extend(periodFilters),
]);
export type DueDateRule = z.infer<typeof dueDateRuleSchema>;
export type DueDateRuleInput = z.input<typeof dueDateRuleSchema>;

/** How the law in force names a period: financial year (Income-tax Act 1961: FY / AY) or tax year (Income-tax Act 2025). */
export const PERIOD_NAMINGS = ['fy', 'tax_year'] as const;
export type PeriodNaming = (typeof PERIOD_NAMINGS)[number];

export const ruleVersionSchema = z.object({
  /** The version governs periods that end on or after this date (until a later version). */
  effectiveFrom: isoDate,
  rule: dueDateRuleSchema,
  note: z.string().optional(),
  /**
   * The names the law gives the obligation for the periods this version governs, when they differ
   * from the master's own (Form 3CD → Form 26 from tax year 2026-27). See labels.ts.
   */
  form: z.string().min(1).optional(),
  section: z.string().min(1).optional(),
  law: z.string().min(2).optional(),
  periodNaming: z.enum(PERIOD_NAMINGS).optional(),
});
export type RuleVersion = z.infer<typeof ruleVersionSchema>;

export const ruleVersionsSchema = z
  .array(ruleVersionSchema)
  .min(1, { message: 'a master needs at least one rule version' })
  .refine((versions) => new Set(versions.map((v) => v.effectiveFrom)).size === versions.length, {
    message: 'two rule versions have the same effectiveFrom',
  })
  .transform((versions) => [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)));

/** Which rule kinds make sense for which frequency. */
export const RULE_KINDS_BY_FREQUENCY: Record<(typeof FREQUENCIES)[number], DueDateRule['kind'][]> = {
  monthly: ['after_period_end', 'days_after_period_end'],
  quarterly: ['after_period_end', 'days_after_period_end'],
  half_yearly: ['after_period_end', 'days_after_period_end'],
  annual: ['after_period_end', 'days_after_period_end'],
  fy_instalments: ['fy_instalments'],
  event: ['after_event', 'after_each_event'],
  one_off: ['fixed_date'],
};
