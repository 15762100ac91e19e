import { describe, expect, it } from '@jest/globals';
import { calendar, calendarCsv, type CalendarRow } from '../../core/engine/calendar.js';
import { applies } from '../../core/engine/applicability.js';
import { libraryExtensionList, libraryMaster, libraryMasters } from '../../core/library/index.js';

/**
 * Published due dates from ../shared/india-compliance-rules.md, one row per case:
 * [code, period key, statutory date, extended date or '', working-day date or ''].
 * A working-day date is given where the master's holiday policy moves a weekend date.
 */
const PUBLISHED: [string, string, string, string, string][] = [
  // GST: GSTR-1 11th; QRMP 13th; IFF months 1–2 only; GSTR-3B 20th; QRMP 3B 22nd (X) / 24th (Y); PMT-06 25th
  ['GSTR1_MONTHLY', '2025-04', '2025-05-11', '', ''],
  ['GSTR1_MONTHLY', '2024-12', '2025-01-11', '2025-01-13', ''],
  ['GSTR1_QRMP', 'FY2025-26-Q1', '2025-07-13', '', ''],
  ['GSTR1_QRMP', 'FY2025-26-Q2', '2025-10-13', '', ''],
  ['GSTR1_QRMP', 'FY2025-26-Q3', '2026-01-13', '', ''],
  ['GSTR1_QRMP', 'FY2025-26-Q4', '2026-04-13', '', ''],
  ['GSTR1_QRMP', 'FY2024-25-Q3', '2025-01-13', '2025-01-15', ''],
  ['GSTR1_IFF', '2025-04', '2025-05-13', '', ''],
  ['GSTR1_IFF', '2025-05', '2025-06-13', '', ''],
  ['GSTR3B_MONTHLY', '2025-08', '2025-09-20', '', ''],
  ['GSTR3B_MONTHLY', '2025-09', '2025-10-20', '2025-10-25', ''],
  ['GSTR3B_MONTHLY', '2024-12', '2025-01-20', '2025-01-22', ''],
  ['GSTR3B_MONTHLY', '2025-12', '2026-01-20', '', ''],
  ['GSTR3B_QRMP_X', 'FY2025-26-Q1', '2025-07-22', '', ''],
  ['GSTR3B_QRMP_X', 'FY2025-26-Q2', '2025-10-22', '2025-10-25', ''],
  ['GSTR3B_QRMP_X', 'FY2024-25-Q3', '2025-01-22', '2025-01-24', ''],
  ['GSTR3B_QRMP_Y', 'FY2025-26-Q1', '2025-07-24', '', ''],
  ['GSTR3B_QRMP_Y', 'FY2025-26-Q2', '2025-10-24', '2025-10-25', ''],
  ['GSTR3B_QRMP_Y', 'FY2024-25-Q3', '2025-01-24', '2025-01-26', ''],
  ['PMT06', '2025-04', '2025-05-25', '', ''],
  ['PMT06', '2025-08', '2025-09-25', '', ''],
  ['CMP08', 'FY2025-26-Q1', '2025-07-18', '', ''],
  ['CMP08', 'FY2025-26-Q4', '2026-04-18', '', ''],
  ['GSTR9', 'FY2024-25', '2025-12-31', '', ''],
  ['GSTR9C', 'FY2024-25', '2025-12-31', '', ''],
  // TDS: 7th, March → 30 April; returns 31 Jul / 31 Oct / 31 Jan / 31 May; certificates
  ['TDS_DEPOSIT', '2025-04', '2025-05-07', '', ''],
  ['TDS_DEPOSIT', '2025-08', '2025-09-07', '', '2025-09-08'],
  ['TDS_DEPOSIT', '2025-11', '2025-12-07', '', '2025-12-08'],
  ['TDS_DEPOSIT', '2025-03', '2025-04-30', '', ''],
  ['TDS_DEPOSIT', '2026-03', '2026-04-30', '', ''],
  ['TDS_RETURN_24Q_26Q', 'FY2026-27-Q1', '2026-07-31', '', ''],
  ['TDS_RETURN_24Q_26Q', 'FY2026-27-Q2', '2026-10-31', '', '2026-11-02'],
  ['TDS_RETURN_24Q_26Q', 'FY2026-27-Q3', '2027-01-31', '', '2027-02-01'],
  ['TDS_RETURN_24Q_26Q', 'FY2025-26-Q4', '2026-05-31', '', '2026-06-01'],
  ['FORM16', 'FY2025-26', '2026-06-15', '', ''],
  ['FORM16A', 'FY2025-26-Q1', '2025-08-15', '', ''],
  ['FORM16A', 'FY2025-26-Q2', '2025-11-15', '', ''],
  ['FORM16A', 'FY2025-26-Q3', '2026-02-15', '', ''],
  ['FORM16A', 'FY2025-26-Q4', '2026-06-15', '', ''],
  // Advance tax: 15 Jun / 15 Sep / 15 Dec / 15 Mar (15 Jun 2025 and 15 Mar 2026 were Sundays)
  ['ADVANCE_TAX', 'FY2025-26-I1', '2025-06-15', '', '2025-06-16'],
  ['ADVANCE_TAX', 'FY2025-26-I2', '2025-09-15', '', ''],
  ['ADVANCE_TAX', 'FY2025-26-I3', '2025-12-15', '', ''],
  ['ADVANCE_TAX', 'FY2025-26-I4', '2026-03-15', '', '2026-03-16'],
  ['ADVANCE_TAX', 'FY2026-27-I4', '2027-03-15', '', ''],
  // Returns and audits
  ['ITR_AUDIT', 'FY2024-25', '2025-10-31', '2025-12-10', ''],
  ['ITR_AUDIT', 'FY2025-26', '2026-10-31', '', '2026-11-02'],
  ['ITR_TP', 'FY2024-25', '2025-11-30', '', '2025-12-01'],
  // FY 2024-25 stayed 31 Jul 2025, extended to 16 Sep 2025 by CBDT Circular 12/2025:
  // https://www.taxheal.com/cbdt-circular-for-extension-of-due-date-for-filing-ofitrs-for-the-assessment-year-2025-26-reg.html
  ['ITR_NON_AUDIT', 'FY2024-25', '2025-07-31', '2025-09-16', ''],
  // Finance Act 2026, w.e.f. 1-Mar-2026 for AY 2026-27: 31 August (31 Aug 2027 is a Tuesday):
  // https://www.caclubindia.com/news/income-tax-act-2025-itr-filing-deadlines-rationalised-for-fy-2026-27-26135.asp
  // https://www.practicaltaxplanning.com/ptp-tax-scripts/tax-procedures/welcome-amendments-in-filing-of-itrs
  ['ITR_NON_AUDIT', 'FY2025-26', '2026-08-31', '', ''],
  ['ITR_NON_AUDIT', 'FY2026-27', '2027-08-31', '', ''],
  ['TAX_AUDIT_3CD', 'FY2024-25', '2025-09-30', '2025-11-10', ''],
  ['TAX_AUDIT_3CD_TP', 'FY2024-25', '2025-10-31', '', ''],
  ['FORM_3CEB', 'FY2024-25', '2025-10-31', '', ''],
  // PF and ESI: 15th (Sep-2025 PF extended to 22 Oct)
  ['PF_ECR', '2025-09', '2025-10-15', '2025-10-22', ''],
  ['PF_ECR', '2025-10', '2025-11-15', '', '2025-11-17'],
  ['ESI', '2025-04', '2025-05-15', '', ''],
  ['ESI', '2025-12', '2026-01-15', '', ''],
  // Profession tax, including the Maharashtra switch to the 15th (April 2026 salary → 15 May)
  // Maharashtra: last day of the following month / 31 March until the Amendment Rules 2026
  // (notified 28-Feb-2026, taken from publication): the 15th / 15 March.
  // https://unitedconsultancy.com/?p=40970 ; https://chhedaconsultancyservices.com/maharashtra-pt-due-date-changed-to-15th-of-every-month
  ['PT_MH_MONTHLY', '2025-04', '2025-05-31', '', ''],
  ['PT_MH_MONTHLY', '2026-01', '2026-02-28', '', ''],
  ['PT_MH_MONTHLY', '2026-02', '2026-03-15', '', ''],
  ['PT_MH_MONTHLY', '2026-03', '2026-04-15', '', ''],
  ['PT_MH_MONTHLY', '2026-04', '2026-05-15', '', ''],
  ['PT_MH_MONTHLY', '2026-05', '2026-06-15', '', ''],
  ['PT_MH_ANNUAL', 'FY2024-25', '2025-03-31', '', ''],
  ['PT_MH_ANNUAL', 'FY2025-26', '2026-03-15', '', ''],
  ['PT_MH_ANNUAL', 'FY2026-27', '2027-03-15', '', ''],
  ['PT_KA_MONTHLY', '2025-04', '2025-05-20', '', ''],
  ['PT_KA_ANNUAL', 'FY2025-26', '2026-05-30', '', ''],
  // ROC from a 30 Sep AGM: AOC-4 30 Oct, MGT-7 29 Nov, ADT-1 14 Oct; OPC AOC-4 27 Sep
  ['AGM', 'FY2025-26', '2026-09-30', '', ''],
  ['ROC_AOC4', 'FY2024-25', '2025-10-30', '', ''],
  ['ROC_MGT7', 'FY2024-25', '2025-11-29', '', ''],
  ['ROC_ADT1', 'FY2024-25', '2025-10-14', '', ''],
  ['ROC_AOC4_OPC', 'FY2024-25', '2025-09-27', '', ''],
  // DIR-3 KYC: annual by 30 Sep, then (G.S.R. 943(E), in force 31-Mar-2026) once every third FY by
  // 30 June: KYC for FY 2024-25 filed → next by 30 Jun 2028.
  // https://www.caclubindia.com/articles/din-kyc-once-in-3-years-instead-of-every-year-54574.asp
  ['DIR3_KYC', 'FY2024-25', '2025-09-30', '2025-10-31', ''],
  ['DIR3_KYC', 'FY2027-28', '2028-06-30', '', ''],
  ['DPT3', 'FY2025-26', '2026-06-30', '', ''],
  ['MSME1', 'FY2025-26-H1', '2025-10-31', '', ''],
  ['MSME1', 'FY2025-26-H2', '2026-04-30', '', ''],
  ['LLP_FORM11', 'FY2024-25', '2025-05-30', '', ''],
  ['LLP_FORM8', 'FY2024-25', '2025-10-30', '', ''],
];

/** Periods that must produce no obligation at all. */
const ABSENT: [string, string][] = [
  ['GSTR1_IFF', '2025-06'], // the third month of a quarter is covered by the quarterly GSTR-1
  ['GSTR1_IFF', '2025-12'],
  ['PMT06', '2025-06'],
  ['DIR3_KYC', 'FY2025-26'], // triennial: no routine KYC falls due in 2026 (neither 30 Jun nor 30 Sep)
  ['DIR3_KYC', 'FY2026-27'],
  ['DIR3_KYC', 'FY2028-29'],
];

const rows = calendar(libraryMasters, libraryExtensionList, '2024-04-01', '2031-03-31');
const find = (code: string, periodKey: string): CalendarRow | undefined =>
  rows.find((r) => r.code === code && r.periodKey === periodKey);

describe('the statutory library agrees with published due dates', () => {
  it(`holds at least 60 published cases covering every library obligation (${PUBLISHED.length} cases)`, () => {
    expect(PUBLISHED.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(PUBLISHED.map(([code]) => code));
    expect(libraryMasters.map((m) => m.code).filter((code) => !covered.has(code))).toEqual([]);
  });

  it.each(PUBLISHED)('%s %s is due %s (extended %s, working day %s)', (code, period, statutory, extended, working) => {
    const row = find(code, period);
    expect(row).toBeDefined();
    expect({ statutory: row!.statutoryDueDate, extended: row!.extendedDueDate ?? '', working: row!.workingDueDate }).toEqual({
      statutory,
      extended,
      working: working || extended || statutory,
    });
  });

  it.each(ABSENT)('%s has no obligation for %s', (code, period) => {
    expect(find(code, period)).toBeUndefined();
  });

  // Composition taxpayers file GSTR-4, not GSTR-9: https://www.gstexcelmastery.in/gstr9-9c-changes-2025.html
  it('asks GSTR-9 of regular GST registrations, not of composition ones', () => {
    const facts = (gstMode: 'monthly' | 'qrmp' | 'composition') => ({ entityType: 'company' as const, state: 'MH', gstMode, profile: {} });
    const gstr9 = libraryMaster('GSTR9')!.applicability;
    expect([applies(gstr9, facts('monthly')).applies, applies(gstr9, facts('qrmp')).applies, applies(gstr9, facts('composition')).applies])
      .toEqual([true, true, false]);
  });

  it('names CBDT Circular 12/2025 for the 16 Sep 2025 ITR date', () => {
    expect(find('ITR_NON_AUDIT', 'FY2024-25')?.extensionReference).toBe('CBDT Circular 12/2025 (15-Sep-2025)');
  });

  it('writes the CSV header exactly as documented', () => {
    const csv = calendarCsv(calendar(libraryMasters.filter((m) => m.code === 'TDS_DEPOSIT'), [], '2026-03-01', '2026-03-31'));
    expect(csv.split('\n')).toEqual([
      'code,period_key,period_start,period_end,statutory_due_date,extended_due_date,working_due_date',
      'TDS_DEPOSIT,2026-03,2026-03-01,2026-03-31,2026-04-30,,2026-04-30',
    ]);
  });
});
