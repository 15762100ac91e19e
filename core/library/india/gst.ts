import type { MasterInput } from '../../engine/master.js';

const CGST = 'Central Goods and Services Tax Act, 2017';
const CBIC = 'CBIC / GSTN';
const GST_REGISTERED = ['monthly', 'qrmp', 'composition'] as const;

/** GST returns and payments. GST dates are fixed: the portal runs 24×7 and CBIC extends by notification. */
export const gstMasters: MasterInput[] = [
  {
    code: 'GSTR1_MONTHLY', owedPer: 'gstin', name: 'GSTR-1 (monthly) — outward supplies', category: 'GST', law: CGST, section: 's.37; r.59',
    authority: CBIC, frequency: 'monthly',
    ruleVersions: [{ effectiveFrom: '2017-07-01', rule: { kind: 'after_period_end', months: 1, day: 11 } }],
    applicability: { gstModes: ['monthly'] },
    sources: 'https://kkcaindia.io/?p=94572',
  },
  {
    code: 'GSTR1_QRMP', owedPer: 'gstin', name: 'GSTR-1 (quarterly, QRMP) — outward supplies', category: 'GST', law: CGST, section: 's.37; r.59 proviso',
    authority: CBIC, frequency: 'quarterly',
    ruleVersions: [{ effectiveFrom: '2021-01-01', rule: { kind: 'after_period_end', months: 1, day: 13 } }],
    applicability: { gstModes: ['qrmp'] },
    sources: 'https://www.motilaloswal.com/personal-finance/tax/gst-calendar-2025-26-important-filing-dates-compliance-guide',
  },
  {
    code: 'GSTR1_IFF', owedPer: 'gstin', name: 'Invoice Furnishing Facility (optional B2B upload, QRMP)', category: 'GST', law: CGST, section: 'r.59(2) proviso',
    authority: CBIC, frequency: 'monthly',
    description: 'Months 1 and 2 of each quarter only; the quarterly GSTR-1 covers the third month.',
    ruleVersions: [{ effectiveFrom: '2021-01-01', rule: { kind: 'after_period_end', months: 1, day: 13, onlyMonthsOfQuarter: [1, 2] } }],
    applicability: { gstModes: ['qrmp'] },
    sources: 'https://thegstcalculator.in/gst-calendar',
  },
  {
    code: 'GSTR3B_MONTHLY', owedPer: 'gstin', name: 'GSTR-3B (monthly) — summary return and tax payment', category: 'GST', law: CGST, section: 's.39(1); r.61',
    authority: CBIC, frequency: 'monthly',
    ruleVersions: [{ effectiveFrom: '2017-07-01', rule: { kind: 'after_period_end', months: 1, day: 20 } }],
    applicability: { gstModes: ['monthly'] },
    sources: 'https://taxmanagementindia.com/visitor/detail_rss_feed.asp?ID=23731',
  },
  {
    code: 'GSTR3B_QRMP_X', owedPer: 'gstin', name: 'GSTR-3B (quarterly, QRMP) — state group X', category: 'GST', law: CGST, section: 'r.61; Notif. 82/2020-CT',
    authority: CBIC, frequency: 'quarterly',
    ruleVersions: [{ effectiveFrom: '2021-01-01', rule: { kind: 'after_period_end', months: 1, day: 22 } }],
    applicability: { gstModes: ['qrmp'], gstStateGroups: ['X'] },
    sources: 'https://gstgyaan.com/time-limit-for-furnishing-gstr-3b-specified-or-extended-ur-61(5)',
  },
  {
    code: 'GSTR3B_QRMP_Y', owedPer: 'gstin', name: 'GSTR-3B (quarterly, QRMP) — state group Y', category: 'GST', law: CGST, section: 'r.61; Notif. 82/2020-CT',
    authority: CBIC, frequency: 'quarterly',
    ruleVersions: [{ effectiveFrom: '2021-01-01', rule: { kind: 'after_period_end', months: 1, day: 24 } }],
    applicability: { gstModes: ['qrmp'], gstStateGroups: ['Y'] },
    sources: 'https://gstgyaan.com/time-limit-for-furnishing-gstr-3b-specified-or-extended-ur-61(5)',
  },
  {
    code: 'PMT06', owedPer: 'gstin', name: 'GST PMT-06 — monthly tax deposit (QRMP)', category: 'GST', law: CGST, section: 'r.61 proviso',
    authority: CBIC, frequency: 'monthly',
    description: 'Months 1 and 2 of each quarter; the third month is paid with the quarterly GSTR-3B.',
    ruleVersions: [{ effectiveFrom: '2021-01-01', rule: { kind: 'after_period_end', months: 1, day: 25, onlyMonthsOfQuarter: [1, 2] } }],
    applicability: { gstModes: ['qrmp'] },
    sources: 'https://thegstcalculator.in/gst-calendar',
  },
  {
    code: 'CMP08', owedPer: 'gstin', name: 'CMP-08 — statement-cum-challan (composition)', category: 'GST', law: CGST, section: 's.10; r.62',
    authority: CBIC, frequency: 'quarterly',
    ruleVersions: [{ effectiveFrom: '2019-04-01', rule: { kind: 'after_period_end', months: 1, day: 18 } }],
    applicability: { gstModes: ['composition'] },
    sources: 'https://kkcaindia.io/?p=94572',
  },
  {
    code: 'GSTR9', owedPer: 'gstin', name: 'GSTR-9 — annual return', category: 'GST', law: CGST, section: 's.44; r.80',
    authority: CBIC, frequency: 'annual',
    description: 'Optional from FY 2024-25 where aggregate turnover is up to ₹2 crore (Notif. 15/2025-CT). Composition taxpayers file GSTR-4 instead.',
    ruleVersions: [{ effectiveFrom: '2018-03-31', rule: { kind: 'after_period_end', months: 9, day: 31 } }],
    applicability: { gstModes: ['monthly', 'qrmp'] },
    sources: 'https://advofinconsulting.com/?p=4722 ; https://www.gstexcelmastery.in/gstr9-9c-changes-2025.html',
  },
  {
    code: 'GSTR9C', owedPer: 'gstin', name: 'GSTR-9C — reconciliation statement', category: 'GST', law: CGST, section: 's.44; r.80(3)',
    authority: CBIC, frequency: 'annual',
    ruleVersions: [{ effectiveFrom: '2018-03-31', rule: { kind: 'after_period_end', months: 9, day: 31 } }],
    applicability: { gstModes: ['monthly', 'qrmp'], requires: ['gst_aato_over_5cr'] },
    sources: 'https://www.taxscan.in/top-stories/guide-to-master-gstr-9-and-gstr-9c-for-fy-2024-25-1439820',
  },
  {
    code: 'GSTR4', name: 'GSTR-4 — annual return (composition)', category: 'GST', law: CGST, section: 's.44; r.62(1)(ii)',
    authority: CBIC, frequency: 'annual', owedPer: 'gstin',
    ruleVersions: [
      { effectiveFrom: '2019-03-31', rule: { kind: 'after_period_end', months: 1, day: 30 }, note: '30 April after the FY.' },
      { effectiveFrom: '2025-03-31', rule: { kind: 'after_period_end', months: 3, day: 30 }, note: 'Notif. 12/2024-CT: 30 June from FY 2024-25.' },
    ],
    applicability: { gstModes: ['composition'] },
    sources: 'https://www.taxrealtime.in/gstlaws/provision/rule/74',
  },
  {
    code: 'GSTR6', name: 'GSTR-6 — Input Service Distributor return', category: 'GST', law: CGST, section: 's.39(4); r.65',
    authority: CBIC, frequency: 'monthly', owedPer: 'gstin',
    description: 'ISD registration is mandatory from 1 Apr 2025 where a PAN\'s GSTINs share input services.',
    ruleVersions: [{ effectiveFrom: '2017-07-01', rule: { kind: 'after_period_end', months: 1, day: 13 } }],
    applicability: { requires: ['isd_registration'] },
    sources: 'https://www.taxrealtime.in/gstlaws/provision/act/41 ; https://charteredhelp.com/mandatory-isd-registration/',
  },
  {
    code: 'ITC04', name: 'ITC-04 — goods sent to job workers (half-yearly)', category: 'GST', law: CGST, section: 's.143; r.45(3)',
    authority: CBIC, frequency: 'half_yearly', owedPer: 'gstin',
    description: 'Aggregate turnover above ₹5 crore: 25 Oct (Apr–Sep) and 25 Apr (Oct–Mar).',
    ruleVersions: [{ effectiveFrom: '2021-09-30', rule: { kind: 'after_period_end', months: 1, day: 25 } }],
    applicability: { gstModes: [...GST_REGISTERED], requires: ['job_work', 'gst_aato_over_5cr'] },
    sources: 'https://taxlaservices.blogspot.com/2025/10/understanding-itc-04-everything-you.html',
  },
  {
    code: 'ITC04_ANNUAL', name: 'ITC-04 — goods sent to job workers (annual)', category: 'GST', law: CGST, section: 's.143; r.45(3)',
    authority: CBIC, frequency: 'annual', owedPer: 'gstin',
    description: 'Aggregate turnover up to ₹5 crore: once a year, by 25 April.',
    ruleVersions: [{ effectiveFrom: '2022-03-31', rule: { kind: 'after_period_end', months: 1, day: 25 } }],
    applicability: { gstModes: [...GST_REGISTERED], requires: ['job_work'], excludes: ['gst_aato_over_5cr'] },
    sources: 'https://taxlaservices.blogspot.com/2025/10/understanding-itc-04-everything-you.html',
  },
  {
    code: 'GST_ITC_TIME_LIMIT', name: 'Last date to take the FY\'s input tax credit and credit notes', category: 'GST', law: CGST, section: 's.16(4); s.34',
    authority: CBIC, frequency: 'annual', owedPer: 'gstin',
    description: '30 November after the FY, or the date GSTR-9 is filed if earlier.',
    ruleVersions: [{ effectiveFrom: '2022-03-31', rule: { kind: 'after_period_end', months: 8, day: 30 } }],
    applicability: { gstModes: ['monthly', 'qrmp'] },
    sources: 'https://www.suvit.io/post/itc-claim-deadline',
  },
];
