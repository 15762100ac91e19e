import { formatDate, type IsoDate } from './dates.js';
import type { ExtensionScope } from './master.js';

/**
 * Where an item is owed from: the state of its principal place of business and, when recorded,
 * its district (today the entity's; a registration's once items are owed per registration).
 */
export interface Place {
  state: string;
  district: string | null;
}

/** Districts compare by name, whatever the case or surrounding spaces ("thane " is Thane). */
export const districtKey = (district: string | null | undefined): string => (district ?? '').trim().toLowerCase();

export const isScoped = (scope: ExtensionScope): boolean => Boolean(scope.states || scope.districts);

/** Whether a relief scoped to states and/or districts covers a place (an unscoped one covers every place). */
export function coversPlace(scope: ExtensionScope, place: Place): boolean {
  if (scope.states && !scope.states.includes(place.state)) return false;
  if (scope.districts && !scope.districts.some((d) => districtKey(d) === districtKey(place.district))) return false;
  return true;
}

/** A due-date extension as the schedule uses it. */
export interface ScheduleExtension extends ExtensionScope {
  date: IsoDate;
  reference: string;
  /** The tenant's own (recorded by its admin), which wins over the library's. */
  own: boolean;
}

const specificity = (e: ExtensionScope): number => (e.districts ? 2 : 0) + (e.states ? 1 : 0);

/**
 * The extension that applies at a place: the tenant's own before the library's, then the one
 * naming the place most narrowly (districts, then states, then everywhere).
 */
export function extensionAt(candidates: ScheduleExtension[] | undefined, place: Place | null): ScheduleExtension | undefined {
  let best: ScheduleExtension | undefined;
  for (const c of candidates ?? []) {
    if (isScoped(c) && !(place && coversPlace(c, place))) continue;
    if (!best || Number(c.own) - Number(best.own) > 0 || (c.own === best.own && specificity(c) > specificity(best))) best = c;
  }
  return best;
}

/** A fee waiver as an item shows it: the legal due date stays; the additional fee is waived until `until`. */
export interface FeeWaiver {
  until: IsoDate;
  reference: string;
}

/** "no additional fee until 31 Jan 2026 (MCA General Circular 08/2025)". */
export const feeWaiverPhrase = (w: FeeWaiver): string => `no additional fee until ${formatDate(w.until)} (${w.reference})`;
