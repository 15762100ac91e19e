import type { MasterInput } from '../../engine/master.js';

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

const PT_STATES_SOURCE = 'https://www.hrcabin.com/professional-tax-payment-due-dates-state-wise/';
const PT_SOURCE_NOTE = 'As published by a state-wise calendar; one other calendar prints the 20th for TN, WB and GJ: confirm from the state\'s rules before relying on it.';
const monthlyPt = (code: string, state: string, stateName: string, law: string, day: number | 'last', extraSource = '', sourceNote = PT_SOURCE_NOTE): MasterInput => ({
  code, name: `${stateName} profession tax — employer monthly payment and return`, category: 'Profession tax', law,
  authority: `${stateName} Commercial Taxes Department`, frequency: 'monthly', owedPer: 'pt',
  description: `By the ${day === 'last' ? 'last day' : `${day}th`} of the month after the salary month. ${sourceNote}`,
  ruleVersions: [{ effectiveFrom: '2017-04-01', rule: { kind: 'after_period_end', months: 1, day } }],
  applicability: { states: [state], requires: ['pt_registered'] },
  sources: PT_STATES_SOURCE + extraSource,
});

/** Profession tax beyond Maharashtra and Karnataka, where a published calendar gives the rule. */
const otherStatesPt: MasterInput[] = [
  monthlyPt('PT_WB_MONTHLY', 'WB', 'West Bengal', 'West Bengal State Tax on Professions, Trades, Callings and Employments Act, 1979', 21),
  monthlyPt('PT_AP_MONTHLY', 'AP', 'Andhra Pradesh', 'Andhra Pradesh Tax on Professions, Trades, Callings and Employments Act, 1987', 10, ' ; https://hrdconsultinggroup.com/pt1/'),
  monthlyPt('PT_TS_MONTHLY', 'TG', 'Telangana', 'Telangana Tax on Professions, Trades, Callings and Employments Act, 1987', 10, ' ; https://hrdconsultinggroup.com/pt1/'),
  monthlyPt('PT_GJ_MONTHLY', 'GJ', 'Gujarat', 'Gujarat State Tax on Professions, Trades, Callings and Employments Act, 1976', 15),
  monthlyPt('PT_MP_MONTHLY', 'MP', 'Madhya Pradesh', 'Madhya Pradesh Vritti Kar Adhiniyam, 1995', 10),
  {
    code: 'PT_TN_HALF_YEARLY', name: 'Tamil Nadu profession tax — half-yearly payment', category: 'Profession tax',
    law: 'Tamil Nadu Urban Local Bodies Act, 1998 (profession tax)', authority: 'Tamil Nadu urban local body', frequency: 'half_yearly', owedPer: 'pt',
    description: `By the last day of each half-year: 30 September and 31 March. ${PT_SOURCE_NOTE}`,
    ruleVersions: [{ effectiveFrom: '2017-04-01', rule: { kind: 'after_period_end', months: 0, day: 'last' } }],
    applicability: { states: ['TN'], requires: ['pt_registered'] },
    sources: PT_STATES_SOURCE,
  },
  monthlyPt('PT_OR_MONTHLY', 'OR', 'Odisha', 'Odisha State Tax on Professions, Trades, Callings and Employments Act, 2000', 'last',
    ' ; https://simpliance.in/professional-tax-detail/odisha ; https://community.emgage.work/complaince/professional-tax/professional-tax-details/professional-tax-odisha',
    'Calendars print "last day of every month"; one adds that each month\'s tax is paid in the month after it (March\'s in April), so the month after the salary month. The yearly consolidated return (30 March) is not tracked here.'),
  monthlyPt('PT_AS_MONTHLY', 'AS', 'Assam', 'Assam Professions, Trades, Callings and Employments Taxation Act, 1947', 28,
    ' ; https://icm.simpliance.in/professional-tax-detail/assam ; https://saral.pro/blogs/annual-hr-compliance-calendar ; https://www.praansconsultech.com/professional-tax-details/assam',
    'Most calendars print the 28th; others print the last day of the month: the earlier date is kept.'),
  monthlyPt('PT_ML_MONTHLY', 'ML', 'Meghalaya', 'Meghalaya Professions, Trades, Callings and Employments Taxation Act, 1947', 28,
    ' ; https://www.simpliance.in/professional-tax-detail/meghalaya ; https://ihrcgroup.com/pt-meghalaya', 'As published calendars agree.'),
  {
    code: 'PT_KL_HALF_YEARLY', name: 'Kerala profession tax — half-yearly payment', category: 'Profession tax',
    law: 'Kerala Panchayat Raj (Profession Tax) Rules, 1996; Kerala Municipalities (Profession Tax) Rules', authority: 'Kerala local body (panchayat, municipality or corporation)',
    frequency: 'fy_instalments', owedPer: 'pt',
    // Paid in advance, inside each half-year; fixed dates rather than an offset from the half-year's end.
    description: 'April–September by 31 August, October–March by 28 February. Panchayat rules and most calendars give these dates; two sources give 30 September and 31 March for municipalities and corporations: the earlier dates are kept. In a leap year the end of February is 29 February; 28 February is kept as the earlier.',
    ruleVersions: [{ effectiveFrom: '2017-04-01', rule: { kind: 'fy_instalments', dates: [{ month: 8, day: 31, label: 'April–September' }, { month: 2, day: 28, label: 'October–March' }] } }],
    applicability: { states: ['KL'], requires: ['pt_registered'] },
    sources: PT_STATES_SOURCE + ' ; https://paisabazaar.com/tax/professional-tax-kerala ; https://caclubindia.com/forum/profession-tax-due-date-in-cochin-214363.asp ; https://www.normsmanagement.com/blog/ufaqs/kerala-municipalities-act',
  },
  {
    code: 'PT_SK_QUARTERLY', name: 'Sikkim profession tax — employer quarterly payment and return', category: 'Profession tax',
    law: 'Sikkim Tax on Professions, Trades, Callings and Employments Act, 2006', authority: 'Sikkim Commercial Taxes Division',
    frequency: 'quarterly', owedPer: 'pt',
    description: 'By the last day of the month after each quarter: 31 July, 31 October, 31 January, 30 April. One guide prints "the 15th of the following month" for Sikkim in the same words it uses for other states; it is not taken as a source of Sikkim\'s rule.',
    ruleVersions: [{ effectiveFrom: '2017-04-01', rule: { kind: 'after_period_end', months: 1, day: 'last' } }],
    applicability: { states: ['SK'], requires: ['pt_registered'] },
    sources: PT_STATES_SOURCE + ' ; https://poisepayroll.com/Tax-Sikkim.aspx ; https://simpliance.in/professional-tax-detail/sikkim',
  },
  ...[
    // Yearly taxes paid on a fixed date of the FY they are for.
    { code: 'PT_BR_ANNUAL', state: 'BR', stateName: 'Bihar', law: 'Bihar Tax on Professions, Trades, Callings and Employments Act, 2011', month: 11, day: 15,
      description: 'Deducted from September salaries and paid by 15 November; the annual return (Form PT-VIII) by 30 November. One calendar prints 30 November for the payment: the earlier date is kept.',
      sources: 'https://praansconsultech.com/tax_category/bihar/ ; https://www.praansconsultech.com/professional-tax-details/bihar ; https://simpliance.in/professional-tax-detail/bihar' },
    { code: 'PT_JH_ANNUAL', state: 'JH', stateName: 'Jharkhand', law: 'Jharkhand Tax on Professions, Trades, Callings and Employments Act, 2011', month: 10, day: 31,
      description: 'Yearly, with the annual return (Form JPT-203), by 31 October. One guide prints "within fifteen days of the end of the quarter" in the same words it uses for Puducherry; it is not taken as a source of Jharkhand\'s rule.',
      sources: 'https://www.simpliance.in/India/LEI/professional_tax/state-wise-details/jharkhand ; https://www.praansconsultech.com/professional-tax-details/jharkhand' },
    { code: 'PT_MN_ANNUAL', state: 'MN', stateName: 'Manipur', law: 'Manipur Professions, Trades, Callings and Employments Taxation Act, 1981', month: 3, day: 30,
      description: 'Yearly by 30 March. One guide prints 31 March: the earlier date is kept.',
      sources: 'https://www.praansconsultech.com/professional-tax-details/manipur ; https://factohr.com/professional-tax/manipur' },
  ].map(({ code, state, stateName, law, month, day, description, sources }): MasterInput => ({
    code, name: `${stateName} profession tax — employer yearly payment`, category: 'Profession tax', law,
    authority: `${stateName} Commercial Taxes Department`, frequency: 'fy_instalments', owedPer: 'pt', description,
    ruleVersions: [{ effectiveFrom: '2017-04-01', rule: { kind: 'fy_instalments', dates: [{ month, day, label: 'Yearly tax' }] } }],
    applicability: { states: [state], requires: ['pt_registered'] },
    sources: `${PT_STATES_SOURCE} ; ${sources}`,
  })),
  {
    code: 'PT_PY_HALF_YEARLY', name: 'Puducherry profession tax — half-yearly payment', category: 'Profession tax',
    law: 'Puducherry Municipalities Act, 1973; Puducherry Village and Commune Panchayats Act, 1973 (Profession Tax Rules, 1976)', authority: 'Puducherry municipality or commune panchayat',
    frequency: 'fy_instalments', owedPer: 'pt',
    description: 'April–September by 30 June, October–March by 31 December. Two compliance libraries print "day 10" without naming the month; it is not clear enough to use.',
    ruleVersions: [{ effectiveFrom: '2017-04-01', rule: { kind: 'fy_instalments', dates: [{ month: 6, day: 30, label: 'April–September' }, { month: 12, day: 31, label: 'October–March' }] } }],
    applicability: { states: ['PY'], requires: ['pt_registered'] },
    sources: PT_STATES_SOURCE + ' ; https://www.praansconsultech.com/professional-tax-details/puducherry ; https://icm.simpliance.in/professional-tax-detail/puducherry',
  },
];

/**
 * Labour welfare fund paid once for the calendar year (the December deduction) by 31 January.
 * Shown, like Karnataka's, as one instalment of the FY holding that December.
 */
const LWF_SOURCE = 'https://knowledge.greythr.com/display/GOIN/Labour+Welfare+Fund+Rules+India';
const calendarYearLwf: MasterInput[] = [
  {
    code: 'LWF_TN', name: 'Tamil Nadu labour welfare fund (Form A)', category: 'Labour welfare fund',
    law: 'Tamil Nadu Labour Welfare Fund Act, 1972', authority: 'Tamil Nadu Labour Welfare Board', frequency: 'fy_instalments', owedPer: 'lwf',
    description: 'Yearly for the calendar year, with Form A, by 31 January; shown as the FY holding that December.',
    ruleVersions: [{ effectiveFrom: '2016-04-01', rule: { kind: 'fy_instalments', dates: [{ month: 1, day: 31, label: 'Calendar-year contribution' }] } }],
    applicability: { states: ['TN'], requires: ['lwf_registered'] },
    sources: `${LWF_SOURCE} ; https://www.thehindu.com/news/cities/chennai/contributions-sought-for-labour-welfare-fund/article66293907.ece`,
  },
  {
    code: 'LWF_AP', name: 'Andhra Pradesh labour welfare fund (Form F)', category: 'Labour welfare fund',
    law: 'Andhra Pradesh Labour Welfare Fund Act, 1987', authority: 'Andhra Pradesh Labour Welfare Board', frequency: 'fy_instalments', owedPer: 'lwf',
    description: 'Yearly: the December deduction, with Form F, by 31 January; shown as the FY holding that December.',
    ruleVersions: [{ effectiveFrom: '2016-04-01', rule: { kind: 'fy_instalments', dates: [{ month: 1, day: 31, label: 'December deduction' }] } }],
    applicability: { states: ['AP'], requires: ['lwf_registered'] },
    sources: `${LWF_SOURCE} ; https://hrdconsultinggroup.com/labour-welfare-fund-state-wise/ ; http://mnc-kl.in/lwf`,
  },
  {
    code: 'LWF_TS', name: 'Telangana labour welfare fund (Form F)', category: 'Labour welfare fund',
    law: 'Telangana Labour Welfare Fund Act, 1987', authority: 'Telangana Labour Welfare Board', frequency: 'fy_instalments', owedPer: 'lwf',
    description: 'Yearly: the December deduction, with Form F, by 31 January; shown as the FY holding that December.',
    ruleVersions: [{ effectiveFrom: '2016-04-01', rule: { kind: 'fy_instalments', dates: [{ month: 1, day: 31, label: 'December deduction' }] } }],
    applicability: { states: ['TG'], requires: ['lwf_registered'] },
    sources: `${LWF_SOURCE} ; https://community.emgage.work/complaince/labour-welfare-fund/labour-welfare-fund-details/labour-welfare-fund-telangana ; https://poisepayroll.com/LWF-Telangana.aspx`,
  },
];

/** Labour welfare fund on the June and December deductions, like Maharashtra's: day `day` of July and of January. */
const halfYearlyLwf = (code: string, state: string, stateName: string, law: string, form: string, day: number, note: string, sources: string): MasterInput => ({
  code, name: `${stateName} labour welfare fund${form ? ` (${form})` : ''}`, category: 'Labour welfare fund', law,
  authority: `${stateName} Labour Welfare Board`, frequency: 'fy_instalments', owedPer: 'lwf',
  description: `June and December deductions, paid by ${day} July and ${day} January: the half-years of the FY that hold those months. ${note}`.trim(),
  ruleVersions: [{ effectiveFrom: '2016-04-01', rule: { kind: 'fy_instalments', dates: [{ month: 7, day, label: 'June deduction' }, { month: 1, day, label: 'December deduction' }] } }],
  applicability: { states: [state], requires: ['lwf_registered'] },
  sources: `${LWF_SOURCE} ; ${sources}`,
});

const halfYearlyLwfStates: MasterInput[] = [
  halfYearlyLwf('LWF_GJ', 'GJ', 'Gujarat', 'Gujarat Labour Welfare Fund Act, 1953', 'Form A-1', 15,
    'Two calendars print 31 July and 31 January; others, quoting rule 3B, 15 July and 15 January: the earlier dates are kept.',
    'https://1-comply.com/gujarat-labour-welfare-fund-act-1953 ; https://hrdeck.in/?p=2432 ; https://community.emgage.work/complaince/labour-welfare-fund/labour-welfare-fund-details/labour-welfare-fund-gujarat'),
  halfYearlyLwf('LWF_MP', 'MP', 'Madhya Pradesh', 'Madhya Pradesh Shram Kalyan Nidhi Adhiniyam, 1982', 'Form A', 15, '',
    'https://community.emgage.work/complaince/labour-welfare-fund/labour-welfare-fund-details/labour-welfare-fund-madhya-pradesh'),
  // The Board and the Rules say "before the 15th" (its notice also says "within 15th"): before the 15th is the 14th at the latest.
  halfYearlyLwf('LWF_WB', 'WB', 'West Bengal', 'West Bengal Labour Welfare Fund Act, 1974', 'Form D', 14,
    'The West Bengal Labour Welfare Fund Rules, 1976 and the Board say "before the 15th" of July and January (calendars print the 15th): the 14th is kept as the last day before it.',
    'https://wblwb.org/html/faq.php ; https://wblwb.org/html/attention_employers.php ; https://wbxpress.com/west-bengal-labour-welfare-fund-rules-1976'),
  halfYearlyLwf('LWF_DL', 'DL', 'Delhi', 'Bombay Labour Welfare Fund Act, 1953 (as extended to Delhi); Delhi Labour Welfare Fund Rules, 1997', 'Form A', 15, '',
    'https://www.simpliance.in/labour-welfare-fund-detail/delhi ; https://hrinformative.com/labour-welfare-fund-delhi'),
  halfYearlyLwf('LWF_OR', 'OR', 'Odisha', 'Odisha Labour Welfare Fund Act, 2005', '', 15, '',
    'https://cleartax.in/s/odisha-labour-welfare-fund ; https://www.setindiabiz.com/blog/lwf-odisha'),
];

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
