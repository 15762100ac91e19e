import type { MasterInput } from '../../engine/master.js';

/**
 * Labour welfare fund paid once for the calendar year (the December deduction) by 31 January.
 * Shown, like Karnataka's, as one instalment of the FY holding that December.
 */
const LWF_SOURCE = 'https://knowledge.greythr.com/display/GOIN/Labour+Welfare+Fund+Rules+India';
export const calendarYearLwf: MasterInput[] = [
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

export const halfYearlyLwfStates: MasterInput[] = [
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
  halfYearlyLwf('LWF_CT', 'CT', 'Chhattisgarh', 'Chhattisgarh Shram Kalyan Nidhi Adhiniyam, 1982', 'Form A', 15,
    'One calendar prints 31 July and 31 January: the earlier dates are kept.',
    'https://hrdeck.in/labour-welfare-fund-lwf-in-chhattisgarh-updated-aug-2025 ; https://hrdconsultinggroup.com/labour-welfare-fund-state-wise/'),
  halfYearlyLwf('LWF_GA', 'GA', 'Goa', 'Goa, Daman and Diu Labour Welfare Fund Act, 1986', 'Form A', 15,
    'The Goa Labour Welfare Board\'s page and one calendar give 31 July and 31 January; two calendars give 15 July and 15 January: the earlier dates are kept until the Rules are checked.',
    'https://hrinformative.com/labour-welfare-fund-goa/ ; https://kb.bizproutx.com/doku.php?do=export_xhtml&id=lwf%3Alwf_goa ; https://labour.goa.gov.in/about-welfare-board/'),
  // Punjab's Act (also Chandigarh's) runs on the FY's halves: s.9A(2), "before the 15th October" for April–September
  // and "before the 15th April" for October–March; before the 15th is the 14th at the latest.
  ...([['PB', 'Punjab', 'https://www.simpliance.in/labour-welfare-fund-detail/punjab'], ['CH', 'Chandigarh', 'https://hrdconsultinggroup.com/labour-welfare-fund-state-wise/']] as const)
    .map(([state, stateName, source]): MasterInput => ({
      code: `LWF_${state}`, name: `${stateName} labour welfare fund`, category: 'Labour welfare fund',
      law: 'Punjab Labour Welfare Fund Act, 1965', section: 's.9A(2)', authority: `${stateName} Labour Welfare Board`, frequency: 'half_yearly', owedPer: 'lwf',
      description: 'Monthly contributions paid half-yearly: April–September before 15 October, October–March before 15 April. Calendars print the 15th; the Act says "before", so the 14th is kept.',
      ruleVersions: [{ effectiveFrom: '2016-04-01', rule: { kind: 'after_period_end', months: 1, day: 14 } }],
      applicability: { states: [state], requires: ['lwf_registered'] },
      sources: `${LWF_SOURCE} ; ${source}`,
    })),
];
