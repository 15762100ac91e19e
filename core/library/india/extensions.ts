import type { ExtensionData } from '../../engine/master.js';

/**
 * Government relief for specific periods, as listed in the rules reference: extensions that move
 * the due date (some only for places named by state or district), and MCA fee waivers that leave
 * the due date alone and only waive the additional fee until their date. A later circular for the
 * same period and place replaces the earlier one; the note keeps the earlier step.
 */
export const libraryExtensions: ExtensionData[] = [
  { code: 'GSTR1_MONTHLY', periodKey: '2024-12', extendedDueDate: '2025-01-13', reference: 'Notification 01/2025-Central Tax' },
  { code: 'GSTR1_QRMP', periodKey: 'FY2024-25-Q3', extendedDueDate: '2025-01-15', reference: 'Notification 01/2025-Central Tax' },
  { code: 'GSTR3B_MONTHLY', periodKey: '2024-12', extendedDueDate: '2025-01-22', reference: 'Notification 02/2025-Central Tax' },
  { code: 'GSTR3B_MONTHLY', periodKey: '2025-09', extendedDueDate: '2025-10-25', reference: 'Notification 17/2025-Central Tax (18-Oct-2025)' },
  { code: 'GSTR3B_QRMP_X', periodKey: 'FY2024-25-Q3', extendedDueDate: '2025-01-24', reference: 'Notification 02/2025-Central Tax' },
  { code: 'GSTR3B_QRMP_Y', periodKey: 'FY2024-25-Q3', extendedDueDate: '2025-01-26', reference: 'Notification 02/2025-Central Tax' },
  { code: 'GSTR3B_QRMP_X', periodKey: 'FY2025-26-Q2', extendedDueDate: '2025-10-25', reference: 'Notification 17/2025-Central Tax (18-Oct-2025)' },
  { code: 'GSTR3B_QRMP_Y', periodKey: 'FY2025-26-Q2', extendedDueDate: '2025-10-25', reference: 'Notification 17/2025-Central Tax (18-Oct-2025)' },
  { code: 'ITR_AUDIT', periodKey: 'FY2024-25', extendedDueDate: '2025-12-10', reference: 'CBDT Circular 15/2025 (29-Oct-2025)' },
  { code: 'ITR_NON_AUDIT', periodKey: 'FY2024-25', extendedDueDate: '2025-09-16', reference: 'CBDT Circular 12/2025 (15-Sep-2025)', note: 'After Circular 06/2025 (27-May-2025) had moved 31 Jul to 15 Sep 2025.' },
  { code: 'TAX_AUDIT_3CD', periodKey: 'FY2024-25', extendedDueDate: '2025-11-10', reference: 'CBDT Circulars 14/2025 and 15/2025' },
  { code: 'PF_ECR', periodKey: '2025-09', extendedDueDate: '2025-10-22', reference: 'EPFO circular on the revamped ECR (wage month Sep-2025)' },
  // Flood relief under s.39(6) CGST Act, only for principal places of business in these districts.
  {
    code: 'GSTR3B_MONTHLY', periodKey: '2025-07', extendedDueDate: '2025-08-27', reference: 'CBIC extension under s.39(6) CGST Act (floods)',
    states: ['MH'], districts: ['Mumbai City', 'Mumbai Suburban', 'Thane', 'Raigad', 'Palghar'],
  },
  // MCA relaxations: filing without the additional fee; the due date (30 days / 60 days after the AGM, 30 Sep for KYC) stays.
  ...(['ROC_AOC4', 'ROC_AOC4_OPC', 'ROC_MGT7'] as const).map((code): ExtensionData => ({
    code, periodKey: 'FY2024-25', kind: 'fee_waiver', extendedDueDate: '2026-01-31', reference: 'MCA General Circular 08/2025',
    note: 'After General Circular 06/2025 had waived the additional fee until 31 Dec 2025. The AGM date was not extended.',
  })),
  {
    code: 'DIR3_KYC', periodKey: 'FY2024-25', kind: 'fee_waiver', extendedDueDate: '2025-10-31', reference: 'MCA General Circular 05/2025 (15-Oct-2025)',
    note: 'After General Circular 04/2025 had allowed filing without the fee until 15 Oct 2025.',
  },
];
