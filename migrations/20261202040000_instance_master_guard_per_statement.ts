import type { Knex } from 'knex';

/**
 * The guard that an item's master is shared or its own tenant's (20261126120000_master_tenant_guard),
 * checked once per INSERT statement over the rows it actually inserted instead of once per row
 * offered: generation inserts thousands of rows per tenant with ON CONFLICT DO NOTHING, and the
 * per-row trigger ran for every conflicting row too (half the cost of a run that adds nothing).
 * Updates of master_id or tenant_id keep the per-row check.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION guard_inserted_instance_masters() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE bad uuid;
    BEGIN
      -- Row-level security applies here as in the per-row guard: another tenant's master is not found.
      SELECT n.master_id INTO bad FROM inserted n LEFT JOIN compliance_masters m ON m.id = n.master_id
      WHERE m.id IS NULL OR (m.tenant_id IS NOT NULL AND m.tenant_id IS DISTINCT FROM n.tenant_id)
      LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'obligation % belongs to another tenant', bad USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN NULL;
    END $$;
    DROP TRIGGER compliance_instances_master_tenant ON compliance_instances;
    CREATE TRIGGER compliance_instances_master_tenant_insert AFTER INSERT ON compliance_instances
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION guard_inserted_instance_masters();
    CREATE TRIGGER compliance_instances_master_tenant BEFORE UPDATE OF master_id, tenant_id ON compliance_instances
      FOR EACH ROW EXECUTE FUNCTION guard_master_tenant();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER compliance_instances_master_tenant_insert ON compliance_instances;
    DROP TRIGGER compliance_instances_master_tenant ON compliance_instances;
    CREATE TRIGGER compliance_instances_master_tenant BEFORE INSERT OR UPDATE OF master_id, tenant_id ON compliance_instances
      FOR EACH ROW EXECUTE FUNCTION guard_master_tenant();
    DROP FUNCTION guard_inserted_instance_masters();
  `);
}
