import type { MasterInput } from '../../engine/master.js';

/**
 * Provident fund, ESI and profession tax. EPFO and ESIC publish no holiday rule; practice relies
 * on General Clauses Act s.10, hence next_working_day for PF/ESI. Profession-tax dates are fixed.
 */
export const labourMasters: MasterInput[] = [
  {
    code: 'PF_ECR', owedPer: 'pf', name: 'EPF contribution and ECR', category: 'PF', law: 'EPF & MP Act, 1952; EPF Scheme para 38',
    authority: 'EPFO', frequency: 'monthly', holidayPolicy: 'next_working_day',
    ruleVersions: [{ effectiveFrom: '2016-02-01', rule: { kind: 'after_period_end', months: 1, day: 15 } }],
    applicability: { requires: ['pf_registered'] },
    sources: 'https://1-comply.com/2023/06/19/epf-and-esi',
  },
  {
    code: 'ESI', owedPer: 'esi', name: 'ESIC contribution', category: 'ESI', law: 'ESI Act, 1948; ESI (Central) Regulations reg.31',
    authority: 'ESIC', frequency: 'monthly', holidayPolicy: 'next_working_day',
    ruleVersions: [{ effectiveFrom: '2017-06-01', rule: { kind: 'after_period_end', months: 1, day: 15 }, note: 'Was the 21st before June-2017 wages.' }],
    applicability: { requires: ['esi_registered'] },
    sources: 'https://joychenputhukulam.com/newsMore.php?content=15th_AS_THE_DUE_DATE___FOR___ESI_&newsId=65799',
  },
  {
    code: 'PT_MH_MONTHLY', owedPer: 'pt', name: 'Maharashtra profession tax — employer monthly return and payment', category: 'Profession tax',
    law: 'Maharashtra State Tax on Professions, Trades, Callings and Employments Act, 1975', section: 's.6; r.11(3)',
    authority: 'Maharashtra GST Department', frequency: 'monthly',
    description: 'Employers whose previous-year PT liability was ₹1,00,000 or more. The period is the salary month.',
    ruleVersions: [
      { effectiveFrom: '2019-04-01', rule: { kind: 'after_period_end', months: 1, day: 'last' }, note: 'Last day of the month after the salary month.' },
      {
        effectiveFrom: '2026-04-01', rule: { kind: 'after_period_end', months: 1, day: 15 },
        note: 'Amendment Rules 2026 (28-Feb-2026): the 15th (April salary → 15 May). Effective date assumed from April 2026 salaries.',
      },
    ],
    applicability: { states: ['MH'], requires: ['pt_registered', 'pt_monthly'] },
    sources: 'https://chhedaconsultancyservices.com/maharashtra-pt-due-date-changed-to-15th-of-every-month',
  },
  {
    code: 'PT_MH_ANNUAL', owedPer: 'pt', name: 'Maharashtra profession tax — employer annual return and payment', category: 'Profession tax',
    law: 'Maharashtra State Tax on Professions, Trades, Callings and Employments Act, 1975', section: 's.6; r.11(3)',
    authority: 'Maharashtra GST Department', frequency: 'annual',
    description: 'Employers whose previous-year PT liability was under ₹1,00,000.',
    ruleVersions: [
      { effectiveFrom: '2019-04-01', rule: { kind: 'after_period_end', months: 0, day: 31 }, note: '31 March of the year.' },
      {
        effectiveFrom: '2026-04-01', rule: { kind: 'after_period_end', months: 0, day: 15 },
        note: 'Amendment Rules 2026: 15 March. Effective date assumed from FY 2026-27.',
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
];
