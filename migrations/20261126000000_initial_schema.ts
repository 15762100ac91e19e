import type { Knex } from 'knex';

/**
 * The whole data model (ARCHITECTURE §4). Every tenant-owned table carries tenant_id in a unique
 * key and in every foreign key to another tenant-owned table, and is guarded by forced row-level
 * security. Two roles, neither able to log in:
 *   compliance_app       what the product runs as; sees one tenant, chosen per transaction.
 *   compliance_platform  platform-level work (tenants list, shared library, cross-tenant jobs).
 * Policies name their role, so neither needs BYPASSRLS and the migrating user needs no superuser.
 */

const ROLES_UP = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'compliance_app') THEN
    CREATE ROLE compliance_app NOLOGIN NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'compliance_platform') THEN
    CREATE ROLE compliance_platform NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
GRANT compliance_app, compliance_platform TO CURRENT_USER;

CREATE FUNCTION current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;
`;

const TABLES_UP = `
CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL,
  timezone text NOT NULL DEFAULT 'Asia/Kolkata',
  fy_start_month smallint NOT NULL DEFAULT 4 CHECK (fy_start_month BETWEEN 1 AND 12),
  amber_window_days smallint NOT NULL DEFAULT 7 CHECK (amber_window_days BETWEEN 0 AND 90),
  reminder_days_before smallint NOT NULL DEFAULT 3 CHECK (reminder_days_before BETWEEN 0 AND 60),
  escalation_after_days smallint NOT NULL DEFAULT 3 CHECK (escalation_after_days BETWEEN 0 AND 60),
  escalation_repeat_days smallint NOT NULL DEFAULT 2 CHECK (escalation_repeat_days BETWEEN 1 AND 30),
  working_hours_start smallint NOT NULL DEFAULT 9 CHECK (working_hours_start BETWEEN 0 AND 23),
  working_hours_end smallint NOT NULL DEFAULT 18 CHECK (working_hours_end BETWEEN 1 AND 24),
  generation_horizon_months smallint NOT NULL DEFAULT 3 CHECK (generation_horizon_months BETWEEN 0 AND 24),
  -- Instances due before this date are not generated (a group that starts mid-year).
  tracking_start_date date,
  slack_channel_id text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (working_hours_start < working_hours_end)
);

-- People who run the platform itself; not tenant data.
CREATE TABLE platform_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX platform_users_email_key ON platform_users (lower(email));

CREATE TABLE entities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  legal_name text NOT NULL,
  entity_type text NOT NULL CHECK (entity_type IN ('company', 'opc', 'llp', 'partnership', 'proprietorship', 'trust', 'branch')),
  pan text CHECK (pan ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'),
  cin text,
  gstins text[] NOT NULL DEFAULT '{}',
  state text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
  gst_mode text NOT NULL DEFAULT 'monthly' CHECK (gst_mode IN ('monthly', 'qrmp', 'composition', 'none')),
  -- Facts that decide which obligations apply (has_employees, pf_registered, tax_audit, ...).
  profile jsonb NOT NULL DEFAULT '{}',
  slack_channel_id text,
  teams_channel_id text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, name)
);

-- Dated events per entity and financial year that event-based obligations count from (the AGM).
CREATE TABLE entity_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  entity_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('agm')),
  fiscal_year text NOT NULL CHECK (fiscal_year ~ '^FY[0-9]{4}-[0-9]{2}$'),
  event_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, entity_id, kind, fiscal_year),
  FOREIGN KEY (tenant_id, entity_id) REFERENCES entities (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  slack_user_id text,
  teams_user_id text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, slack_user_id),
  UNIQUE (tenant_id, teams_user_id)
);
CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, lower(email));

-- A role held tenant-wide (entity_id NULL) or for one entity.
CREATE TABLE role_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('tenant_admin', 'owner', 'approver', 'cfo', 'auditor', 'viewer')),
  entity_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE NULLS NOT DISTINCT (tenant_id, user_id, role, entity_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, entity_id) REFERENCES entities (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX role_assignments_user_idx ON role_assignments (tenant_id, user_id);

-- The obligation library. Shared statutory rows have no tenant; a tenant may add its own.
-- rule_versions holds the due-date rule as data, one version per effective_from.
CREATE TABLE compliance_masters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{2,64}$'),
  name text NOT NULL,
  category text NOT NULL,
  law text NOT NULL,
  section text,
  authority text NOT NULL,
  frequency text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'half_yearly', 'annual', 'fy_instalments', 'event', 'one_off')),
  rule_versions jsonb NOT NULL,
  holiday_policy text NOT NULL DEFAULT 'none' CHECK (holiday_policy IN ('none', 'next_working_day')),
  applicability jsonb NOT NULL DEFAULT '{}',
  description text,
  sources text,
  library_version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (tenant_id, code)
);

-- Which master applies to which entity, and who prepares and approves it.
CREATE TABLE assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  entity_id uuid NOT NULL,
  master_id uuid NOT NULL REFERENCES compliance_masters (id) ON DELETE RESTRICT,
  owner_user_id uuid,
  approver_user_id uuid,
  reason text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, entity_id, master_id),
  FOREIGN KEY (tenant_id, entity_id) REFERENCES entities (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, owner_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, approver_user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX assignments_master_idx ON assignments (master_id);

CREATE TABLE holidays (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  holiday_date date NOT NULL,
  state text CHECK (state ~ '^[A-Z]{2}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE NULLS NOT DISTINCT (tenant_id, holiday_date, state)
);

-- Government extensions: a master + period moved to a new date by a notification or circular.
-- Shipped with the library (no tenant) or added by a tenant.
CREATE TABLE due_date_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE,
  master_id uuid NOT NULL REFERENCES compliance_masters (id) ON DELETE CASCADE,
  period_key text NOT NULL,
  extended_due_date date NOT NULL,
  reference text NOT NULL,
  note text,
  applied_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (tenant_id, master_id, period_key)
);

-- One dated work item per entity, master and period. due_date is the date reminders and RAG use:
-- the working-day date if the holiday policy moved it, else the extension, else the statutory date.
CREATE TABLE compliance_instances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  entity_id uuid NOT NULL,
  master_id uuid NOT NULL REFERENCES compliance_masters (id) ON DELETE RESTRICT,
  period_key text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  statutory_due_date date NOT NULL,
  extended_due_date date,
  extension_reference text,
  working_due_date date,
  due_date date GENERATED ALWAYS AS (COALESCE(working_due_date, extended_due_date, statutory_due_date)) STORED,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'submitted', 'approved', 'rejected', 'not_applicable')),
  owner_user_id uuid,
  approver_user_id uuid,
  filing_reference text,
  status_reason text,
  submitted_at timestamptz,
  decided_at timestamptz,
  approved_late boolean,
  escalation_acknowledged_at timestamptz,
  escalation_acknowledged_by uuid,
  slack_channel_id text,
  slack_thread_ts text,
  teams_conversation_id text,
  teams_activity_id text,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, entity_id, master_id, period_key),
  FOREIGN KEY (tenant_id, entity_id) REFERENCES entities (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, owner_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, approver_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, escalation_acknowledged_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX compliance_instances_due_idx ON compliance_instances (tenant_id, due_date, status);
CREATE INDEX compliance_instances_owner_idx ON compliance_instances (tenant_id, owner_user_id, status);
CREATE INDEX compliance_instances_approver_idx ON compliance_instances (tenant_id, approver_user_id, status);
CREATE INDEX compliance_instances_entity_idx ON compliance_instances (tenant_id, entity_id, due_date);
CREATE INDEX compliance_instances_master_period_idx ON compliance_instances (master_id, period_key);
CREATE INDEX compliance_instances_thread_idx ON compliance_instances (tenant_id, slack_channel_id, slack_thread_ts);

-- Versions of the filing proof for an instance. Once approved, a version never changes.
CREATE TABLE evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  instance_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text NOT NULL,
  uploaded_by uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('slack', 'teams', 'portal')),
  source_ref text,
  review_status text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'approved', 'rejected', 'superseded')),
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, instance_id, version),
  UNIQUE (storage_key),
  FOREIGN KEY (tenant_id, instance_id) REFERENCES compliance_instances (tenant_id, id) ON DELETE RESTRICT,
  FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, reviewed_by) REFERENCES users (tenant_id, id)
);

-- Append-only, one hash chain per tenant: hash = sha256(prev_hash || canonical entry).
CREATE TABLE audit_log (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  seq bigint NOT NULL CHECK (seq >= 1),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  occurred_at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'platform_user', 'system')),
  actor_id text NOT NULL,
  actor_label text,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id text NOT NULL,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (tenant_id, seq),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, prev_hash)
);
CREATE INDEX audit_log_object_idx ON audit_log (tenant_id, object_type, object_id);

-- Outbox: written in the same transaction as the change that causes it; the dedup key makes
-- retries and parallel workers harmless.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'slack', 'teams')),
  kind text NOT NULL,
  recipient_user_id uuid,
  recipient text,
  instance_id uuid,
  payload jsonb NOT NULL DEFAULT '{}',
  dedup_key text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  last_error text,
  provider_ref text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, dedup_key),
  FOREIGN KEY (tenant_id, recipient_user_id) REFERENCES users (tenant_id, id),
  FOREIGN KEY (tenant_id, instance_id) REFERENCES compliance_instances (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_instance_idx ON notifications (tenant_id, instance_id);

-- One row per job and schedule slot: a slot runs once however many workers there are.
CREATE TABLE job_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job text NOT NULL,
  slot text NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
  worker text,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  error text,
  stats jsonb,
  UNIQUE (job, slot)
);

-- Slack workspaces installed for a tenant. Tokens are encrypted by the app before they get here.
CREATE TABLE slack_installations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  team_id text,
  enterprise_id text,
  team_name text,
  bot_user_id text,
  bot_token_encrypted text NOT NULL,
  installation_encrypted text,
  installed_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (team_id IS NOT NULL OR enterprise_id IS NOT NULL),
  UNIQUE (tenant_id, id),
  UNIQUE NULLS NOT DISTINCT (enterprise_id, team_id),
  FOREIGN KEY (tenant_id, installed_by_user_id) REFERENCES users (tenant_id, id)
);

-- Teams conversations the bot can post to proactively (channels per entity, personal chats).
CREATE TABLE teams_conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  conversation_type text NOT NULL CHECK (conversation_type IN ('channel', 'personal', 'groupChat')),
  aad_tenant_id text,
  service_url text NOT NULL,
  entity_id uuid,
  user_id uuid,
  reference jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, conversation_id),
  FOREIGN KEY (tenant_id, entity_id) REFERENCES entities (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- Admin portal sessions (the shape connect-pg-simple expects).
CREATE TABLE admin_sessions (
  sid varchar PRIMARY KEY,
  sess json NOT NULL,
  expire timestamptz NOT NULL
);
CREATE INDEX admin_sessions_expire_idx ON admin_sessions (expire);
`;

/** Tables whose rows belong to one tenant; each gets forced row-level security. */
const TENANT_TABLES = [
  'entities', 'entity_events', 'users', 'role_assignments', 'assignments', 'holidays',
  'compliance_instances', 'evidence', 'audit_log', 'notifications', 'slack_installations',
  'teams_conversations',
];
/** Tables mixing shared library rows (tenant_id NULL) with a tenant's own rows. */
const SHARED_OR_TENANT_TABLES = ['compliance_masters', 'due_date_overrides'];
const UPDATED_AT_TABLES = [
  'tenants', 'platform_users', 'entities', 'entity_events', 'users', 'compliance_masters',
  'assignments', 'compliance_instances', 'notifications', 'slack_installations', 'teams_conversations',
];

function securitySql(): string {
  const forced = (table: string) =>
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY; ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;\n` +
    `CREATE POLICY platform_all ON ${table} TO compliance_platform USING (true) WITH CHECK (true);\n`;
  const tenantOwned = TENANT_TABLES.map(
    (table) =>
      forced(table) +
      `CREATE POLICY tenant_isolation ON ${table} TO compliance_app ` +
      `USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());\n`,
  );
  // Shared rows are readable inside any tenant's transaction, writable only by the platform.
  const sharedOrTenant = SHARED_OR_TENANT_TABLES.map(
    (table) =>
      forced(table) +
      `CREATE POLICY tenant_read ON ${table} FOR SELECT TO compliance_app ` +
      `USING (tenant_id = current_tenant_id() OR (tenant_id IS NULL AND current_tenant_id() IS NOT NULL));\n` +
      `CREATE POLICY tenant_write ON ${table} FOR ALL TO compliance_app ` +
      `USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());\n`,
  );
  const touch = UPDATED_AT_TABLES.map(
    (table) => `CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at();\n`,
  );
  return `
${forced('tenants')}
CREATE POLICY own_tenant_read ON tenants FOR SELECT TO compliance_app USING (id = current_tenant_id());
CREATE POLICY own_tenant_update ON tenants FOR UPDATE TO compliance_app
  USING (id = current_tenant_id()) WITH CHECK (id = current_tenant_id());
${tenantOwned.join('')}
${sharedOrTenant.join('')}
${touch.join('')}

GRANT USAGE ON SCHEMA public TO compliance_app, compliance_platform;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO compliance_app, compliance_platform;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO compliance_app, compliance_platform;
REVOKE INSERT, DELETE ON tenants FROM compliance_app;
REVOKE ALL ON platform_users FROM compliance_app;
REVOKE UPDATE, DELETE ON audit_log FROM compliance_app, compliance_platform;
REVOKE ALL ON knex_migrations, knex_migrations_lock FROM compliance_app, compliance_platform;
GRANT SELECT ON knex_migrations TO compliance_app, compliance_platform;

-- The audit trail is append-only for everyone, table owner and superuser included.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A stored file's identity never changes, and approved evidence never changes at all.
CREATE FUNCTION guard_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.review_status = 'approved' THEN
    RAISE EXCEPTION 'evidence % (version %) is approved and can no longer be changed or deleted', OLD.id, OLD.version
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.sha256, NEW.storage_key, NEW.size_bytes, NEW.file_name, NEW.content_type,
      NEW.uploaded_by, NEW.instance_id, NEW.version, NEW.tenant_id)
      IS DISTINCT FROM (OLD.sha256, OLD.storage_key, OLD.size_bytes, OLD.file_name, OLD.content_type,
      OLD.uploaded_by, OLD.instance_id, OLD.version, OLD.tenant_id) THEN
    RAISE EXCEPTION 'evidence % (version %): the stored file and its uploader cannot be changed; upload a new version',
      OLD.id, OLD.version USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER evidence_guard BEFORE UPDATE OR DELETE ON evidence
  FOR EACH ROW EXECUTE FUNCTION guard_evidence();
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
`;
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(ROLES_UP);
  await knex.raw(TABLES_UP);
  await knex.raw(securitySql());
}

export async function down(knex: Knex): Promise<void> {
  // Roles are cluster-wide and may serve other databases on the same server: they stay.
  await knex.raw(`
    DROP TABLE IF EXISTS admin_sessions, teams_conversations, slack_installations, job_runs, notifications,
      audit_log, evidence, compliance_instances, due_date_overrides, holidays, assignments, compliance_masters,
      role_assignments, users, entity_events, entities, platform_users, tenants CASCADE;
    DROP FUNCTION IF EXISTS guard_evidence(), refuse_change(), touch_updated_at(), current_tenant_id();
    REVOKE ALL ON knex_migrations, knex_migrations_lock FROM compliance_app, compliance_platform;
    REVOKE ALL ON SCHEMA public FROM compliance_app, compliance_platform;
  `);
}
