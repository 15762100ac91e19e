import { formatDate, type IsoDate } from './dates.js';
import { versionFor } from './due-date.js';
import { isEventPeriodKey } from './events.js';
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
