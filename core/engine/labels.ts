import { formatDate, type IsoDate } from './dates.js';
import { versionFor } from './due-date.js';
import { isEventPeriodKey } from './events.js';
import { entityWithRegistration } from './registrations.js';
import type { Master } from './master.js';
import type { PeriodNaming, RuleVersion } from './rules.js';

/** What an item is called for its period: the form, section, law and period name in force then. */
export interface ObligationLabel {
  /** The obligation's name with the form in force, e.g. "Tax audit report (Form 26)". */
  title: string;
  form?: string;
  section?: string;
  law: string;
  /** The period as that law names it: the key (FY2025-26, 2026-05), or "TY 2026-27" under the 2025 Act. */
  period: string;
}

type LabelledVersion = Pick<RuleVersion, 'effectiveFrom' | 'form' | 'section' | 'law' | 'periodNaming'>;
export type LabelledMaster = Pick<Master, 'name' | 'law' | 'section'> & { ruleVersions: readonly LabelledVersion[] };

/** "FY2026-27-Q1" under the Income-tax Act 2025 is "TY 2026-27-Q1"; month keys name no year. */
export function periodName(periodKey: string, naming: PeriodNaming = 'fy'): string {
  return naming === 'tax_year' && periodKey.startsWith('FY') ? `TY ${periodKey.slice(2)}` : periodKey;
}

/**
 * The label in force for a period: that of the rule version governing it (the latest whose
 * effectiveFrom is on or before the period's end, as for due dates), each field falling back to
 * the master's own. FY 2025-26 periods keep the 1961 Act's names; tax year 2026-27 gets the new.
 */
export function labelFor(master: LabelledMaster, period: { key: string; end: IsoDate }): ObligationLabel {
  const version = versionFor(master.ruleVersions, period);
  const form = version?.form;
  const section = version?.section ?? master.section;
  return {
    title: form ? `${master.name} (${form})` : master.name,
    ...(form ? { form } : {}),
    ...(section ? { section } : {}),
    law: version?.law ?? master.law,
    // A recorded event's period is named by its day (its key carries the event's id).
    period: isEventPeriodKey(period.key) ? formatDate(period.end) : periodName(period.key, version?.periodNaming),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period as people read it in messages: a month key "2026-11" is "Nov 2026"; other names as they are ("FY2026-27-Q3", "TY 2026-27"). */
export function periodWords(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month && MONTHS[Number(month[2]) - 1] ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : period;
}

/** An item as messages name it, by name and never by code: "TDS deposit (challan ITNS-281) · Demo Manufacturing · Nov 2026". */
export const itemName = (i: { name: string; entityName: string; registration?: string | null; periodKey: string; periodName?: string }): string =>
  `${i.name} · ${entityWithRegistration(i.entityName, i.registration)} · ${periodWords(i.periodName ?? i.periodKey)}`;
