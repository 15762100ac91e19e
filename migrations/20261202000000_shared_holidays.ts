import type { Knex } from 'knex';

/**
 * Published holiday calendars ship with the library: one shared copy (tenant_id NULL, with the
 * notification it comes from in `source`) that every tenant reads, beside each tenant's own rows.
 * Row-level security follows the shared masters: shared rows readable inside any tenant's
 * transaction, written only by the platform (the library sync); a tenant reads and writes its own.
 * Existing tenant holidays keep their rows and ids.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE holidays ALTER COLUMN tenant_id DROP NOT NULL;
    ALTER TABLE holidays ADD COLUMN source text;
    ALTER TABLE holidays ADD CONSTRAINT holidays_shared_have_source CHECK (tenant_id IS NOT NULL OR source IS NOT NULL);
    CREATE INDEX holidays_shared_idx ON holidays (holiday_date) WHERE tenant_id IS NULL;
    DROP POLICY tenant_isolation ON holidays;
    CREATE POLICY tenant_read ON holidays FOR SELECT TO compliance_app
      USING (tenant_id = current_tenant_id() OR (tenant_id IS NULL AND current_tenant_id() IS NOT NULL));
    CREATE POLICY tenant_write ON holidays FOR ALL TO compliance_app
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP POLICY tenant_read ON holidays;
    DROP POLICY tenant_write ON holidays;
    CREATE POLICY tenant_isolation ON holidays TO compliance_app
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    DELETE FROM holidays WHERE tenant_id IS NULL;
    DROP INDEX holidays_shared_idx;
    ALTER TABLE holidays DROP CONSTRAINT holidays_shared_have_source;
    ALTER TABLE holidays DROP COLUMN source;
    ALTER TABLE holidays ALTER COLUMN tenant_id SET NOT NULL;
  `);
}
