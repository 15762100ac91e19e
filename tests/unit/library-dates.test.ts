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
  ['DIR3_KYC', 'FY2024-25', '2025-09-30', '', ''], // GC 04/05-2025 waived the fee (below); the due date stayed
  ['DIR3_KYC', 'FY2027-28', '2028-06-30', '', ''],
  ['DPT3', 'FY2025-26', '2026-06-30', '', ''],
  ['MSME1', 'FY2025-26-H1', '2025-10-31', '', ''],
  ['MSME1', 'FY2025-26-H2', '2026-04-30', '', ''],
  ['LLP_FORM11', 'FY2024-25', '2025-05-30', '', ''],
  ['LLP_FORM8', 'FY2024-25', '2025-10-30', '', ''],
  // §6.2 additions.
  // GSTR-4: 30 April, then 30 June from FY 2024-25 (r.62, Notif. 12/2024-CT): https://www.taxrealtime.in/gstlaws/provision/rule/74
  ['GSTR4', 'FY2023-24', '2024-04-30', '', ''],
  ['GSTR4', 'FY2024-25', '2025-06-30', '', ''],
  // GSTR-6 (ISD) 13th: https://www.taxrealtime.in/gstlaws/provision/act/41
  ['GSTR6', '2025-04', '2025-05-13', '', ''],
  // ITC-04: over ₹5 cr 25 Oct / 25 Apr, else annual 25 Apr: https://taxlaservices.blogspot.com/2025/10/understanding-itc-04-everything-you.html
  ['ITC04', 'FY2025-26-H1', '2025-10-25', '', ''],
  ['ITC04', 'FY2025-26-H2', '2026-04-25', '', ''],
  ['ITC04_ANNUAL', 'FY2025-26', '2026-04-25', '', ''],
  // ITC of the FY: 30 November after it: https://www.suvit.io/post/itc-claim-deadline
  ['GST_ITC_TIME_LIMIT', 'FY2024-25', '2025-11-30', '', ''],
  // PAS-6: 60 days after each half-year: https://legalparivar.com/guidelines-for-private-companies-on-demat-mandate-compliance
  ['PAS6', 'FY2025-26-H1', '2025-11-29', '', ''],
  ['PAS6', 'FY2024-25-H2', '2025-05-30', '', ''],
  // TCS deposit: the 7th, March included (7 April): https://www.prachiguptaassociates.com/tcs-payment-due-date-for-march-2025-important-reminder
  ['TCS_DEPOSIT', '2025-04', '2025-05-07', '', ''],
  ['TCS_DEPOSIT', '2026-03', '2026-04-07', '', ''],
  ['TCS_DEPOSIT', '2025-08', '2025-09-07', '', '2025-09-08'],
  // TCS statement 15 Jul / 15 Oct / 15 Jan / 15 May: https://blog.tdsman.com/2016/04/due-dates-filing-statement-challan
  ['TCS_RETURN_27EQ', 'FY2025-26-Q1', '2025-07-15', '', ''],
  ['TCS_RETURN_27EQ', 'FY2025-26-Q2', '2025-10-15', '', ''],
  ['TCS_RETURN_27EQ', 'FY2025-26-Q3', '2026-01-15', '', ''],
  ['TCS_RETURN_27EQ', 'FY2025-26-Q4', '2026-05-15', '', ''],
  // SFT 31 May (a Sunday in 2026): http://www.casahuja.com/2025/05/professional-analysis-form-61a-income.html
  ['SFT_61A', 'FY2025-26', '2026-05-31', '', '2026-06-01'],
  // Master file by the s.92E return date, 30 Nov (a Sunday in 2025): https://taxbymanish.blogspot.com/2023/10/forms-are-required-to-be-filled-to.html
  ['TP_MASTER_FILE_3CEAA', 'FY2024-25', '2025-11-30', '', '2025-12-01'],
  // Form 67 by the end of the AY: https://www.taxscan.in/income-tax-rules-amended-to-allow-foreign-tax-credit-even-with-delayed-filing-of-form-67/200776
  ['FORM_67', 'FY2024-25', '2026-03-31', '', ''],
  // Labour welfare fund MH 15 Jul / 15 Jan, KA 15 Jan: https://knowledge.greythr.com/display/GOIN/Labour+Welfare+Fund+Rules+India
  ['LWF_MH', 'FY2025-26-I1', '2025-07-15', '', ''],
  ['LWF_MH', 'FY2025-26-I2', '2026-01-15', '', ''],
  ['LWF_KA', 'FY2025-26-I1', '2026-01-15', '', ''],
  // Wages by the 7th under the Code on Wages (from 21-Nov-2025):
  // https://www.angelone.in/news/economy/india-s-new-labour-regime-a-breakdown-of-mandatory-employer-filings-across-four-categories
  ['WAGES_CODE', '2025-11', '2025-12-07', '', ''],
  ['WAGES_CODE', '2026-04', '2026-05-07', '', ''],
  // Profession tax in other states: https://www.hrcabin.com/professional-tax-payment-due-dates-state-wise/ (AP, TS also https://hrdconsultinggroup.com/pt1/)
  ['PT_WB_MONTHLY', '2025-04', '2025-05-21', '', ''],
  ['PT_AP_MONTHLY', '2025-04', '2025-05-10', '', ''],
  ['PT_TS_MONTHLY', '2025-04', '2025-05-10', '', ''],
  ['PT_GJ_MONTHLY', '2025-04', '2025-05-15', '', ''],
  ['PT_MP_MONTHLY', '2025-04', '2025-05-10', '', ''],
  ['PT_TN_HALF_YEARLY', 'FY2025-26-H1', '2025-09-30', '', ''],
  ['PT_TN_HALF_YEARLY', 'FY2025-26-H2', '2026-03-31', '', ''],
  // Odisha: last day of the month after the salary month: https://simpliance.in/professional-tax-detail/odisha ;
  // https://www.hrcabin.com/professional-tax-payment-due-dates-state-wise/
  ['PT_OR_MONTHLY', '2025-04', '2025-05-31', '', ''],
  ['PT_OR_MONTHLY', '2026-01', '2026-02-28', '', ''],
  // Assam and Meghalaya: the 28th (the earlier of 28th / last day): https://www.hrcabin.com/professional-tax-payment-due-dates-state-wise/ ;
  // https://saral.pro/blogs/annual-hr-compliance-calendar
  ['PT_AS_MONTHLY', '2025-04', '2025-05-28', '', ''],
  ['PT_ML_MONTHLY', '2025-04', '2025-05-28', '', ''],
  // Kerala: 31 August and 28 February (the earlier of the panchayat and municipal dates):
  // https://paisabazaar.com/tax/professional-tax-kerala ; https://caclubindia.com/forum/profession-tax-due-date-in-cochin-214363.asp
  ['PT_KL_HALF_YEARLY', 'FY2025-26-I1', '2025-08-31', '', ''],
  ['PT_KL_HALF_YEARLY', 'FY2025-26-I2', '2026-02-28', '', ''],
  ['PT_KL_HALF_YEARLY', 'FY2027-28-I2', '2028-02-28', '', ''],
  // Labour welfare fund TN and AP, the calendar year's contribution by 31 January:
  // https://www.thehindu.com/news/cities/chennai/contributions-sought-for-labour-welfare-fund/article66293907.ece ;
  // https://hrdconsultinggroup.com/labour-welfare-fund-state-wise/ ; https://knowledge.greythr.com/display/GOIN/Labour+Welfare+Fund+Rules+India
  ['LWF_TN', 'FY2025-26-I1', '2026-01-31', '', ''],
  ['LWF_AP', 'FY2025-26-I1', '2026-01-31', '', ''],
  // Telangana LWF by 31 January: https://poisepayroll.com/LWF-Telangana.aspx ;
  // https://community.emgage.work/complaince/labour-welfare-fund/labour-welfare-fund-details/labour-welfare-fund-telangana
  ['LWF_TS', 'FY2025-26-I1', '2026-01-31', '', ''],
  // Gujarat LWF 15 Jul / 15 Jan (rule 3B; earlier than the 31st some print): https://1-comply.com/gujarat-labour-welfare-fund-act-1953
  ['LWF_GJ', 'FY2025-26-I1', '2025-07-15', '', ''],
  ['LWF_GJ', 'FY2025-26-I2', '2026-01-15', '', ''],
  // Madhya Pradesh LWF 15 Jul / 15 Jan:
  // https://community.emgage.work/complaince/labour-welfare-fund/labour-welfare-fund-details/labour-welfare-fund-madhya-pradesh
  ['LWF_MP', 'FY2025-26-I1', '2025-07-15', '', ''],
  ['LWF_MP', 'FY2025-26-I2', '2026-01-15', '', ''],
  // West Bengal LWF "before the 15th" of July and January, so the 14th: https://wblwb.org/html/faq.php
  ['LWF_WB', 'FY2025-26-I1', '2025-07-14', '', ''],
  ['LWF_WB', 'FY2025-26-I2', '2026-01-14', '', ''],
  // Delhi LWF 15 Jul / 15 Jan: https://www.simpliance.in/labour-welfare-fund-detail/delhi ; https://hrinformative.com/labour-welfare-fund-delhi
  ['LWF_DL', 'FY2025-26-I1', '2025-07-15', '', ''],
  ['LWF_DL', 'FY2025-26-I2', '2026-01-15', '', ''],
  // Odisha LWF 15 Jul / 15 Jan: https://cleartax.in/s/odisha-labour-welfare-fund ; https://www.setindiabiz.com/blog/lwf-odisha
  ['LWF_OR', 'FY2025-26-I1', '2025-07-15', '', ''],
  ['LWF_OR', 'FY2025-26-I2', '2026-01-15', '', ''],
  // Chhattisgarh LWF 15 Jul / 15 Jan (earlier than the 31st one calendar prints):
  // https://hrdeck.in/labour-welfare-fund-lwf-in-chhattisgarh-updated-aug-2025 ; https://hrdconsultinggroup.com/labour-welfare-fund-state-wise/
  ['LWF_CT', 'FY2025-26-I1', '2025-07-15', '', ''],
  ['LWF_CT', 'FY2025-26-I2', '2026-01-15', '', ''],
  // Goa LWF 15 Jul / 15 Jan (the Board's page says the 31st; the earlier is kept): https://hrinformative.com/labour-welfare-fund-goa/ ;
  // https://labour.goa.gov.in/about-welfare-board/
  ['LWF_GA', 'FY2025-26-I1', '2025-07-15', '', ''],
  ['LWF_GA', 'FY2025-26-I2', '2026-01-15', '', ''],
  // Punjab and Chandigarh LWF "before the 15th" October / April (s.9A(2)), so the 14th:
  // https://www.simpliance.in/labour-welfare-fund-detail/punjab ; https://hrdconsultinggroup.com/labour-welfare-fund-state-wise/
  ['LWF_PB', 'FY2025-26-H1', '2025-10-14', '', ''],
  ['LWF_PB', 'FY2025-26-H2', '2026-04-14', '', ''],
  ['LWF_CH', 'FY2025-26-H1', '2025-10-14', '', ''],
  // Sikkim PT quarterly, 31 Jul / 31 Oct / 31 Jan / 30 Apr: https://poisepayroll.com/Tax-Sikkim.aspx ;
  // https://www.hrcabin.com/professional-tax-payment-due-dates-state-wise/
  ['PT_SK_QUARTERLY', 'FY2025-26-Q1', '2025-07-31', '', ''],
  ['PT_SK_QUARTERLY', 'FY2025-26-Q4', '2026-04-30', '', ''],
  // Bihar PT paid by 15 November (the return by 30 November): https://praansconsultech.com/tax_category/bihar/
  ['PT_BR_ANNUAL', 'FY2025-26-I1', '2025-11-15', '', ''],
  // Jharkhand PT by 31 October: https://www.simpliance.in/India/LEI/professional_tax/state-wise-details/jharkhand
  ['PT_JH_ANNUAL', 'FY2025-26-I1', '2025-10-31', '', ''],
  // Manipur PT by 30 March: https://www.praansconsultech.com/professional-tax-details/manipur ;
  // https://www.hrcabin.com/professional-tax-payment-due-dates-state-wise/
  ['PT_MN_ANNUAL', 'FY2025-26-I1', '2026-03-30', '', ''],
  // Puducherry PT 30 June / 31 December: https://www.praansconsultech.com/professional-tax-details/puducherry
  ['PT_PY_HALF_YEARLY', 'FY2025-26-I1', '2025-06-30', '', ''],
  ['PT_PY_HALF_YEARLY', 'FY2025-26-I2', '2025-12-31', '', ''],
];

/** Periods that must produce no obligation at all. */
const ABSENT: [string, string][] = [
  ['GSTR1_IFF', '2025-06'], // the third month of a quarter is covered by the quarterly GSTR-1
  ['GSTR1_IFF', '2025-12'],
  ['PMT06', '2025-06'],
  ['DIR3_KYC', 'FY2025-26'], // triennial: no routine KYC falls due in 2026 (neither 30 Jun nor 30 Sep)
  ['DIR3_KYC', 'FY2026-27'],
  ['DIR3_KYC', 'FY2028-29'],
  ['WAGES_CODE', '2025-10'], // the Code on Wages is in force from 21-Nov-2025
];

const rows = calendar(libraryMasters, libraryExtensionList, '2023-04-01', '2031-03-31');
const find = (code: string, periodKey: string): CalendarRow | undefined =>
  rows.find((r) => r.code === code && r.periodKey === periodKey);

describe('the statutory library agrees with published due dates', () => {
  it(`holds at least 60 published cases covering every library obligation (${PUBLISHED.length} cases)`, () => {
    expect(PUBLISHED.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(PUBLISHED.map(([code]) => code));
    // Obligations counted from each recorded event (DIR3_KYC_UPDATE, FORM_15CA_CB) have no date without
    // an event, so no calendar row: their published cases are pinned in recorded-events.test.ts.
    const perEvent = (m: (typeof libraryMasters)[number]) => m.ruleVersions.some((v) => v.rule.kind === 'after_each_event');
    expect(libraryMasters.filter((m) => !perEvent(m)).map((m) => m.code).filter((code) => !covered.has(code))).toEqual([]);
    expect(libraryMasters.filter(perEvent).map((m) => m.code).sort()).toEqual(['DIR3_KYC_UPDATE', 'FORM_15CA_CB']);
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

  it.each([
    ['TCS_DEPOSIT', { tcs_collector: true }, {}],
    ['GSTR6', { isd_registration: true }, {}],
    ['ITC04', { job_work: true, gst_aato_over_5cr: true }, { job_work: true }],
    ['ITC04_ANNUAL', { job_work: true }, { job_work: true, gst_aato_over_5cr: true }],
    ['SFT_61A', { sft_reporting: true }, {}],
    ['TP_MASTER_FILE_3CEAA', { international_group: true }, {}],
    ['FORM_67', { foreign_tax_credit: true }, {}],
    ['PAS6', {}, { small_company: true }],
    ['LWF_MH', { lwf_registered: true }, {}],
  ] as const)('asks %s of an entity with %j and not of one with %j', (code, yes, no) => {
    const facts = (profile: object) => ({ entityType: 'company' as const, state: 'MH', gstMode: 'monthly' as const, profile });
    const rule = libraryMaster(code)!.applicability;
    expect([applies(rule, facts(yes)).applies, applies(rule, facts(no)).applies]).toEqual([true, false]);
  });

  // MCA fee waivers, FY 2024-25: the due date stays, the additional fee is waived until the date.
  // AOC-4 / MGT-7(A): GC 06/2025 to 31 Dec 2025, then GC 08/2025 to 31 Jan 2026 (AGM date not extended):
  // https://taxguru.in/company-law/mca-companies-file-annual-returns-extra-fees-december-31-2025.html
  // DIR-3 KYC: without the fee to 15 Oct 2025 (GC 04/2025), then 31 Oct 2025 (GC 05/2025):
  // http://www.casahuja.com/2025/10/mca-annual-filings-2025-no-extension.html ; https://www.kanakkupillai.com/learn/dir-3-kyc-due-date
  it.each([
    ['ROC_AOC4', '2025-10-30', '2026-01-31', 'MCA General Circular 08/2025', /06\/2025 .*31 Dec 2025/],
    ['ROC_AOC4_OPC', '2025-09-27', '2026-01-31', 'MCA General Circular 08/2025', /06\/2025 .*31 Dec 2025/],
    ['ROC_MGT7', '2025-11-29', '2026-01-31', 'MCA General Circular 08/2025', /06\/2025 .*31 Dec 2025/],
    ['DIR3_KYC', '2025-09-30', '2025-10-31', 'MCA General Circular 05/2025 (15-Oct-2025)', /04\/2025 .*15 Oct 2025/],
  ])('%s FY 2024-25 stays due %s, with no additional fee until %s (%s)', (code, due, until, reference, earlier) => {
    const row = find(code, 'FY2024-25')!;
    expect({ due: row.workingDueDate, extended: row.extendedDueDate, until: row.feeWaivedUntil, reference: row.feeWaiverReference })
      .toEqual({ due, extended: undefined, until, reference });
    expect(libraryExtensionList.find((e) => e.code === code && e.periodKey === 'FY2024-25')).toMatchObject({ kind: 'fee_waiver', note: expect.stringMatching(earlier) });
  });

  // GSTR-3B July 2025 → 27 Aug 2025 only for principal places of business in five MMR districts (CBIC, s.39(6), floods):
  // https://www.gujaratimidday.com/amp/news/mumbai-news/article/gst-filing-extended-for-mumbai-thane-raigad-palghar-traders-due-to-floods-250700
  it('ships the July 2025 GSTR-3B flood extension for five Maharashtra districts only, so the place-less calendar keeps 20 Aug 2025', () => {
    expect(libraryExtensionList.filter((e) => e.code === 'GSTR3B_MONTHLY' && e.periodKey === '2025-07')).toEqual([{
      code: 'GSTR3B_MONTHLY', periodKey: '2025-07', kind: 'extension', extendedDueDate: '2025-08-27', reference: 'CBIC extension under s.39(6) CGST Act (floods)',
      states: ['MH'], districts: ['Mumbai City', 'Mumbai Suburban', 'Palghar', 'Raigad', 'Thane'],
    }]);
    expect(find('GSTR3B_MONTHLY', '2025-07')).toMatchObject({ statutoryDueDate: '2025-08-20', workingDueDate: '2025-08-20' });
    expect(find('GSTR3B_MONTHLY', '2025-07')?.extendedDueDate).toBeUndefined();
  });

  it('names CBDT Circular 12/2025 for the 16 Sep 2025 ITR date', () => {
    expect(find('ITR_NON_AUDIT', 'FY2024-25')?.extensionReference).toBe('CBDT Circular 12/2025 (15-Sep-2025)');
  });

  it('writes the CSV header exactly as documented', () => {
    const csv = calendarCsv(calendar(libraryMasters.filter((m) => m.code === 'TDS_DEPOSIT'), [], '2026-03-01', '2026-03-31'));
    expect(csv.split('\n')).toEqual([
      'code,period_key,period_start,period_end,statutory_due_date,extended_due_date,working_due_date,form,law',
      'TDS_DEPOSIT,2026-03,2026-03-01,2026-03-31,2026-04-30,,2026-04-30,,"Income-tax Act, 1961"',
    ]);
  });

  // Forms by period: https://www.taxheal.com/tds-return-filing-online-new-forms-as-per-income-tax-rules-2026-and-applicability.html
  it('appends the form and law in force for each period to the CSV: Q4 FY 2025-26 on 24Q/26Q/27Q, tax year 2026-27 on 138/140/144', () => {
    const csv = calendarCsv(calendar(libraryMasters.filter((m) => m.code === 'TDS_RETURN_24Q_26Q'), [], '2026-01-01', '2026-04-30'));
    expect(csv.split('\n').slice(1)).toEqual([
      'TDS_RETURN_24Q_26Q,FY2025-26-Q4,2026-01-01,2026-03-31,2026-05-31,,2026-06-01,Form 24Q / 26Q / 27Q,"Income-tax Act, 1961"',
      'TDS_RETURN_24Q_26Q,FY2026-27-Q1,2026-04-01,2026-06-30,2026-07-31,,2026-07-31,Form 138 / 140 / 144,"Income-tax Act, 2025"',
    ]);
  });
});
