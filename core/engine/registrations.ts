import { applies, type EntityFacts, type GstMode } from './applicability.js';
import type { OwedPer, RegistrationKind } from './master.js';
import type { StoredMaster } from './schedule.js';

/**
 * An entity's registrations (GSTINs, TAN, PT/LWF state registrations, PF/ESI establishment
 * codes): obligations owed per registration get one item for each (india-compliance-rules §6.4).
 */
export const REGISTRATION_GST_MODES = ['monthly', 'qrmp', 'composition', 'isd'] as const;
export type RegistrationGstMode = (typeof REGISTRATION_GST_MODES)[number];

export interface Registration {
  id: string;
  entityId: string;
  kind: RegistrationKind;
  number: string;
  /** Two-letter state (derived from a GSTIN's first two digits); null where the kind has none (TAN). */
  state: string | null;
  /** A GSTIN's filing mode; null for other kinds. */
  gstMode: RegistrationGstMode | null;
  /** The principal place of business's district, when recorded (extensions may be scoped to districts). */
  district?: string | null;
  isActive: boolean;
}

/** What each kind is called where people read it. */
export const REGISTRATION_LABEL: Record<RegistrationKind, string> = {
  gstin: 'GSTIN', tan: 'TAN', pt: 'PT registration', lwf: 'LWF registration', pf: 'PF establishment code', esi: 'ESI employer code',
};

/**
 * GST state codes (first two digits of a GSTIN) → the two-letter codes used across the project
 * (applicability, holidays). 97 (other territory) and 99 (centre jurisdiction) have no state to
 * date holidays by and are refused. Source: GSTN state code list,
 * https://tutorial.gst.gov.in/downloads/news/state_code_list.pdf
 */
export const GST_STATE_CODES: Readonly<Record<string, string>> = {
  '01': 'JK', '02': 'HP', '03': 'PB', '04': 'CH', '05': 'UK', '06': 'HR', '07': 'DL', '08': 'RJ', '09': 'UP', '10': 'BR',
  '11': 'SK', '12': 'AR', '13': 'NL', '14': 'MN', '15': 'MZ', '16': 'TR', '17': 'ML', '18': 'AS', '19': 'WB', '20': 'JH',
  '21': 'OR', '22': 'CT', '23': 'MP', '24': 'GJ', '25': 'DD', '26': 'DN', '27': 'MH', '28': 'AP', '29': 'KA', '30': 'GA',
  '31': 'LD', '32': 'KL', '33': 'TN', '34': 'PY', '35': 'AN', '36': 'TG', '37': 'AP', '38': 'LA',
};

const GSTIN_SHAPE = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;
const NUMBER_SHAPES: Record<Exclude<RegistrationKind, 'gstin'>, { shape: RegExp; example: string }> = {
  tan: { shape: /^[A-Z]{4}[0-9]{5}[A-Z]$/, example: 'a TAN is 4 letters, 5 digits, 1 letter (e.g. MUMD12345E)' },
  pt: { shape: /^[A-Z0-9/-]{5,30}$/, example: 'a PT registration number is 5–30 letters, digits, / or - (e.g. 27123456789P)' },
  lwf: { shape: /^[A-Z0-9/-]{5,30}$/, example: 'an LWF registration number is 5–30 letters, digits, / or -' },
  pf: { shape: /^[A-Z]{5}[0-9]{7}([0-9]{3})?$/, example: 'a PF establishment code is 5 letters and 7 digits, optionally 3 more (e.g. MHBAN0012345000)' },
  esi: { shape: /^[0-9]{17}$/, example: 'an ESI employer code has 17 digits (e.g. 31000123450001001)' },
};

/** The state a GSTIN is registered in, from its first two digits. */
export const gstinState = (gstin: string): string | undefined => GST_STATE_CODES[gstin.slice(0, 2)];
/** The PAN inside a GSTIN (characters 3–12). */
export const gstinPan = (gstin: string): string => gstin.slice(2, 12);

/** What is wrong with a registration number of a kind, in words that say what to write; undefined when fine. */
export function registrationNumberProblem(kind: RegistrationKind, number: string, entityPan?: string | null): string | undefined {
  if (kind !== 'gstin') {
    const { shape, example } = NUMBER_SHAPES[kind];
    return shape.test(number) ? undefined : example;
  }
  if (number.length !== 15) return `a GSTIN has 15 characters, this one has ${number.length} (e.g. 27AAACD1234F1Z5)`;
  if (!GSTIN_SHAPE.test(number)) {
    return 'a GSTIN is 2 digits (state code), the 10-character PAN, an entity number, Z and a check character (e.g. 27AAACD1234F1Z5)';
  }
  if (!gstinState(number)) return `${number.slice(0, 2)} is not a GST state code (01–38, e.g. 27 for Maharashtra)`;
  if (entityPan && gstinPan(number) !== entityPan) {
    return `this GSTIN carries the PAN ${gstinPan(number)}, but the entity's PAN is ${entityPan}: check the GSTIN or the entity's PAN`;
  }
  return undefined;
}

/** The facts an obligation owed per this registration is judged on: the entity's, in the registration's state and GST mode. */
export function registrationFacts(entity: EntityFacts, registration: Pick<Registration, 'state' | 'gstMode'>): EntityFacts {
  return {
    ...entity,
    state: registration.state ?? entity.state,
    gstMode: (registration.gstMode as GstMode | null) ?? entity.gstMode,
  };
}

/**
 * For an obligation owed per registration and an entity assigned to it: which of its items to make.
 * registrationId null is the entity-level item, made when the entity has no active registration
 * of the kind (so a TDS deductor with no TAN recorded still gets its TDS items, named "no TAN
 * recorded"); otherwise one per active registration of the kind whose facts the obligation's
 * applicability accepts. `state` is the state its working-day date follows.
 */
export interface OwedTarget {
  masterId: string;
  entityId: string;
  registrationId: string | null;
  state: string;
  /** The district scoped extensions are matched against (see placeOf). */
  district: string | null;
}

/**
 * Where a registration's items are owed from: its state (the entity's for kinds without one) and
 * its district, or the entity's district when the registration is in the entity's own state.
 */
export function placeOf(entity: { state: string; district?: string | null }, registration: Pick<Registration, 'state' | 'district'>): { state: string; district: string | null } {
  const state = registration.state ?? entity.state;
  return { state, district: registration.district ?? (state === entity.state ? entity.district ?? null : null) };
}

export function owedTargets(
  masters: Pick<StoredMaster, 'id' | 'owedPer' | 'applicability'>[],
  entities: (EntityFacts & { id: string; district?: string | null })[],
  registrations: Registration[],
): OwedTarget[] {
  const targets: OwedTarget[] = [];
  for (const master of masters) {
    if (master.owedPer === 'entity') continue;
    for (const entity of entities) {
      const own = registrations.filter((r) => r.isActive && r.entityId === entity.id && r.kind === master.owedPer);
      if (own.length === 0) {
        targets.push({ masterId: master.id, entityId: entity.id, registrationId: null, state: entity.state, district: entity.district ?? null });
        continue;
      }
      for (const r of own) {
        const facts = registrationFacts(entity, r);
        if (applies(master.applicability, facts).applies) targets.push({ masterId: master.id, entityId: entity.id, registrationId: r.id, ...placeOf(entity, r) });
      }
    }
  }
  return targets;
}

/**
 * Whether a master applies to an entity, and why. One owed per registration applies when any of
 * the entity's active registrations of its kind qualifies (the reason names each); with none of
 * the kind recorded it is judged on the entity's own facts, and the reason says its items will be
 * the entity's until one is recorded.
 */
export function appliesToEntity(
  master: Pick<StoredMaster, 'owedPer' | 'applicability'>,
  entity: EntityFacts & { registrations: Registration[] },
): { applies: boolean; reason?: string } {
  if (master.owedPer === 'entity') return applies(master.applicability, entity);
  const own = entity.registrations.filter((r) => r.isActive && r.kind === master.owedPer);
  if (own.length === 0) {
    const verdict = applies(master.applicability, entity);
    const none = `no ${REGISTRATION_LABEL[master.owedPer]} recorded: items for the entity until one is`;
    return verdict.applies ? { applies: true, reason: `${verdict.reason}; ${none}` } : verdict;
  }
  const reasons = own.flatMap((r) => {
    const verdict = applies(master.applicability, registrationFacts(entity, r));
    return verdict.applies ? [`${r.number}: ${verdict.reason}`] : [];
  });
  return reasons.length > 0 ? { applies: true, reason: reasons.join(' | ') } : { applies: false };
}

/** An item's entity with what it is owed per: "Demo Manufacturing · 27AABCD1234F1Z5" (just the entity when owed by it). */
export const entityWithRegistration = (entityName: string, registration: string | null | undefined): string =>
  (registration ? `${entityName} · ${registration}` : entityName);

/**
 * How an item names what it is owed per, beside the entity's name: the registration's number, or
 * "no TAN recorded" for an item owed per a kind the entity has none of; null for entity-level obligations.
 */
export function registrationShown(owedPer: OwedPer | string, number: string | null | undefined): string | null {
  if (number) return number;
  if (owedPer === 'entity' || !(owedPer in REGISTRATION_LABEL)) return null;
  return `no ${REGISTRATION_LABEL[owedPer as RegistrationKind]} recorded`;
}
