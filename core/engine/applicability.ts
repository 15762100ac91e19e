import { z } from 'zod';

/** Facts about an entity that decide which obligations apply to it. */
export const PROFILE_FLAGS = [
  'has_employees', 'pf_registered', 'esi_registered', 'pt_registered', 'pt_monthly', 'tds_deductor',
  'tax_audit', 'transfer_pricing', 'deposits', 'msme_dues', 'gst_aato_over_5cr',
] as const;
export type ProfileFlag = (typeof PROFILE_FLAGS)[number];

export const ENTITY_TYPES = ['company', 'opc', 'llp', 'partnership', 'proprietorship', 'trust', 'branch'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/**
 * How a GSTIN files. An entity's own mode is one of the first four ('none': not registered); a
 * GSTIN registration's mode is monthly, qrmp, composition or isd (an input service distributor).
 */
export const GST_MODES = ['monthly', 'qrmp', 'composition', 'none', 'isd'] as const;
export type GstMode = (typeof GST_MODES)[number];
export const ENTITY_GST_MODES = ['monthly', 'qrmp', 'composition', 'none'] as const;

export const profileSchema = z.partialRecord(z.enum(PROFILE_FLAGS), z.boolean());
export type EntityProfile = z.infer<typeof profileSchema>;

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
