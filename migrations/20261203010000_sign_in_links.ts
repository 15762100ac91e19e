import type { Knex } from 'knex';

/**
 * One-time sign-in links, by email, for every person of a tenant. Only the SHA-256 of a link's
 * token is kept (a copy of the table signs nobody in); a link works once, until it expires.
 * Links are issued and used before anyone is signed in, so before a tenant is known: only the
 * platform role writes them; a tenant's own connection may only read (and so count) its own.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE sign_in_links (
      token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      user_id uuid NOT NULL,
      next_path text CHECK (next_path IS NULL OR (next_path LIKE '/%' AND next_path NOT LIKE '//%' AND length(next_path) <= 500)),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX sign_in_links_expiry_idx ON sign_in_links (expires_at);
    ALTER TABLE sign_in_links ENABLE ROW LEVEL SECURITY;
    ALTER TABLE sign_in_links FORCE ROW LEVEL SECURITY;
    CREATE POLICY platform_all ON sign_in_links TO compliance_platform USING (true) WITH CHECK (true);
    CREATE POLICY tenant_isolation ON sign_in_links TO compliance_app USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_links TO compliance_platform;
    GRANT SELECT ON sign_in_links TO compliance_app;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE sign_in_links');
}
