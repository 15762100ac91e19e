import type { Knex } from 'knex';
import type { OwedTarget } from '../../core/engine/registrations.js';
import type { ScheduleRow } from '../../core/engine/schedule.js';

/**
 * A schedule as one set of rows in SQL: `unnest` over parallel arrays, so a whole schedule
 * travels in one statement whatever its size.
 */
export function scheduleRelation(trx: Knex.Transaction, rows: ScheduleRow[]): Knex.Raw {
  // pg sends JS arrays (nulls included) as PostgreSQL arrays; knex's binding type just doesn't say so.
  const column = <K extends keyof ScheduleRow>(key: K) => rows.map((r) => r[key]) as unknown as string[];
  return trx.raw(
    `unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[], ?::date[], ?::date[], ?::text[], ?::date[])
       AS s(master_id, entity_id, state, district, period_key, period_start, period_end, statutory, extended, ext_ref, working)`,
    [
      column('masterId'), column('entityId'), column('state'), column('district'), column('periodKey'), column('periodStart'),
      column('periodEnd'), column('statutory'), column('extended'), column('extensionReference'), column('working'),
    ],
  );
}

/** The items masters owed per registration make (OwedTarget rows), as one relation `t`. */
export function targetsRelation(trx: Knex.Transaction, targets: OwedTarget[]): Knex.Raw {
  const column = <K extends keyof OwedTarget>(key: K) => targets.map((r) => r[key]) as unknown as string[];
  return trx.raw(
    `unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[]) AS t(master_id, entity_id, registration_id, state, district)`,
    [column('masterId'), column('entityId'), column('registrationId'), column('state'), column('district')],
  );
}

/**
 * How a schedule row meets an item: per entity (events), per state (holidays), per district
 * (scoped extensions: the district key of relief.ts, '' for a place with none), or for all. The
 * place is the entity's, or its registration's when the item has one: `place` names the SQL
 * expressions for its state and district.
 */
export const scheduleMatches = (place: { state: string; district: string }) =>
  `(s.entity_id IS NULL OR s.entity_id = e.id) AND (s.state IS NULL OR s.state = ${place.state})
  AND (s.district IS NULL OR s.district = lower(btrim(COALESCE(${place.district}, ''))))`;
