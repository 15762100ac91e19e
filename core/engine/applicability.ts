import { z } from 'zod';

/** Facts about an entity that decide which obligations apply to it, each with what it means to an admin. */
export const PROFILE_FLAG_MEANINGS = {
  has_employees: 'has employees on its payroll',
  pf_registered: 'registered with EPFO (provident fund)',
  esi_registered: 'registered with ESIC',
  pt_registered: 'registered as an employer for profession tax',
  pt_monthly: 'pays Maharashtra profession tax monthly (previous-year liability ₹1 lakh or more)',
  tds_deductor: 'deducts tax at source (has a TAN)',
  tcs_collector: 'collects tax at source (scrap, minerals, motor vehicles over ₹10 lakh, foreign remittances, tour packages)',
  tax_audit: 'its accounts are subject to tax audit (s.44AB)',
  transfer_pricing: 'files a transfer-pricing report (Form 3CEB)',
  international_group: 'is a constituent of an international group that files a transfer-pricing master file',
  foreign_tax_credit: 'claims credit for tax paid abroad (Form 67)',
  sft_reporting: 'must report financial transactions (Form 61A), e.g. share issues, buy-backs, large cash receipts',
  deposits: 'has deposits or outstanding loans to report (DPT-3)',
  msme_dues: 'owes micro or small suppliers for more than 45 days',
  small_company: 'is a small company (s.2(85) Companies Act: not a holding or subsidiary company)',
  gst_aato_over_5cr: 'aggregate annual GST turnover above ₹5 crore',
  isd_registration: 'has an Input Service Distributor (ISD) GST registration',
  job_work: 'sends goods to job workers (ITC-04)',
  lwf_registered: 'registered for the labour welfare fund',
} as const;
export type ProfileFlag = keyof typeof PROFILE_FLAG_MEANINGS;
export const PROFILE_FLAGS = Object.keys(PROFILE_FLAG_MEANINGS) as [ProfileFlag, ...ProfileFlag[]];

export const ENTITY_TYPES = ['company', 'opc', 'llp', 'partnership', 'proprietorship', 'trust', 'branch'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/**
 * How a GSTIN files. An entity's own mode is one of the first four ('none': not registered); a
 * GSTIN registration's mode is monthly, qrmp, composition or isd (an input service distributor).
 */
export const GST_MODES = ['monthly', 'qrmp', 'composition', 'none', 'isd'] as const;
export type GstMode = (typeof GST_MODES)[number];
export const ENTITY_GST_MODES = ['monthly', 'qrmp', 'composition', 'none'] as const;

export type EntityProfile = Partial<Record<ProfileFlag, boolean>>;
/** An entity's profile: true/false per known flag. An unknown flag is named with the known ones, so a typo is easy to fix. */
export const profileSchema = z.record(z.string(), z.boolean()).superRefine((profile, ctx) => {
  const unknown = Object.keys(profile).filter((flag) => !(PROFILE_FLAGS as string[]).includes(flag));
  if (unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `unknown profile flag(s) ${unknown.join(', ')}; the flags are ${PROFILE_FLAGS.join(', ')}` });
  }
}).transform((profile) => profile as EntityProfile);

/**
 * Quarterly GSTR-3B due-date groups under r.61 (Notif. 82/2020-CT), by state of the principal
 * place of business: group X files by the 22nd, group Y by the 24th.
 */
const GST_GROUP_X = ['CT', 'MP', 'GJ', 'MH', 'KA', 'GA', 'KL', 'TN', 'TG', 'AP', 'DD', 'DN', 'PY', 'AN', 'LD'];
const GST_GROUP_Y = ['HP', 'PB', 'UK', 'HR', 'RJ', 'UP', 'BR', 'SK', 'AR', 'NL', 'MN', 'MZ', 'TR', 'ML', 'AS', 'WB', 'JH', 'OR', 'JK', 'LA', 'CH', 'DL'];
export type GstStateGroup = 'X' | 'Y';
export function gstStateGroup(state: string): GstStateGroup | undefined {
  if (GST_GROUP_X.includes(state)) return 'X';
  if (GST_GROUP_Y.includes(state)) return 'Y';
  return undefined;
}

const condition = z.object({
  entityTypes: z.array(z.enum(ENTITY_TYPES)).min(1).optional(),
  states: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).optional(),
  gstModes: z.array(z.enum(GST_MODES)).min(1).optional(),
  gstStateGroups: z.array(z.enum(['X', 'Y'])).min(1).optional(),
  requires: z.array(z.enum(PROFILE_FLAGS)).optional(),
  excludes: z.array(z.enum(PROFILE_FLAGS)).optional(),
});
type Condition = z.infer<typeof condition>;

/** One condition, or several alternatives of which any may hold. An empty condition applies to all. */
export const applicabilitySchema = z.union([z.object({ anyOf: z.array(condition).min(1) }).strict(), condition.strict()]);
export type Applicability = z.infer<typeof applicabilitySchema>;

/**
 * The facts applicability is judged on: an entity's own, or, for an obligation owed per
 * registration, the entity's with the registration's state and GST filing mode
 * (see registrationFacts in registrations.ts).
 */
export interface EntityFacts {
  entityType: EntityType;
  state: string;
  gstMode: GstMode;
  profile: EntityProfile;
}

/** Why a condition holds, in words an admin can check, or undefined when it does not. */
function explain(c: Condition, e: EntityFacts): string | undefined {
  const reasons: string[] = [];
  if (c.entityTypes) {
    if (!c.entityTypes.includes(e.entityType)) return undefined;
    reasons.push(`entity type is ${e.entityType}`);
  }
  if (c.states) {
    if (!c.states.includes(e.state)) return undefined;
    reasons.push(`state is ${e.state}`);
  }
  if (c.gstModes) {
    if (!c.gstModes.includes(e.gstMode)) return undefined;
    reasons.push(`GST filing mode is ${e.gstMode}`);
  }
  if (c.gstStateGroups) {
    const group = gstStateGroup(e.state);
    if (!group || !c.gstStateGroups.includes(group)) return undefined;
    reasons.push(`${e.state} is in GST state group ${group}`);
  }
  for (const flag of c.requires ?? []) {
    if (!e.profile[flag]) return undefined;
    reasons.push(flag.replace(/_/g, ' '));
  }
  for (const flag of c.excludes ?? []) {
    if (e.profile[flag]) return undefined;
    reasons.push(`not ${flag.replace(/_/g, ' ')}`);
  }
  return reasons.length > 0 ? reasons.join('; ') : 'applies to every entity';
}

export function applies(applicability: Applicability, entity: EntityFacts): { applies: boolean; reason?: string } {
  const alternatives = 'anyOf' in applicability ? applicability.anyOf : [applicability];
  for (const alternative of alternatives) {
    const reason = explain(alternative, entity);
    if (reason) return { applies: true, reason };
  }
  return { applies: false };
}
