import type { Knex } from 'knex';

/**
 * Which reminder and escalation rungs a sweep has queued, kept as claims rather than marks on
 * every item: one row per tenant, rung and rung day, listing the items claimed for that day.
 * The first sweep of a large tenant queues tens of thousands of rungs; writing one claim row per
 * day instead of updating each item's row keeps that sweep inside its hourly budget. A sweep
 * holds its tenant's advisory lock from its first read to its commit, so two sweeps of one tenant
 * take turns and the second finds the first's claims: no rung goes out twice.
 *
 * The marks already on items (`reminded_for`, `escalated_for`) become claims, so nothing queued
 * before this migration is queued again after it.
 *
 * A claim's ids and a batched message's payload (hundreds of listed items) are stored out of
 * line uncompressed: random ids do not compress, and compressing a first sweep's megabytes of
 * them costs the database more than the rest of its writes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE reminder_claims (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      rung text NOT NULL CHECK (rung IN ('reminder', 'escalation')),
      day date NOT NULL,
      instance_ids uuid[] NOT NULL CHECK (cardinality(instance_ids) > 0),
      claimed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX reminder_claims_day_idx ON reminder_claims (tenant_id, rung, day);
    ALTER TABLE reminder_claims ALTER COLUMN instance_ids SET STORAGE EXTERNAL;
    ALTER TABLE notifications ALTER COLUMN payload SET STORAGE EXTERNAL;
    ALTER TABLE reminder_claims ENABLE ROW LEVEL SECURITY;
    ALTER TABLE reminder_claims FORCE ROW LEVEL SECURITY;
    CREATE POLICY platform_all ON reminder_claims TO compliance_platform USING (true) WITH CHECK (true);
    CREATE POLICY tenant_isolation ON reminder_claims TO compliance_app
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON reminder_claims TO compliance_app, compliance_platform;

    INSERT INTO reminder_claims (tenant_id, rung, day, instance_ids)
    SELECT tenant_id, 'reminder', reminded_for, array_agg(id) FROM compliance_instances WHERE reminded_for IS NOT NULL GROUP BY tenant_id, reminded_for
    UNION ALL
    SELECT tenant_id, 'escalation', escalated_for, array_agg(id) FROM compliance_instances WHERE escalated_for IS NOT NULL GROUP BY tenant_id, escalated_for;
    ALTER TABLE compliance_instances DROP COLUMN reminded_for, DROP COLUMN escalated_for;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE compliance_instances ADD COLUMN reminded_for date, ADD COLUMN escalated_for date;
    UPDATE compliance_instances i SET reminded_for = c.day
    FROM (SELECT x.id, max(day) AS day FROM reminder_claims, unnest(instance_ids) AS x(id) WHERE rung = 'reminder' GROUP BY x.id) c WHERE c.id = i.id;
    UPDATE compliance_instances i SET escalated_for = c.day
    FROM (SELECT x.id, max(day) AS day FROM reminder_claims, unnest(instance_ids) AS x(id) WHERE rung = 'escalation' GROUP BY x.id) c WHERE c.id = i.id;
    DROP TABLE reminder_claims;
    ALTER TABLE notifications ALTER COLUMN payload SET STORAGE EXTENDED;
  `);
}
