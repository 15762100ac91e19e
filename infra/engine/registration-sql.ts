import { registrationShown } from '../../core/engine/registrations.js';

/**
 * What an item is owed per, for naming it: selected beside `m.owed_per` in queries where the item
 * is `i` and its master `m` (a scalar subquery on the registrations key, so no query's joins change).
 */
export const REGISTRATION_NUMBER_SQL = '(SELECT r.number FROM registrations r WHERE r.tenant_id = i.tenant_id AND r.id = i.registration_id)';

/** The registration an item names beside its entity: its number, "no TAN recorded", or null. */
export const registrationOf = (row: { owed_per?: string | null; registration_number?: string | null }): string | null =>
  registrationShown(row.owed_per ?? 'entity', row.registration_number);
