import type { Knex } from 'knex';

/**
 * Teams hands a bot no files posted in a channel, only those sent in a person's personal chat
 * with it (teams-notes §3). So "Upload proof" on an item's card asks the person there, and this
 * keeps the request until it expires: which item the next file they send (or send in reply to the
 * prompt, `activity_id`) is for. Tenant-owned, with row-level security forced like its neighbours.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE teams_upload_prompts (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      user_id uuid NOT NULL,
      instance_id uuid NOT NULL,
      conversation_id text NOT NULL,
      activity_id text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, instance_id) REFERENCES compliance_instances (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX teams_upload_prompts_person_idx ON teams_upload_prompts (tenant_id, user_id, expires_at);
    ALTER TABLE teams_upload_prompts ENABLE ROW LEVEL SECURITY;
    ALTER TABLE teams_upload_prompts FORCE ROW LEVEL SECURITY;
    CREATE POLICY platform_all ON teams_upload_prompts TO compliance_platform USING (true) WITH CHECK (true);
    CREATE POLICY tenant_isolation ON teams_upload_prompts TO compliance_app
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, DELETE ON teams_upload_prompts TO compliance_app, compliance_platform;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE teams_upload_prompts');
}
