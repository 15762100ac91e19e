import type { MasterInput } from '../../engine/master.js';

const CA2013 = 'Companies Act, 2013';
const MCA = 'Ministry of Corporate Affairs (ROC)';
const AGM_DEFAULT = { months: 6, day: 30 } as const; // an AGM must be held by 30 September

/** ROC / MCA filings. MCA fee waivers do not move statutory due dates, so none ship as extensions. */
export const rocMasters: MasterInput[] = [
  {
    code: 'AGM', name: 'Annual general meeting', category: 'ROC', law: CA2013, section: 's.96', authority: MCA, frequency: 'annual',
    description: 'Within six months of the FY end. Record the actual date on the entity: AOC-4, MGT-7 and ADT-1 count from it.',
    ruleVersions: [{ effectiveFrom: '2014-04-01', rule: { kind: 'after_period_end', ...AGM_DEFAULT } }],
    applicability: { entityTypes: ['company'] },
    sources: 'https://ebizfiling.com/blog/roc-annual-compliance-calendar-for-pvt-ltd-company-2025-26/amp',
  },
  {
    code: 'ROC_AOC4', name: 'AOC-4 — financial statements', category: 'ROC', law: CA2013, section: 's.137; Accounts Rules r.12',
    authority: MCA, frequency: 'event',
    ruleVersions: [{ effectiveFrom: '2014-04-01', rule: { kind: 'after_event', event: 'agm', days: 30, defaultEvent: AGM_DEFAULT } }],
    applicability: { entityTypes: ['company'] },
    sources: 'https://studycafe.in/roc-return-filing-due-date-updated-list-2025-382070.html',
  },
  {
    code: 'ROC_AOC4_OPC', name: 'AOC-4 — financial statements (one person company)', category: 'ROC', law: CA2013, section: 's.137 proviso',
    authority: MCA, frequency: 'annual',
    ruleVersions: [{ effectiveFrom: '2014-04-01', rule: { kind: 'days_after_period_end', days: 180 } }],
    applicability: { entityTypes: ['opc'] },
    sources: 'https://studycafe.in/roc-return-filing-due-date-updated-list-2025-382070.html',
  },
  {
    code: 'ROC_MGT7', name: 'MGT-7 / MGT-7A — annual return', category: 'ROC', law: CA2013, section: 's.92(4); Mgmt & Admin Rules r.11',
    authority: MCA, frequency: 'event',
    ruleVersions: [{ effectiveFrom: '2014-04-01', rule: { kind: 'after_event', event: 'agm', days: 60, defaultEvent: AGM_DEFAULT } }],
    applicability: { entityTypes: ['company', 'opc'] },
    sources: 'https://www.carishi.com/detail/56531.aspx',
  },
  {
    code: 'ROC_ADT1', name: 'ADT-1 — auditor appointment', category: 'ROC', law: CA2013, section: 's.139(1); Audit Rules r.4(2)',
    authority: MCA, frequency: 'event',
    description: 'Within 15 days of the AGM; counted with the meeting day as day 1, as published calendars do (14 Oct for a 30 Sep AGM).',
    ruleVersions: [{ effectiveFrom: '2014-04-01', rule: { kind: 'after_event', event: 'agm', days: 15, countEventDay: true, defaultEvent: AGM_DEFAULT } }],
    applicability: { entityTypes: ['company'] },
    sources: 'https://aghanyaconsultancy.com/roc-compliance-calendar-2025-2026',
  },
  {
    code: 'DIR3_KYC', name: 'DIR-3 KYC for every DIN holder', category: 'ROC', law: CA2013,
    section: 'Appointment & Qualification of Directors Rules r.12A', authority: MCA, frequency: 'annual',
    ruleVersions: [
      { effectiveFrom: '2018-03-31', rule: { kind: 'after_period_end', months: 6, day: 30 }, note: 'Annual, by 30 September of the following FY.' },
      {
        effectiveFrom: '2026-03-31', rule: { kind: 'after_period_end', months: 3, day: 30, cycle: { everyYears: 3, firstFyStartYear: 2027 } },
        note: 'G.S.R. 943(E), in force 31-Mar-2026: once every third consecutive FY, by 30 June of the following FY. MCA\'s illustration: KYC filed for FY 2024-25 → next for FY 2027-28 by 30 Jun 2028, so no routine KYC falls due in 2026 or 2027.',
      },
    ],
    applicability: { entityTypes: ['company', 'opc', 'llp'] },
    sources: 'https://www.caclubindia.com/articles/din-kyc-once-in-3-years-instead-of-every-year-54574.asp ; https://www.corpsection.com/2025/12/major-shift-in-director-kyc-mca.html',
  },
  {
    code: 'DIR3_KYC_UPDATE', name: "DIR-3-KYC-Web update after a director's details change", category: 'ROC', law: CA2013,
    section: 'Appointment & Qualification of Directors Rules r.12A', authority: MCA, frequency: 'event',
    description: "Within 30 days of a change in a DIN holder's mobile number, e-mail or address: one item per change recorded on the entity (Entity events → A director's mobile, e-mail or address changed).",
    ruleVersions: [{
      effectiveFrom: '2026-03-31', rule: { kind: 'after_each_event', event: 'director_details_changed', days: 30 }, form: 'DIR-3-KYC-Web',
      note: 'Substituted r.12A (G.S.R. 943(E), 31-Dec-2025, in force 31-Mar-2026): update within 30 days of the change.',
    }],
    applicability: { entityTypes: ['company', 'opc', 'llp'] },
    sources: 'https://www.caclubindia.com/articles/din-kyc-once-in-3-years-instead-of-every-year-54574.asp ; https://finin2min.com/din-kyc-now-once-in-3-years-w-e-f-31-march-2026 ; https://www.corpsection.com/2025/12/major-shift-in-director-kyc-mca.html',
  },
  {
    code: 'DPT3', name: 'DPT-3 — return of deposits', category: 'ROC', law: CA2013, section: 's.73; Deposits Rules r.16, 16A',
    authority: MCA, frequency: 'annual',
    ruleVersions: [{ effectiveFrom: '2019-03-31', rule: { kind: 'after_period_end', months: 3, day: 30 } }],
    applicability: { entityTypes: ['company', 'opc'], requires: ['deposits'] },
    sources: 'https://carajput.com/blog/filing-form-dpt-3-return-of-deposits-for-fy-2024-25/amp/',
  },
  {
    code: 'MSME1', name: 'MSME Form I — dues to micro and small suppliers over 45 days', category: 'ROC', law: CA2013,
    section: 's.405; Specified Companies Order 2019', authority: MCA, frequency: 'half_yearly',
    ruleVersions: [{ effectiveFrom: '2019-01-22', rule: { kind: 'after_period_end', months: 1, day: 'last' }, note: '31 Oct (Apr–Sep); 30 Apr (Oct–Mar).' }],
    applicability: { entityTypes: ['company', 'opc'], requires: ['msme_dues'] },
    sources: 'https://www.lawtocorporate.com/msme-return',
  },
  {
    code: 'LLP_FORM11', name: 'LLP Form 11 — annual return', category: 'ROC', law: 'LLP Act, 2008', section: 's.35; r.25',
    authority: MCA, frequency: 'annual',
    ruleVersions: [{ effectiveFrom: '2010-03-31', rule: { kind: 'after_period_end', months: 2, day: 30 } }],
    applicability: { entityTypes: ['llp'] },
    sources: 'https://www.indiabizfiling.com/service/llp-annual-filing/',
  },
  {
    code: 'LLP_FORM8', name: 'LLP Form 8 — statement of account and solvency', category: 'ROC', law: 'LLP Act, 2008', section: 's.34; r.24',
    authority: MCA, frequency: 'annual',
    ruleVersions: [{ effectiveFrom: '2010-03-31', rule: { kind: 'after_period_end', months: 7, day: 30 } }],
    applicability: { entityTypes: ['llp'] },
    sources: 'https://www.indiabizfiling.com/service/llp-annual-filing/',
  },
  {
    code: 'PAS6', name: 'PAS-6 — reconciliation of share capital audit report', category: 'ROC', law: CA2013,
    section: 's.29; Prospectus and Allotment Rules r.9A(8), r.9B', authority: MCA, frequency: 'half_yearly',
    description: 'Within 60 days of each half-year (29 Nov, 30 May), by companies that are not small (holding and subsidiary companies never are).',
    ruleVersions: [{ effectiveFrom: '2024-09-30', rule: { kind: 'days_after_period_end', days: 60 } }],
    applicability: { entityTypes: ['company'], excludes: ['small_company'] },
    sources: 'https://legalparivar.com/guidelines-for-private-companies-on-demat-mandate-compliance',
  },
];
