import type { Knex } from 'knex';

/**
 * Notice that fits the filing, and escalations sent as one message per person:
 * - `compliance_masters.reminder_days`: the days before the due date on which the preparer is
 *   reminded (e.g. {30,14,7,3} for an annual return); NULL takes the frequency's default.
 * - `reminder_schedules`: a tenant's own days for a master, overriding the master's.
 * - `compliance_instances.reminded_for` / `escalated_for`: the latest reminder rung day (notice or
 *   due day) and escalation rung day already queued for the item, set under the row's lock by the
 *   sweep that queues them: a repeated or concurrent sweep never sends a rung twice, and the hourly
 *   sweep reads what is new without re-offering every reminder to the outbox. Escalations go out
 *   batched per recipient (one message listing many items), so no per-item outbox key records them.
 * - The items table keeps 15% of each page free, so setting those two unindexed columns is a
 *   heap-only update (no index entries rewritten) for the tens of thousands of items a sweep marks.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE compliance_masters ADD COLUMN reminder_days smallint[]
      CHECK (reminder_days IS NULL OR (cardinality(reminder_days) BETWEEN 1 AND 8 AND 0 <= ALL (reminder_days) AND 120 >= ALL (reminder_days)));

    CREATE TABLE reminder_schedules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      master_id uuid NOT NULL REFERENCES compliance_masters (id) ON DELETE CASCADE,
      days_before smallint[] NOT NULL
        CHECK (cardinality(days_before) BETWEEN 1 AND 8 AND 0 <= ALL (days_before) AND 120 >= ALL (days_before)),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, master_id)
    );
    ALTER TABLE reminder_schedules ENABLE ROW LEVEL SECURITY;
    ALTER TABLE reminder_schedules FORCE ROW LEVEL SECURITY;
    CREATE POLICY platform_all ON reminder_schedules TO compliance_platform USING (true) WITH CHECK (true);
    CREATE POLICY tenant_isolation ON reminder_schedules TO compliance_app
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON reminder_schedules TO compliance_app, compliance_platform;
    CREATE TRIGGER reminder_schedules_touch BEFORE UPDATE ON reminder_schedules FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    ALTER TABLE compliance_instances ADD COLUMN reminded_for date, ADD COLUMN escalated_for date;
    ALTER TABLE compliance_instances SET (fillfactor = 85);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE compliance_instances RESET (fillfactor);
    ALTER TABLE compliance_instances DROP COLUMN reminded_for, DROP COLUMN escalated_for;
    DROP TABLE reminder_schedules;
    ALTER TABLE compliance_masters DROP COLUMN reminder_days;
  `);
}
