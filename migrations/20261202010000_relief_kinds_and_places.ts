import type { Knex } from 'knex';

/**
 * Government relief beyond "this period is due later":
 * - `kind`: an `extension` moves the due date; a `fee_waiver` (MCA general circulars) keeps the
 *   legal due date and only waives the additional fee until `extended_due_date`.
 * - `states` / `districts`: an extension for some principal places of business only (NULL: all).
 *   Stored sorted and de-duplicated (the library's schema does it) so a scope has one spelling.
 * - `entities.district`: the principal place of business's district that scoped extensions match.
 * One row per tenant (or library), master, period, kind and scope: the old key plus kind and scope,
 * so every existing row (an extension for everywhere) keeps its id and meaning. Grants and
 * row-level security are per table and already cover the new columns.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE due_date_overrides
      ADD COLUMN kind text NOT NULL DEFAULT 'extension' CHECK (kind IN ('extension', 'fee_waiver')),
      ADD COLUMN states text[] CHECK (states IS NULL OR (cardinality(states) > 0 AND array_position(states, NULL) IS NULL)),
      ADD COLUMN districts text[] CHECK (districts IS NULL OR (cardinality(districts) > 0 AND array_position(districts, NULL) IS NULL));
    ALTER TABLE due_date_overrides DROP CONSTRAINT due_date_overrides_tenant_id_master_id_period_key_key;
    ALTER TABLE due_date_overrides ADD CONSTRAINT due_date_overrides_relief_key
      UNIQUE NULLS NOT DISTINCT (tenant_id, master_id, period_key, kind, states, districts);
    ALTER TABLE entities ADD COLUMN district text CHECK (district IS NULL OR btrim(district) <> '');
  `);
}

export async function down(knex: Knex): Promise<void> {
  // Going back to one extension per master and period: waivers and scoped rows have no place there.
  await knex.raw(`
    DELETE FROM due_date_overrides WHERE kind <> 'extension' OR states IS NOT NULL OR districts IS NOT NULL;
    ALTER TABLE due_date_overrides DROP CONSTRAINT due_date_overrides_relief_key;
    ALTER TABLE due_date_overrides ADD CONSTRAINT due_date_overrides_tenant_id_master_id_period_key_key
      UNIQUE NULLS NOT DISTINCT (tenant_id, master_id, period_key);
    ALTER TABLE due_date_overrides DROP COLUMN kind, DROP COLUMN states, DROP COLUMN districts;
    ALTER TABLE entities DROP COLUMN district;
  `);
}
