import type { IsoDate } from '../../core/engine/dates.js';
import { labelFor, type ObligationLabel } from '../../core/engine/labels.js';
import { ruleVersionsSchema } from '../../core/engine/rules.js';

/** The columns an item's label is read from (instance i joined to its master m). */
export const LABEL_COLUMNS = ['m.law as label_law', 'm.section as label_section', 'm.rule_versions as label_rule_versions', 'i.period_end as label_period_end'];
/** The same columns for a raw SELECT list. */
export const LABEL_SQL = LABEL_COLUMNS.join(', ');

export interface LabelRow {
  name: string;
  period_key: string;
  label_law: string;
  label_section: string | null;
  label_rule_versions: unknown;
  label_period_end: IsoDate;
}

/** The names in force for a stored item's period (the form, section, law and period naming of its rule version). */
export function labelOfRow(row: LabelRow): ObligationLabel {
  return labelFor(
    { name: row.name, law: row.label_law, section: row.label_section ?? undefined, ruleVersions: ruleVersionsSchema.parse(row.label_rule_versions) },
    { key: row.period_key, end: row.label_period_end },
  );
}
