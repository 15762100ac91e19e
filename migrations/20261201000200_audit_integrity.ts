import type { Knex } from 'knex';

/**
 * What the audit chain cannot prove about itself.
 *
 * audit_heads keeps, per tenant, the furthest entry the chain ever reached and its hash. A
 * chain whose newest entries were deleted, or which was rewritten with every hash recomputed,
 * is internally consistent; compared with its head it is not. The head is written only by an
 * AFTER INSERT trigger on audit_log (a SECURITY DEFINER function, so the application roles need
 * no more than SELECT), moves forward only when an entry extends it, and a guard refuses any
 * change that lowers it, any new hash for a seq it already recorded, and DELETE or TRUNCATE.
 * Both triggers are ENABLE ALWAYS, so `session_replication_role = replica` does not skip them;
 * only the table owner switching triggers off (or a superuser) gets past, which anchoring the
 * head outside the database will answer.
 *
 * The application never deletes evidence rows, so neither application role may.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE audit_heads (
      tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
      seq bigint NOT NULL CHECK (seq >= 1),
      hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- Forced row-level security like every tenant table. The owner runs the trigger function,
    -- and FORCE applies to the owner too, so it gets a policy of its own.
    ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY;
    ALTER TABLE audit_heads FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_read ON audit_heads FOR SELECT TO compliance_app USING (tenant_id = current_tenant_id());
    CREATE POLICY platform_read ON audit_heads FOR SELECT TO compliance_platform USING (true);
    CREATE POLICY owner_maintains ON audit_heads TO CURRENT_USER USING (true) WITH CHECK (true);
    REVOKE ALL ON audit_heads FROM PUBLIC, compliance_app, compliance_platform;
    GRANT SELECT ON audit_heads TO compliance_app, compliance_platform;

    CREATE FUNCTION advance_audit_head() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    DECLARE
      head public.audit_heads%ROWTYPE;
    BEGIN
      SELECT * INTO head FROM public.audit_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO public.audit_heads (tenant_id, seq, hash) VALUES (NEW.tenant_id, NEW.seq, NEW.hash)
          ON CONFLICT (tenant_id) DO NOTHING;
      -- Only an entry that links to the recorded head moves it. After entries were removed, new
      -- ones re-use their numbers and do not link: the head stays where the chain once reached,
      -- so verification keeps reporting the removal however many entries follow.
      ELSIF NEW.seq = head.seq + 1 AND NEW.prev_hash = head.hash THEN
        UPDATE public.audit_heads SET seq = NEW.seq, hash = NEW.hash, updated_at = now() WHERE tenant_id = NEW.tenant_id;
      END IF;
      RETURN NULL;
    END $$;
    REVOKE ALL ON FUNCTION advance_audit_head() FROM PUBLIC;
    CREATE TRIGGER audit_log_advance_head AFTER INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION advance_audit_head();
    ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_advance_head;

    CREATE FUNCTION guard_audit_head() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        IF NEW.tenant_id = OLD.tenant_id AND (NEW.seq > OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash = OLD.hash)) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_heads only moves forward: the head of a tenant''s audit chain cannot be lowered or given another hash'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RAISE EXCEPTION 'audit_heads only moves forward: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_heads_forward_only BEFORE UPDATE OR DELETE ON audit_heads
      FOR EACH ROW EXECUTE FUNCTION guard_audit_head();
    CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
      FOR EACH STATEMENT EXECUTE FUNCTION guard_audit_head();
    ALTER TABLE audit_heads ENABLE ALWAYS TRIGGER audit_heads_forward_only;
    ALTER TABLE audit_heads ENABLE ALWAYS TRIGGER audit_heads_no_truncate;

    -- Chains written before this migration: their current end is the best head there is.
    INSERT INTO audit_heads (tenant_id, seq, hash)
      SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash FROM audit_log ORDER BY tenant_id, seq DESC;

    REVOKE DELETE ON evidence FROM compliance_app, compliance_platform;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    GRANT DELETE ON evidence TO compliance_app, compliance_platform;
    DROP TRIGGER IF EXISTS audit_log_advance_head ON audit_log;
    DROP TABLE IF EXISTS audit_heads;
    DROP FUNCTION IF EXISTS advance_audit_head(), guard_audit_head();
  `);
}
