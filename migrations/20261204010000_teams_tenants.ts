import type { Knex } from 'knex';

const GUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * Which Entra (Azure AD) tenant belongs to which tenant, for Microsoft Teams: an activity names
 * its Entra tenant, and this says whose data it may touch (one Entra tenant, one tenant). Each
 * binding names the Teams app its people talk to, with that app's client secret sealed by the
 * application (like Slack's bot tokens); no secret means the deployment's own (TEAMS_APP_PASSWORD).
 * Activities arrive before the tenant is known: the platform role looks the binding up.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE teams_tenants (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      aad_tenant_id text NOT NULL UNIQUE CHECK (aad_tenant_id ~ ${GUID}),
      app_id text NOT NULL CHECK (app_id ~* ${GUID}),
      app_password_encrypted text CHECK (app_password_encrypted LIKE 'v1.%'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, aad_tenant_id)
    );
    ALTER TABLE teams_tenants ENABLE ROW LEVEL SECURITY;
    ALTER TABLE teams_tenants FORCE ROW LEVEL SECURITY;
    CREATE POLICY platform_all ON teams_tenants TO compliance_platform USING (true) WITH CHECK (true);
    CREATE POLICY tenant_isolation ON teams_tenants TO compliance_app
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON teams_tenants TO compliance_app, compliance_platform;
    CREATE TRIGGER teams_tenants_touch BEFORE UPDATE ON teams_tenants FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE teams_tenants');
}
