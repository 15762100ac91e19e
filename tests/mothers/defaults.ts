import type { RoleGrant } from '../../core/engine/access.js';
import { GST_STATE_CODES } from '../../core/engine/registrations.js';
import { sha256Hex, type EntitySpec, type RegistrationSpec, type EvidenceSpec, type ItemSpec, type MasterSpec, type PersonSpec, type Ref, type RoleSpec, type TenantPlan } from './tenant-mother.js';

/**
 * What a row holds when the test does not say: one place, so the database and the in-memory
 * store build the same tenant from the same plan.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const title = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/** Turns a key given to the builder (or an existing row's id) into the row's id. */
export function resolver(ids: Map<string, string>): (ref: Ref) => string {
  return (ref) => {
    const id = ids.get(ref) ?? (UUID.test(ref) ? ref : undefined);
    if (!id) throw new Error(`Nothing in this tenant has the key "${ref}": add it with the builder first, or pass an existing row's id.`);
    return id;
  };
}

export const entityOf = (key: string, spec: EntitySpec) => {
  const name = spec.name ?? `${title(key)} Pvt Ltd`;
  return {
    name, legalName: spec.legalName ?? `${name.replace(/ Pvt Ltd$/, '')} Private Limited`, type: spec.type ?? 'company',
    pan: spec.pan ?? null, gstins: spec.gstins ?? [], state: spec.state ?? 'MH', gstMode: spec.gstMode ?? 'monthly', profile: spec.profile ?? {},
  };
};

/** The plan's registrations, with every entity's gstins as GSTIN registrations (keys `<entity>:<gstin>`). */
export function registrationsOf(plan: TenantPlan): [string, Required<Omit<RegistrationSpec, 'gstMode' | 'state'>> & { state: string | null; gstMode: string | null }][] {
  const fromGstins = plan.entities.flatMap(([key, spec]) => (spec.gstins ?? []).map((number): [string, RegistrationSpec] => [
    `${key}:${number}`, { entity: key, kind: 'gstin', number, gstMode: spec.gstMode === 'none' || !spec.gstMode ? 'monthly' : spec.gstMode },
  ]));
  return [...fromGstins, ...plan.registrations].map(([key, r]) => [key, {
    entity: r.entity, kind: r.kind, number: r.number, active: r.active ?? true,
    state: r.state ?? (r.kind === 'gstin' ? GST_STATE_CODES[r.number.slice(0, 2)] ?? null : null),
    gstMode: r.kind === 'gstin' ? r.gstMode ?? 'monthly' : null,
  }]);
}

export const grantOf = (r: RoleSpec, ref: (r: Ref) => string): RoleGrant =>
  (typeof r === 'string' ? { role: r, entityId: null } : { role: r.role, entityId: ref(r.entity) });

export const personOf = (key: string, spec: PersonSpec, plan: TenantPlan, ref: (r: Ref) => string) => ({
  email: spec.email ?? `${key}@${plan.tenant.slug}.example`,
  name: spec.name ?? title(key),
  passwordHash: spec.passwordHash ?? null,
  slackUserId: spec.slackUserId ?? null,
  teamsUserId: spec.teamsUserId ?? null,
  active: spec.active ?? true,
  roles: (spec.roles ?? []).map((r) => grantOf(r, ref)),
});

export const masterOf = (spec: MasterSpec) => ({
  code: spec.code, name: spec.name ?? spec.code, frequency: spec.frequency ?? 'monthly',
  ruleVersions: [{ effectiveFrom: '2000-01-01', rule: spec.rule ?? {} }],
});

/** A month's key (2026-11) spans its first to its last day; any other period must say its days. */
export function periodOf(spec: ItemSpec): { start: string; end: string } {
  if (spec.periodStart && spec.periodEnd) return { start: spec.periodStart, end: spec.periodEnd };
  const month = /^(\d{4})-(\d{2})$/.exec(spec.periodKey);
  if (!month) throw new Error(`Give periodStart and periodEnd for the period "${spec.periodKey}" (only a YYYY-MM key implies them).`);
  const lastDay = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return { start: `${spec.periodKey}-01`, end: `${spec.periodKey}-${String(lastDay).padStart(2, '0')}` };
}

export const evidenceOf = (spec: EvidenceSpec, tenantId: string, itemId: string) => {
  const version = spec.version ?? 1;
  return {
    version, fileName: spec.fileName ?? 'challan.pdf', contentType: spec.contentType ?? 'application/pdf', sizeBytes: spec.sizeBytes ?? 1024,
    sha256: spec.sha256 ?? sha256Hex(), storageKey: spec.storageKey ?? `${tenantId}/${itemId}/${version}-${sha256Hex()}`,
    channel: spec.channel ?? 'portal', reviewStatus: spec.reviewStatus ?? 'pending',
  };
};
