import type { MasterInput } from '../../engine/master.js';

type Version = MasterInput['ruleVersions'][number];
type Rule = Version['rule'];

const ITA_1961 = 'Income-tax Act, 1961';
const ITA_2025 = 'Income-tax Act, 2025';
const CBDT = 'CBDT / Income Tax Department';
const BUSINESSES = ['company', 'opc', 'llp', 'partnership', 'proprietorship', 'trust', 'branch'] as const;
const COMPANIES = ['company', 'opc'] as const;
/** TDS/TCS sections of the 2025 Act (ss.192–206C of the 1961 Act), per the form mapping below. */
const TDS_2025 = 'ss.392–397';
/** Said where the sources read give no 2025 Act section: better than showing the 1961 one. */
const UNMAPPED = 'section of the 2025 Act not yet mapped';
const MAPPING_SOURCES = 'https://camittal.com/income-tax-act-2026-form-number-changes ; https://jurishour.in/notification/tax-audit-report-forms-3ca-3cb-3cd-26-income-tax-act-2025';

/**
 * The Income-tax Act 2025 and Income-tax Rules 2026 (in force 1-Apr-2026) govern tax year 2026-27
 * on: the dates did not change, the names did. A version from 1 April 2026 governs the periods
 * ending from then, so FY 2025-26 periods (the tax audit due in 2026, the Q4 TDS statement of
 * May 2026) keep the 1961 Act's forms and tax year 2026-27 periods get the new ones.
 */
const underIta2025 = (rule: Rule, names: { form?: string; section: string }): Version => ({
  effectiveFrom: '2026-04-01', rule, law: ITA_2025, periodNaming: 'tax_year', ...names,
  note: 'Income-tax Act 2025 / Rules 2026 from tax year 2026-27: same date, new names.',
});

const TDS_DEPOSIT_RULE: Rule = { kind: 'after_period_end', months: 1, day: 7, exceptions: [{ periodEndMonth: 3, months: 1, day: 30 }] };
const TDS_RETURN_RULE: Rule = { kind: 'after_period_end', months: 1, day: 'last', exceptions: [{ periodEndMonth: 3, months: 2, day: 31 }] };
const FORM16A_RULE: Rule = { kind: 'after_period_end', months: 2, day: 15, exceptions: [{ periodEndMonth: 3, months: 3, day: 15 }] };
const TCS_DEPOSIT_RULE: Rule = { kind: 'after_period_end', months: 1, day: 7 };
const TCS_RETURN_RULE: Rule = { kind: 'after_period_end', months: 1, day: 15, exceptions: [{ periodEndMonth: 3, months: 2, day: 15 }] };
/** Forms 15CA/15CB are filed before the money goes: due on the remittance day itself. */
const EACH_REMITTANCE: Rule = { kind: 'after_each_event', event: 'foreign_remittance', days: 0 };
const ADVANCE_TAX_RULE: Rule = {
  kind: 'fy_instalments',
  dates: [
    { month: 6, day: 15, label: '15% cumulative' }, { month: 9, day: 15, label: '45% cumulative' },
    { month: 12, day: 15, label: '75% cumulative' }, { month: 3, day: 15, label: '100%' },
  ],
};
const month = (months: number, day: number | 'last'): Rule => ({ kind: 'after_period_end', months, day });

/**
 * Income tax. CBDT Circulars 639 and 676 apply General Clauses Act s.10: when the office or
 * bank is closed on the last day, the next working day is in time — hence next_working_day.
 */
export const incomeTaxMasters: MasterInput[] = [
  {
    code: 'TDS_DEPOSIT', owedPer: 'tan', name: 'TDS deposit (challan ITNS-281)', category: 'TDS', law: ITA_1961, section: 's.200(1); r.30',
    authority: CBDT, frequency: 'monthly', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2013-04-01', rule: TDS_DEPOSIT_RULE, note: 'Tax deducted in March: 30 April.' },
      underIta2025(TDS_DEPOSIT_RULE, { section: `${TDS_2025}; r.218 of the Income-tax Rules, 2026` }),
    ],
    applicability: { requires: ['tds_deductor'] },
    sources: 'https://cleartax.in/tds/guides/tds-not-filed-on-time ; https://www.taxheal.com/tds-compliance-2-0-new-dates-new-forms-and-the-mega-form-141.html',
  },
  {
    code: 'TDS_RETURN_24Q_26Q', owedPer: 'tan', name: 'Quarterly TDS statement', category: 'TDS',
    law: ITA_1961, section: 's.200(3); r.31A', authority: CBDT, frequency: 'quarterly', holidayPolicy: 'next_working_day',
    description: '31 Jul, 31 Oct, 31 Jan; Q4: 31 May. Q4 of FY 2025-26 is still filed on 24Q/26Q/27Q; tax year 2026-27 on Forms 138/140/144.',
    ruleVersions: [
      { effectiveFrom: '2013-04-01', rule: TDS_RETURN_RULE, form: 'Form 24Q / 26Q / 27Q' },
      underIta2025(TDS_RETURN_RULE, { form: 'Form 138 / 140 / 144', section: `${TDS_2025}; r.219 of the Income-tax Rules, 2026` }),
    ],
    applicability: { requires: ['tds_deductor'] },
    sources: 'https://www.taxheal.com/tds-return-filing-online-new-forms-as-per-income-tax-rules-2026-and-applicability.html',
  },
  {
    code: 'FORM16', owedPer: 'tan', name: 'Salary TDS certificate', category: 'TDS', law: ITA_1961, section: 's.203; r.31',
    authority: CBDT, frequency: 'annual',
    ruleVersions: [
      { effectiveFrom: '2013-04-01', rule: month(3, 15), form: 'Form 16' },
      underIta2025(month(3, 15), { form: 'Form 130', section: TDS_2025 }),
    ],
    applicability: { requires: ['has_employees', 'tds_deductor'] },
    sources: `https://www.incometaxmumbai.gov.in/due-dates/ ; ${MAPPING_SOURCES}`,
  },
  {
    code: 'FORM16A', owedPer: 'tan', name: 'Non-salary TDS certificate', category: 'TDS', law: ITA_1961, section: 's.203; r.31',
    authority: CBDT, frequency: 'quarterly',
    ruleVersions: [
      { effectiveFrom: '2013-04-01', rule: FORM16A_RULE, form: 'Form 16A', note: '15 days after the quarterly statement: 15 Aug, 15 Nov, 15 Feb, 15 Jun.' },
      underIta2025(FORM16A_RULE, { form: 'Form 131', section: TDS_2025 }),
    ],
    applicability: { requires: ['tds_deductor'] },
    sources: `https://www.incometaxmumbai.gov.in/due-dates/ ; ${MAPPING_SOURCES}`,
  },
  {
    code: 'TCS_DEPOSIT', name: 'TCS deposit', category: 'TDS', law: ITA_1961, section: 's.206C(3); r.37CA',
    authority: CBDT, frequency: 'monthly', holidayPolicy: 'next_working_day', owedPer: 'tan',
    description: 'The 7th of the following month, March included (7 April): the 30-April rule for March is TDS-only.',
    ruleVersions: [
      { effectiveFrom: '2013-04-01', rule: TCS_DEPOSIT_RULE },
      underIta2025(TCS_DEPOSIT_RULE, { section: TDS_2025 }),
    ],
    applicability: { requires: ['tcs_collector'] },
    sources: 'https://blog.tdsman.com/2024/07/tds-tcs-annual-compliance-calendar ; https://www.prachiguptaassociates.com/tcs-payment-due-date-for-march-2025-important-reminder',
  },
  {
    code: 'TCS_RETURN_27EQ', name: 'Quarterly TCS statement', category: 'TDS', law: ITA_1961, section: 's.206C(3A); r.31AA',
    authority: CBDT, frequency: 'quarterly', holidayPolicy: 'next_working_day', owedPer: 'tan',
    description: '15 Jul, 15 Oct, 15 Jan; Q4: 15 May.',
    ruleVersions: [
      { effectiveFrom: '2013-04-01', rule: TCS_RETURN_RULE, form: 'Form 27EQ' },
      underIta2025(TCS_RETURN_RULE, { form: 'Form 143', section: TDS_2025 }),
    ],
    applicability: { requires: ['tcs_collector'] },
    sources: 'https://blog.tdsman.com/2016/04/due-dates-filing-statement-challan ; https://wisebooks.in/blog/form-27eq-replaced-by-form-143-complete-guide-to-new-tcs-return-2026',
  },
  {
    code: 'ADVANCE_TAX', name: 'Advance tax instalment', category: 'Income tax', law: ITA_1961, section: 'ss.208–211',
    authority: CBDT, frequency: 'fy_instalments', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-04-01', rule: ADVANCE_TAX_RULE },
      underIta2025(ADVANCE_TAX_RULE, { section: 's.408' }),
    ],
    applicability: { entityTypes: [...BUSINESSES] },
    sources: 'https://aubsp.com/income-tax-act-2025-section-408',
  },
  {
    code: 'ITR_AUDIT', name: 'Income-tax return — audited accounts (ITR-6 for companies)', category: 'Income tax', law: ITA_1961,
    section: 's.139(1) Expl. 2(a)', authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-03-31', rule: month(7, 31) },
      underIta2025(month(7, 31), { section: 's.263(1)' }),
    ],
    applicability: { anyOf: [{ entityTypes: [...COMPANIES], excludes: ['transfer_pricing'] }, { requires: ['tax_audit'], excludes: ['transfer_pricing'] }] },
    sources: `https://www.taxlok.com/view-news-articals-details/code=news/id=6178/catid=income%20tax ; ${MAPPING_SOURCES}`,
  },
  {
    code: 'ITR_TP', name: 'Income-tax return — with a transfer-pricing report', category: 'Income tax', law: ITA_1961,
    section: 's.139(1) Expl. 2(aa)', authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-03-31', rule: month(8, 30) },
      underIta2025(month(8, 30), { section: 's.263(1)' }),
    ],
    applicability: { requires: ['transfer_pricing'] },
    sources: 'https://studycafe.in/tax-audit-and-itr-due-date-not-extended-in-this-case-know-more-397679.html',
  },
  {
    code: 'ITR_NON_AUDIT', name: 'Income-tax return — non-audit business case', category: 'Income tax', law: ITA_1961,
    section: 's.139(1) Expl. 2(c)', authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-03-31', rule: month(4, 31) },
      {
        effectiveFrom: '2026-03-01', rule: month(5, 31),
        note: 'Finance Act 2026 amended Explanation 2 to s.139(1) w.e.f. 1-Mar-2026 for AY 2026-27: non-audit business cases, their partners and trusts file by 31 August, so FY 2025-26 is due 31 Aug 2026.',
      },
      underIta2025(month(5, 31), { section: 's.263(1)' }),
    ],
    applicability: { entityTypes: ['llp', 'partnership', 'proprietorship', 'trust'], excludes: ['tax_audit', 'transfer_pricing'] },
    sources: 'https://www.caclubindia.com/news/income-tax-act-2025-itr-filing-deadlines-rationalised-for-fy-2026-27-26135.asp ; https://www.practicaltaxplanning.com/ptp-tax-scripts/tax-procedures/welcome-amendments-in-filing-of-itrs',
  },
  {
    code: 'TAX_AUDIT_3CD', name: 'Tax audit report', category: 'Income tax', law: ITA_1961, section: 's.44AB',
    authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-03-31', rule: month(6, 30), form: 'Form 3CA/3CB + 3CD' },
      underIta2025(month(6, 30), { form: 'Form 26', section: 's.63' }),
    ],
    applicability: { requires: ['tax_audit'], excludes: ['transfer_pricing'] },
    sources: `https://cleartax.in/s/tax-audit-section-44ab ; ${MAPPING_SOURCES}`,
  },
  {
    code: 'TAX_AUDIT_3CD_TP', name: 'Tax audit report — transfer-pricing case', category: 'Income tax', law: ITA_1961,
    section: 's.44AB', authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-03-31', rule: month(7, 31), form: 'Form 3CA/3CB + 3CD' },
      underIta2025(month(7, 31), { form: 'Form 26', section: 's.63' }),
    ],
    applicability: { requires: ['tax_audit', 'transfer_pricing'] },
    sources: `https://studycafe.in/tax-audit-and-itr-due-date-not-extended-in-this-case-know-more-397679.html ; ${MAPPING_SOURCES}`,
  },
  {
    code: 'FORM_3CEB', name: 'Transfer-pricing accountant\'s report', category: 'Income tax', law: ITA_1961, section: 's.92E',
    authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    ruleVersions: [
      { effectiveFrom: '2016-03-31', rule: month(7, 31), form: 'Form 3CEB' },
      underIta2025(month(7, 31), { form: 'Form 48', section: 's.172' }),
    ],
    applicability: { requires: ['transfer_pricing'] },
    sources: `https://studycafe.in/tax-audit-and-itr-due-date-not-extended-in-this-case-know-more-397679.html ; ${MAPPING_SOURCES}`,
  },
  {
    code: 'TP_MASTER_FILE_3CEAA', name: 'Transfer-pricing master file', category: 'Income tax', law: ITA_1961, section: 's.92D(4); r.10DA',
    authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    description: 'By the s.139(1) date for transfer-pricing cases (30 November); the Form 3CEAB designation of the filing constituent is due 30 days earlier.',
    ruleVersions: [
      { effectiveFrom: '2017-03-31', rule: month(8, 30), form: 'Form 3CEAA' },
      // The 2026 Rules' number for Form 3CEAA is not in the sources read: the old one is kept, with the new law.
      underIta2025(month(8, 30), { form: 'Form 3CEAA', section: UNMAPPED }),
    ],
    applicability: { requires: ['international_group'] },
    sources: 'https://taxbymanish.blogspot.com/2023/10/forms-are-required-to-be-filled-to.html',
  },
  {
    code: 'SFT_61A', name: 'Statement of financial transactions', category: 'Income tax', law: ITA_1961, section: 's.285BA; r.114E',
    authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    description: 'Reporting entities (e.g. share issues or buy-backs, large cash receipts): by 31 May after the FY.',
    ruleVersions: [
      { effectiveFrom: '2016-03-31', rule: month(2, 31), form: 'Form 61A' },
      // The 2026 Rules' number for Form 61A is not in the sources read: the old one is kept, with the new law.
      underIta2025(month(2, 31), { form: 'Form 61A', section: UNMAPPED }),
    ],
    applicability: { requires: ['sft_reporting'] },
    sources: 'http://www.casahuja.com/2025/05/professional-analysis-form-61a-income.html',
  },
  {
    code: 'FORM_67', name: 'Foreign tax credit statement', category: 'Income tax', law: ITA_1961, section: 's.90/91; r.128(9)',
    authority: CBDT, frequency: 'annual', holidayPolicy: 'next_working_day',
    description: 'By the end of the assessment year (31 March) where the return is filed u/s 139(1) or 139(4).',
    ruleVersions: [
      { effectiveFrom: '2022-03-31', rule: month(12, 31), form: 'Form 67' },
      underIta2025(month(12, 31), { form: 'Form 44', section: UNMAPPED }),
    ],
    applicability: { requires: ['foreign_tax_credit'] },
    sources: `https://www.taxscan.in/income-tax-rules-amended-to-allow-foreign-tax-credit-even-with-delayed-filing-of-form-67/200776 ; ${MAPPING_SOURCES}`,
  },
  {
    code: 'FORM_15CA_CB', name: 'Remittance to a non-resident — declaration and CA certificate', category: 'Income tax', law: ITA_1961,
    section: 's.195(6); r.37BB', authority: CBDT, frequency: 'event',
    description: 'Before the remittance: one item per remittance recorded on the entity, due on the remittance date itself (file Form 15CA, with the accountant\'s Form 15CB where needed, before the money goes). Forms 145/146 for remittances from 1 Apr 2026.',
    ruleVersions: [
      { effectiveFrom: '2016-04-01', rule: EACH_REMITTANCE, form: 'Form 15CA / 15CB' },
      underIta2025(EACH_REMITTANCE, { form: 'Form 145 / 146', section: UNMAPPED }),
    ],
    // Every entity may pay a non-resident: the recorded remittance is the fact, and no remittance owes nothing.
    applicability: { entityTypes: [...BUSINESSES] },
    sources: `https://taxsocial.pro/article/old-vs-new-income-tax-forms-complete-mapping-of-what-changes-from-april-2026 ; ${MAPPING_SOURCES}`,
  },
];
