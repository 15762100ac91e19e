import type { IsoDate } from './dates.js';
import { dueDates, masterPeriods, statutoryDueDate } from './due-date.js';
import { labelFor } from './labels.js';
import type { Extension, Master } from './master.js';
import { isScoped } from './relief.js';

export interface CalendarRow {
  code: string;
  periodKey: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  statutoryDueDate: IsoDate;
  extendedDueDate?: IsoDate;
  extensionReference?: string;
  /** An MCA fee waiver for the period: the due date stays, the additional fee is waived until this date. */
  feeWaivedUntil?: IsoDate;
  feeWaiverReference?: string;
  workingDueDate: IsoDate;
  /** The names in force for the period (labels.ts): the title with its form, the form, section and law. */
  title: string;
  form?: string;
  section?: string;
  law: string;
}

/**
 * Every obligation of the given masters for periods starting in [from, to], with no tenant:
 * event-based ones assume the statutory default event date, and the working-day date skips
 * weekends only. Having no place, it applies only extensions for everywhere (one scoped to states
 * or districts moves no date here); fee waivers are listed beside the date, which they do not move.
 */
export function calendar(masters: Master[], extensions: Extension[], from: IsoDate, to: IsoDate): CalendarRow[] {
  const everywhere = extensions.filter((e) => !isScoped(e));
  const extensionFor = new Map(everywhere.filter((e) => e.kind === 'extension').map((e) => [`${e.code}|${e.periodKey}`, e]));
  const waiverFor = new Map(everywhere.filter((e) => e.kind === 'fee_waiver').map((e) => [`${e.code}|${e.periodKey}`, e]));
  const rows: CalendarRow[] = [];
  for (const master of masters) {
    for (const { period, rule } of masterPeriods(master, from, to)) {
      const ext = extensionFor.get(`${master.code}|${period.key}`);
      const waiver = waiverFor.get(`${master.code}|${period.key}`);
      const dates = dueDates({
        statutory: statutoryDueDate(rule, period),
        extension: ext && { date: ext.extendedDueDate, reference: ext.reference },
        policy: master.holidayPolicy,
      });
      const label = labelFor(master, period);
      rows.push({
        code: master.code,
        periodKey: period.key,
        periodStart: period.start,
        periodEnd: period.end,
        statutoryDueDate: dates.statutory,
        ...(dates.extended ? { extendedDueDate: dates.extended, extensionReference: dates.extensionReference } : {}),
        ...(waiver ? { feeWaivedUntil: waiver.extendedDueDate, feeWaiverReference: waiver.reference } : {}),
        workingDueDate: dates.effective,
        title: label.title,
        ...(label.form ? { form: label.form } : {}),
        ...(label.section ? { section: label.section } : {}),
        law: label.law,
      });
    }
  }
  return rows.sort((a, b) => a.statutoryDueDate.localeCompare(b.statutoryDueDate) || a.code.localeCompare(b.code));
}

/** The seven original columns stay first and unchanged, so existing readers keep working; form and law are appended. */
export const CALENDAR_CSV_HEADER = 'code,period_key,period_start,period_end,statutory_due_date,extended_due_date,working_due_date,form,law';

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled ("Income-tax Act, 2025"). */
const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function calendarCsv(rows: CalendarRow[]): string {
  const lines = rows.map((r) =>
    [r.code, r.periodKey, r.periodStart, r.periodEnd, r.statutoryDueDate, r.extendedDueDate ?? '', r.workingDueDate, r.form ?? '', r.law]
      .map(csvCell).join(','),
  );
  return [CALENDAR_CSV_HEADER, ...lines].join('\n');
}

export function calendarTable(rows: CalendarRow[]): string {
  const header = ['code', 'period', 'statutory', 'extended', 'working', 'form', 'reference'];
  const body = rows.map((r) => [r.code, r.periodKey, r.statutoryDueDate, r.extendedDueDate ?? '', r.workingDueDate, r.form ?? '', r.extensionReference ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n');
}

/** The next `count` due dates of one master from `today` (the preview shown before saving a master). */
export function nextDueDates(master: Master, today: IsoDate, count = 12): CalendarRow[] {
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const to = `${Number(today.slice(0, 4)) + 4}${today.slice(4)}`;
  return calendar([master], [], from, to).filter((row) => row.workingDueDate >= today).slice(0, count);
}
