import type { Knex } from 'knex';

/**
 * A tenant's assignments, extensions and items may point only at a shared library master or at
 * one of the tenant's own. The foreign key alone cannot say so (it checks existence, across
 * tenants), so a trigger does: a master of another tenant is refused whoever writes the row
 * (a tenant's transaction cannot see it; a platform transaction sees it belongs elsewhere).
 */
const TABLES = ['assignments', 'due_date_overrides', 'compliance_instances'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION guard_master_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE owner uuid;
    BEGIN
      -- Row-level security applies here: another tenant's master is not even found.
      SELECT tenant_id INTO owner FROM compliance_masters WHERE id = NEW.master_id;
      IF NOT FOUND OR (owner IS NOT NULL AND owner IS DISTINCT FROM NEW.tenant_id) THEN
        RAISE EXCEPTION 'obligation % belongs to another tenant', NEW.master_id
          USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN NEW;
    END $$;
    ${TABLES.map((t) => `CREATE TRIGGER ${t}_master_tenant BEFORE INSERT OR UPDATE OF master_id, tenant_id ON ${t}
      FOR EACH ROW EXECUTE FUNCTION guard_master_tenant();`).join('\n')}
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`${TABLES.map((t) => `DROP TRIGGER IF EXISTS ${t}_master_tenant ON ${t};`).join('\n')}
    DROP FUNCTION IF EXISTS guard_master_tenant();`);
}
