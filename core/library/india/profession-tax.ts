import type { MasterInput } from '../../engine/master.js';

/** Profession tax beyond Maharashtra and Karnataka (labour.ts), where published sources give the rule. */
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

export const otherStatesPt: MasterInput[] = [
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
