/** The demo group: three entities of the kinds most customers have, and one person per role. */

export const DEMO_TENANT = { slug: 'demo', name: 'Demo Group' } as const;

export const DEMO_ENTITIES = [
  {
    name: 'Demo Manufacturing',
    legal_name: 'Demo Manufacturing Private Limited',
    entity_type: 'company',
    pan: 'AABCD1234F',
    cin: 'U29100MH2015PTC123456',
    state: 'MH',
    gst_mode: 'monthly',
    profile: { has_employees: true, pf_registered: true, esi_registered: true, pt_registered: true, pt_monthly: true, tds_deductor: true, tax_audit: true, msme_dues: true, gst_aato_over_5cr: true },
  },
  {
    name: 'Demo Software',
    legal_name: 'Demo Software Private Limited',
    entity_type: 'company',
    pan: 'AACCD5678K',
    cin: 'U72200KA2018PTC234567',
    state: 'KA',
    gst_mode: 'qrmp',
    profile: { has_employees: true, pf_registered: true, pt_registered: true, tds_deductor: true, tax_audit: true, transfer_pricing: true, deposits: true },
  },
  {
    name: 'Demo Advisors',
    legal_name: 'Demo Advisors LLP',
    entity_type: 'llp',
    pan: 'AAJFD9012Q',
    cin: 'AAB-1234',
    state: 'MH',
    gst_mode: 'monthly',
    profile: { has_employees: true, pt_registered: true, tds_deductor: true, tax_audit: true },
  },
] as const;

/** The demo entities' GSTINs (their filing mode as the entity's; the state follows the GSTIN). */
export const DEMO_REGISTRATIONS = [
  { entity: 'Demo Manufacturing', kind: 'gstin', number: '27AABCD1234F1Z5', gst_mode: 'monthly' },
  { entity: 'Demo Software', kind: 'gstin', number: '29AACCD5678K1Z3', gst_mode: 'qrmp' },
  { entity: 'Demo Advisors', kind: 'gstin', number: '27AAJFD9012Q1Z8', gst_mode: 'monthly' },
] as const;

/** The AGM Demo Manufacturing held for FY 2025-26: its AOC-4, MGT-7 and ADT-1 count from this date. */
export const DEMO_AGM = { entity: 'Demo Manufacturing', fiscalYear: 'FY2025-26', date: '2026-09-26' } as const;

export const DEMO_PLATFORM_ADMIN = { email: 'platform@demo.example', name: 'Pat Platform' } as const;

export const DEMO_USERS = [
  { email: 'admin@demo.example', name: 'Asha Admin', role: 'tenant_admin' },
  { email: 'owner@demo.example', name: 'Priya Preparer', role: 'owner' },
  { email: 'approver@demo.example', name: 'Arjun Approver', role: 'approver' },
  { email: 'cfo@demo.example', name: 'Meera CFO', role: 'cfo' },
  { email: 'auditor@demo.example', name: 'Ravi Auditor', role: 'auditor' },
  { email: 'viewer@demo.example', name: 'Vikram Viewer', role: 'viewer' },
] as const;
