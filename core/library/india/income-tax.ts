import type { MasterInput } from '../../engine/master.js';

const ITA = 'Income-tax Act, 1961 / Income-tax Act, 2025';
const CBDT = 'CBDT / Income Tax Department';
const BUSINESSES = ['company', 'opc', 'llp', 'partnership', 'proprietorship', 'trust', 'branch'] as const;
const COMPANIES = ['company', 'opc'] as const;

/**
 * Income tax. CBDT Circulars 639 and 676 apply General Clauses Act s.10: when the office or
 * bank is closed on the last day, the next working day is in time — hence next_working_day.
 */
export const incomeTaxMasters: MasterInput[] = [
  {
    code: 'TDS_DEPOSIT', owedPer: 'tan', name: 'TDS deposit (challan ITNS-281)', category: 'TDS', law: ITA, section: 's.200(1); r.30 (r.218 of 2026 Rules)',
    authority: CBDT, frequency: 'monthly', holidayPolicy: 'next_working_day',
    ruleVersions: [{
      effectiveFrom: '2013-04-01',
      rule: { kind: 'after_period_end', months: 1, day: 7, exceptions: [{ periodEndMonth: 3, months: 1, day: 30 }] },
      note: 'Tax deducted in March: 30 April.',
    }],
    applicability: { requires: ['tds_deductor'] },
    sources: 'https://cleartax.in/tds/guides/tds-not-filed-on-time',
  },
  {
    code: 'TDS_RETURN_24Q_26Q', owedPer: 'tan', name: 'Quarterly TDS statement (24Q / 26Q / 27Q; Forms 138 / 140 / 144 from 2026-27)', category: 'TDS',
    law: ITA, section: 's.200(3); r.31A (r.219 of 2026 Rules)', authority: CBDT, frequency: 'quarterly', holidayPolicy: 'next_working_day',
    ruleVersions: [{
      effectiveFrom: '2013-04-01',
      rule: { kind: 'after_period_end', months: 1, day: 'last', exceptions: [{ periodEndMonth: 3, months: 2, day: 31 }] },
      note: '31 Jul, 31 Oct, 31 Jan; Q4: 31 May.',
    }],
    applicability: { requires: ['tds_deductor'] },
    sources: 'https://www.taxheal.com/tds-return-filing-online-new-forms-as-per-income-tax-rules-2026-and-applicability.html',
  },
  {
    code: 'FORM16', owedPer: 'tan', name: 'Form 16 — salary TDS certificate', category: 'TDS', law: ITA, section: 's.203; r.31',
    authority: CBDT, frequency: 'annual',
    ruleVersions: [{ effectiveFrom: '2013-04-01', rule: { kind: 'after_period_end', months: 3, day: 15 } }],
    applicability: { requires: ['has_employees', 'tds_deductor'] },
    sources: 'https://www.incometaxmumbai.gov.in/due-dates/',
  },
  {
    code: 'FORM16A', owedPer: 'tan', name: 'Form 16A — non-salary TDS certificate', category: 'TDS', law: ITA, section: 's.203; r.31',
    authority: CBDT, frequency: 'quarterly',
    ruleVersions: [{
      effectiveFrom: '2013-04-01',
      rule: { kind: 'after_period_end', months: 2, day: 15, exceptions: [{ periodEndMonth: 3, months: 3, day: 15 }] },
      note: '15 days after the quarterly statement: 15 Aug, 15 Nov, 15 Feb, 15 Jun.',
    }],
    applicability: { requires: ['tds_deductor'] },
    sources: 'https://www.incometaxmumbai.gov.in/due-dates/',
  },
  {
    code: 'ADVANCE_TAX', name: 'Advance tax instalment', category: 'Income tax', law: ITA, section: 'ss.208–211 (s.408 of ITA 2025)',
    authority: CBDT, frequency: 'fy_instalments', holidayPolicy: 'next_working_day',
    ruleVersions: [{
      effectiveFrom: '2016-04-01',
      rule: {
        kind: 'fy_instalments',
        dates: [
          { month: 6, day: 15, label: '15% cumulative' }, { month: 9, day: 15, label: '45% cumulative' },
          { month: 12, day: 15, label: '75% cumulative' }, { month: 3, day: 15, label: '100%' },
        ],
      },
    }],
    applicability: { entityTypes: [...BUSINESSES] },
    sources: 'https://aubsp.com/income-tax-act-2025-section-408',
  },
  {
    code: 'ITR_AUDIT', name: 'Income-tax return — audited accounts (ITR-6 for companies)', category: 'Income tax', law: ITA,
    section: 's.139(1) Expl. 2(a)', authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [{ effectiveFrom: '2016-03-31', rule: { kind: 'after_period_end', months: 7, day: 31 } }],
    applicability: { anyOf: [{ entityTypes: [...COMPANIES], excludes: ['transfer_pricing'] }, { requires: ['tax_audit'], excludes: ['transfer_pricing'] }] },
    sources: 'https://www.taxlok.com/view-news-articals-details/code=news/id=6178/catid=income%20tax',
  },
  {
    code: 'ITR_TP', name: 'Income-tax return — with a s.92E transfer-pricing report', category: 'Income tax', law: ITA,
    section: 's.139(1) Expl. 2(aa)', authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [{ effectiveFrom: '2016-03-31', rule: { kind: 'after_period_end', months: 8, day: 30 } }],
    applicability: { requires: ['transfer_pricing'] },
    sources: 'https://studycafe.in/tax-audit-and-itr-due-date-not-extended-in-this-case-know-more-397679.html',
  },
  {
    code: 'ITR_NON_AUDIT', name: 'Income-tax return — non-audit business case', category: 'Income tax', law: ITA,
    section: 's.139(1) Expl. 2(c); s.263 of ITA 2025', authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-03-31', rule: { kind: 'after_period_end', months: 4, day: 31 } },
      {
        effectiveFrom: '2026-04-01', rule: { kind: 'after_period_end', months: 5, day: 31 },
        note: 'Budget 2026: non-audit business cases 31 August from tax year 2026-27 (sources differ on FY 2025-26; the earlier date is kept for it).',
      },
    ],
    applicability: { entityTypes: ['llp', 'partnership', 'proprietorship', 'trust'], excludes: ['tax_audit', 'transfer_pricing'] },
    sources: 'https://www.taxscan.in/top-stories/itr-1-itr-2-filing-deadline-set-for-31-july-non-audit-business-trust-returns-due-by-31-august-fm-1442568',
  },
  {
    code: 'TAX_AUDIT_3CD', name: 'Tax audit report (Form 3CA/3CB + 3CD)', category: 'Income tax', law: ITA, section: 's.44AB',
    authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [{ effectiveFrom: '2016-03-31', rule: { kind: 'after_period_end', months: 6, day: 30 } }],
    applicability: { requires: ['tax_audit'], excludes: ['transfer_pricing'] },
    sources: 'https://cleartax.in/s/tax-audit-section-44ab',
  },
  {
    code: 'TAX_AUDIT_3CD_TP', name: 'Tax audit report (Form 3CA/3CB + 3CD) — transfer-pricing case', category: 'Income tax', law: ITA,
    section: 's.44AB', authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [{ effectiveFrom: '2016-03-31', rule: { kind: 'after_period_end', months: 7, day: 31 } }],
    applicability: { requires: ['tax_audit', 'transfer_pricing'] },
    sources: 'https://studycafe.in/tax-audit-and-itr-due-date-not-extended-in-this-case-know-more-397679.html',
  },
  {
    code: 'FORM_3CEB', name: 'Form 3CEB — transfer-pricing accountant\'s report', category: 'Income tax', law: ITA, section: 's.92E',
    authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [{ effectiveFrom: '2016-03-31', rule: { kind: 'after_period_end', months: 7, day: 31 } }],
    applicability: { requires: ['transfer_pricing'] },
    sources: 'https://studycafe.in/tax-audit-and-itr-due-date-not-extended-in-this-case-know-more-397679.html',
  },
];
