import type { Applicability, EntityFacts, ProfileFlag } from './applicability.js';
import type { OwedPer } from './master.js';
import type { Registration } from './registrations.js';

/**
 * Obligations levied state by state (profession tax, labour welfare fund) ship only for the
 * states whose rules could be sourced. An entity registered in another state would silently get
 * no item: this says so instead, from the entity's own facts (its registrations of the kind, or
 * the profile flag for its own state when it has none recorded), without claiming what any
 * state's law is.
 */
const STATE_LEVIED: { kind: Extract<OwedPer, 'pt' | 'lwf'>; flag: ProfileFlag; name: string }[] = [
  { kind: 'pt', flag: 'pt_registered', name: 'Profession tax' },
  { kind: 'lwf', flag: 'lwf_registered', name: 'Labour welfare fund' },
];

export interface CoverageGap {
  kind: 'pt' | 'lwf';
  state: string;
  message: string;
}

/** States an applicability names, or null when it is not limited to states. */
function statesOf(applicability: Applicability): string[] | null {
  const alternatives = 'anyOf' in applicability ? applicability.anyOf : [applicability];
  const states: string[] = [];
  for (const a of alternatives) {
    if (!a.states) return null;
    states.push(...a.states);
  }
  return states;
}

export function coverageGaps(
  entity: EntityFacts & { registrations: Pick<Registration, 'kind' | 'state' | 'isActive'>[] },
  masters: { owedPer: OwedPer; applicability: Applicability }[],
): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const { kind, flag, name } of STATE_LEVIED) {
    const registered = entity.registrations.filter((r) => r.isActive && r.kind === kind).map((r) => r.state ?? entity.state);
    const states = new Set(registered.length > 0 ? registered : entity.profile[flag] ? [entity.state] : []);
    if (states.size === 0) continue;
    const covered = masters.filter((m) => m.owedPer === kind).map((m) => statesOf(m.applicability));
    if (covered.some((s) => s === null)) continue;
    for (const state of [...states].sort()) {
      if (covered.some((s) => s!.includes(state))) continue;
      gaps.push({
        kind, state,
        message: `${name} in ${state}: the entity is registered there, but no ${name.toLowerCase()} obligation for ${state} is in the library yet, so none is tracked. Add it as your own obligation (Obligation library → Create new, owed per ${kind === 'pt' ? 'PT' : 'LWF'} registration, for state ${state}).`,
      });
    }
  }
  return gaps;
}
