import type { Knex } from 'knex';

/**
 * Entity events beyond the AGM: a director's mobile, e-mail or address changed (DIR-3-KYC-Web
 * update within 30 days) and a remittance to a non-resident (Forms 15CA/15CB, 145/146 from
 * 1 Apr 2026, before it). Unlike the AGM these happen any number of times a year, so the same
 * table is widened rather than a second one made: its row-level security, grants, audit object
 * type and portal page already cover every event, and each row stays one dated event.
 * - `kind` admits the two new kinds (frozen copy of core/engine/events.ts ENTITY_EVENT_KINDS).
 * - The key one-per-(entity, kind, FY) becomes one AGM per entity and FY (a partial unique
 *   index); the other kinds are keyed by their id alone, and their FY is their date's.
 * - `description` says what the event was (which director, which payee); the app requires it for
 *   the new kinds.
 * Existing rows (all AGMs) keep their ids and meaning; nothing is deleted.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE entity_events DROP CONSTRAINT entity_events_kind_check;
    ALTER TABLE entity_events ADD CONSTRAINT entity_events_kind_check
      CHECK (kind IN ('agm', 'director_details_changed', 'foreign_remittance'));
    ALTER TABLE entity_events DROP CONSTRAINT entity_events_tenant_id_entity_id_kind_fiscal_year_key;
    CREATE UNIQUE INDEX entity_events_one_agm_per_year ON entity_events (tenant_id, entity_id, fiscal_year) WHERE kind = 'agm';
    CREATE INDEX entity_events_entity_idx ON entity_events (tenant_id, entity_id, kind, event_date);
    ALTER TABLE entity_events ADD COLUMN description text CHECK (description IS NULL OR btrim(description) <> '');
  `);
}

export async function down(knex: Knex): Promise<void> {
  // Going back to AGMs only: the other events have no place there (their items stay).
  await knex.raw(`
    DELETE FROM entity_events WHERE kind <> 'agm';
    ALTER TABLE entity_events DROP COLUMN description;
    DROP INDEX entity_events_entity_idx;
    DROP INDEX entity_events_one_agm_per_year;
    ALTER TABLE entity_events ADD CONSTRAINT entity_events_tenant_id_entity_id_kind_fiscal_year_key UNIQUE (tenant_id, entity_id, kind, fiscal_year);
    ALTER TABLE entity_events DROP CONSTRAINT entity_events_kind_check;
    ALTER TABLE entity_events ADD CONSTRAINT entity_events_kind_check CHECK (kind IN ('agm'));
  `);
}
