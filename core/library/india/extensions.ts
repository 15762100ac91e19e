import type { Extension } from '../../engine/master.js';

/** Government extensions of specific periods, as listed in the rules reference. */
export const libraryExtensions: Extension[] = [
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
  { code: 'DIR3_KYC', periodKey: 'FY2024-25', extendedDueDate: '2025-10-31', reference: 'MCA General Circular 05/2025 (15-Oct-2025)' },
];
