import type { Knex } from 'knex';

/**
 * Least privilege for what the application role can write.
 * - Portal sessions get a role of their own (compliance_session) with only the session store's
 *   statements; the application and platform roles can no longer read or write them, and every
 *   stored session carries a signature the store checks on read (a row written by anyone
 *   without the application secret is not a session).
 * - Schedule slots (job_runs) are platform work: the tenant-scoped application role loses them.
 * - People and platform admins carry the moment their credentials last changed (password set or
 *   reset, deactivated or reactivated); a portal session from before it is over.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'compliance_session') THEN
        CREATE ROLE compliance_session NOLOGIN NOBYPASSRLS;
      END IF;
    END $$;
    GRANT compliance_session TO CURRENT_USER;

    DELETE FROM admin_sessions;
    ALTER TABLE admin_sessions ADD COLUMN sig text NOT NULL CHECK (sig ~ '^[0-9a-f]{64}$');
    REVOKE ALL ON admin_sessions FROM compliance_app, compliance_platform;
    GRANT SELECT, INSERT, UPDATE, DELETE ON admin_sessions TO compliance_session;
    GRANT USAGE ON SCHEMA public TO compliance_session;

    REVOKE ALL ON job_runs FROM compliance_app;
    REVOKE ALL ON SEQUENCE job_runs_id_seq FROM compliance_app;

    ALTER TABLE users ADD COLUMN credentials_changed_at timestamptz NOT NULL DEFAULT now();
    ALTER TABLE platform_users ADD COLUMN credentials_changed_at timestamptz NOT NULL DEFAULT now();
    CREATE FUNCTION mark_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.is_active IS DISTINCT FROM OLD.is_active THEN
        NEW.credentials_changed_at := clock_timestamp();
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER users_credentials_changed BEFORE UPDATE ON users
      FOR EACH ROW EXECUTE FUNCTION mark_credentials_changed();
    CREATE TRIGGER platform_users_credentials_changed BEFORE UPDATE ON platform_users
      FOR EACH ROW EXECUTE FUNCTION mark_credentials_changed();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER IF EXISTS users_credentials_changed ON users;
    DROP TRIGGER IF EXISTS platform_users_credentials_changed ON platform_users;
    DROP FUNCTION IF EXISTS mark_credentials_changed();
    ALTER TABLE users DROP COLUMN IF EXISTS credentials_changed_at;
    ALTER TABLE platform_users DROP COLUMN IF EXISTS credentials_changed_at;
    GRANT SELECT, INSERT, UPDATE, DELETE ON job_runs TO compliance_app;
    GRANT USAGE, SELECT ON SEQUENCE job_runs_id_seq TO compliance_app;
    REVOKE ALL ON admin_sessions FROM compliance_session;
    REVOKE ALL ON SCHEMA public FROM compliance_session;
    DELETE FROM admin_sessions;
    ALTER TABLE admin_sessions DROP COLUMN IF EXISTS sig;
    GRANT SELECT, INSERT, UPDATE, DELETE ON admin_sessions TO compliance_app, compliance_platform;
  `);
}
