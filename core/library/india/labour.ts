import type { MasterInput } from '../../engine/master.js';
import { calendarYearLwf, halfYearlyLwfStates } from './labour-welfare-fund.js';
import { otherStatesPt } from './profession-tax.js';

/**
 * Provident fund, ESI and profession tax. EPFO and ESIC publish no holiday rule; practice relies
 * on General Clauses Act s.10, hence next_working_day for PF/ESI. Profession-tax dates are fixed.
 */
/**
 * The Maharashtra PT (Amendment) Rules 2026, notified 28-Feb-2026: r.11(3)(a) 31 March → 15 March,
 * r.11(3)(c) "last date" → "15th day". No source found states a commencement date; earlier MH PT
 * amendments (2019, 2020, 2024) took effect on publication (previous publication dispensed with
 * under the proviso to s.27(3)), so the version starts on the notification date: a tracker must
 * not show a date later than the law's.
 */
const MH_PT_2026 = 'Amendment Rules 2026 (notified 28-Feb-2026), taken to apply from publication since no commencement clause was found.';

export const labourMasters: MasterInput[] = [
  {
    code: 'PF_ECR', owedPer: 'pf', name: 'EPF contribution and ECR', category: 'PF', law: 'EPF & MP Act, 1952; EPF Scheme para 38',
    authority: 'EPFO', frequency: 'monthly', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-02-01', rule: { kind: 'after_period_end', months: 1, day: 15 } },
      {
        // In force 1-Jul-2026: wage months from July 2026 (the periods ending from then) are under the new Scheme.
        effectiveFrom: '2026-07-01', rule: { kind: 'after_period_end', months: 1, day: 15 },
        law: 'Code on Social Security, 2020; EPF Scheme, 2026', section: 'G.S.R. 525(E)',
        note: 'The EPF Scheme 2026 under the Code replaces the 1952 Act and Scheme; the date stays the 15th.',
      },
    ],
    applicability: { requires: ['pf_registered'] },
    sources: 'https://1-comply.com/2023/06/19/epf-and-esi ; https://www.bdo.in/en-gb/insights/alerts-updates/alert-new-employees%E2%80%99-provident-funds-scheme,-2026-notified-under-the-code-on-social-security,-2020',
  },
  {
    code: 'ESI', owedPer: 'esi', name: 'ESIC contribution', category: 'ESI', law: 'ESI Act, 1948; ESI (General) Regulations, 1950', section: 'reg.31',
    authority: 'ESIC', frequency: 'monthly', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2017-06-01', rule: { kind: 'after_period_end', months: 1, day: 15 }, note: 'Was the 21st before June-2017 wages.' },
      {
        // The Code came into force 21-Nov-2025: wage months ending from then (November 2025 on) are under it.
        effectiveFrom: '2025-11-21', rule: { kind: 'after_period_end', months: 1, day: 15 },
        law: 'Code on Social Security, 2020; ESI (General) Regulations, 1950', section: 'reg.31',
        note: 'Regulation 31 continues under the Code; the date stays the 15th.',
      },
    ],
    applicability: { requires: ['esi_registered'] },
    sources: 'https://joychenputhukulam.com/newsMore.php?content=15th_AS_THE_DUE_DATE___FOR___ESI_&newsId=65799 ; https://www.bdo.in/en-gb/insights/alerts-updates/alert-new-employees%E2%80%99-provident-funds-scheme,-2026-notified-under-the-code-on-social-security,-2020',
  },
  {
    code: 'PT_MH_MONTHLY', owedPer: 'pt', name: 'Maharashtra profession tax — employer monthly return and payment', category: 'Profession tax',
    law: 'Maharashtra State Tax on Professions, Trades, Callings and Employments Act, 1975', section: 's.6; r.11(3)',
    authority: 'Maharashtra GST Department', frequency: 'monthly',
    description: 'Employers whose previous-year PT liability was ₹1,00,000 or more. The period is the salary month.',
    ruleVersions: [
      { effectiveFrom: '2019-04-01', rule: { kind: 'after_period_end', months: 1, day: 'last' }, note: 'Last day of the month after the salary month.' },
      {
        effectiveFrom: '2026-02-28', rule: { kind: 'after_period_end', months: 1, day: 15 },
        note: MH_PT_2026 + ' February 2026 salary: 15 Mar 2026; March 2026 salary: 15 Apr 2026.',
      },
    ],
    applicability: { states: ['MH'], requires: ['pt_registered', 'pt_monthly'] },
    sources: 'https://chhedaconsultancyservices.com/maharashtra-pt-due-date-changed-to-15th-of-every-month ; https://unitedconsultancy.com/?p=40970',
  },
  {
    code: 'PT_MH_ANNUAL', owedPer: 'pt', name: 'Maharashtra profession tax — employer annual return and payment', category: 'Profession tax',
    law: 'Maharashtra State Tax on Professions, Trades, Callings and Employments Act, 1975', section: 's.6; r.11(3)',
    authority: 'Maharashtra GST Department', frequency: 'annual',
    description: 'Employers whose previous-year PT liability was under ₹1,00,000.',
    ruleVersions: [
      { effectiveFrom: '2019-04-01', rule: { kind: 'after_period_end', months: 0, day: 31 }, note: '31 March of the year.' },
      {
        effectiveFrom: '2026-02-28', rule: { kind: 'after_period_end', months: 0, day: 15 },
        note: MH_PT_2026 + ' FY 2025-26 return: 15 Mar 2026.',
      },
    ],
    applicability: { states: ['MH'], requires: ['pt_registered'], excludes: ['pt_monthly'] },
    sources: 'https://unitedconsultancy.com/?p=40970',
  },
  {
    code: 'PT_KA_MONTHLY', owedPer: 'pt', name: 'Karnataka profession tax — employer monthly statement (Form 5-A) and payment', category: 'Profession tax',
    law: 'Karnataka Tax on Professions, Trades, Callings and Employments Act, 1976', section: 's.6-A',
    authority: 'Karnataka Commercial Taxes Department', frequency: 'monthly',
    ruleVersions: [{ effectiveFrom: '2017-04-01', rule: { kind: 'after_period_end', months: 1, day: 20 } }],
    applicability: { states: ['KA'], requires: ['pt_registered'] },
    sources: 'https://www.deskera.com/blog/profession-tax-form-5/',
  },
  {
    code: 'PT_KA_ANNUAL', owedPer: 'pt', name: 'Karnataka profession tax — annual return (Form 5)', category: 'Profession tax',
    law: 'Karnataka Tax on Professions, Trades, Callings and Employments Act, 1976', section: 's.6-A',
    authority: 'Karnataka Commercial Taxes Department', frequency: 'annual',
    description: 'Within 60 days of the FY end (most sources: 30 May; some say 30 April).',
    ruleVersions: [{ effectiveFrom: '2017-04-01', rule: { kind: 'after_period_end', months: 2, day: 30 } }],
    applicability: { states: ['KA'], requires: ['pt_registered'] },
    sources: 'https://www.setindiabiz.com/annual-return-karnataka-professional-tax-form5',
  },
  ...otherStatesPt,
  {
    code: 'LWF_MH', name: 'Maharashtra labour welfare fund (Form A-1)', category: 'Labour welfare fund',
    law: 'Maharashtra Labour Welfare Fund Act, 1953', authority: 'Maharashtra Labour Welfare Board', frequency: 'fy_instalments', owedPer: 'lwf',
    description: 'June and December deductions, paid by 15 July and 15 January: the half-years of the FY that hold those months.',
    ruleVersions: [{ effectiveFrom: '2016-04-01', rule: { kind: 'fy_instalments', dates: [{ month: 7, day: 15, label: 'June deduction' }, { month: 1, day: 15, label: 'December deduction' }] } }],
    applicability: { states: ['MH'], requires: ['lwf_registered'] },
    sources: 'https://knowledge.greythr.com/display/GOIN/Labour+Welfare+Fund+Rules+India',
  },
  {
    code: 'LWF_KA', name: 'Karnataka labour welfare fund (Form D)', category: 'Labour welfare fund',
    law: 'Karnataka Labour Welfare Fund Act, 1965', authority: 'Karnataka Labour Welfare Board', frequency: 'fy_instalments', owedPer: 'lwf',
    // The law's period is the calendar year, which the period machinery (FY-based) does not have; one FY
    // instalment on 15 January gives the same due date for the December deduction of the FY holding it.
    description: 'Yearly for the calendar year (December deduction), by 15 January; shown as the FY holding that December.',
    ruleVersions: [{ effectiveFrom: '2016-04-01', rule: { kind: 'fy_instalments', dates: [{ month: 1, day: 15, label: 'December deduction' }] } }],
    applicability: { states: ['KA'], requires: ['lwf_registered'] },
    sources: 'https://knowledge.greythr.com/display/GOIN/Labour+Welfare+Fund+Rules+India',
  },
  ...calendarYearLwf,
  ...halfYearlyLwfStates,
  {
    code: 'WAGES_CODE', name: 'Monthly wages paid (Code on Wages)', category: 'Wages', law: 'Code on Wages, 2019', section: 's.17',
    authority: 'Labour and Employment Department', frequency: 'monthly',
    description: 'Wages for a month by the 7th of the next; full and final settlement within 2 working days of an exit (not tracked as a dated item).',
    ruleVersions: [{ effectiveFrom: '2025-11-21', rule: { kind: 'after_period_end', months: 1, day: 7 }, note: 'The Code on Wages is in force from 21-Nov-2025.' }],
    applicability: { requires: ['has_employees'] },
    sources: 'https://www.angelone.in/news/economy/india-s-new-labour-regime-a-breakdown-of-mandatory-employer-filings-across-four-categories',
  },
];
