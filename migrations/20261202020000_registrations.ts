import type { Knex } from 'knex';

/**
 * Registrations: an entity's GSTINs, TAN, PT/LWF state registrations and PF/ESI establishment
 * codes, each owing its own items (GST returns per GSTIN, TDS per TAN, …; india-compliance-rules
 * §6.4). compliance_instances gains registration_id (null: owed by the entity as a whole, or owed
 * per a kind the entity has none of) and its unique key includes it.
 *
 * One source of truth: registrations. entities.gstins becomes the database's mirror of the
 * entity's active GSTINs, and entities.gst_mode that of its principal GSTIN (the one in the
 * entity's state, else the first), both kept by triggers so nothing can set them apart; an entity
 * with no GSTIN keeps the mode its admin gives it.
 *
 * Existing tenants lose nothing: every entity's gstins become GSTIN registrations (mode from the
 * entity's gst_mode, 'none' read as monthly; state from the GSTIN, or the entity's when its first
 * two digits are no state), and existing items of masters owed per GSTIN get the registration in
 * the entity's state, else the first. No item, evidence or audit entry is deleted or rewritten.
 *
 * Until now the QRMP GSTR-3B group followed the entity's state; it now follows each GSTIN's. An
 * entity assigned one group's return whose GSTINs include one in the other group's state gets the
 * other group's return assigned too (same preparer and approver), or that GSTIN would silently
 * owe nothing.
 *
 * gst_state_code() is a frozen copy of core/engine/registrations.ts GST_STATE_CODES (a test
 * checks they agree); migrations do not import application code.
 */
const GST_STATE_CODES: Record<string, string> = {
  '01': 'JK', '02': 'HP', '03': 'PB', '04': 'CH', '05': 'UK', '06': 'HR', '07': 'DL', '08': 'RJ', '09': 'UP', '10': 'BR',
  '11': 'SK', '12': 'AR', '13': 'NL', '14': 'MN', '15': 'MZ', '16': 'TR', '17': 'ML', '18': 'AS', '19': 'WB', '20': 'JH',
  '21': 'OR', '22': 'CT', '23': 'MP', '24': 'GJ', '25': 'DD', '26': 'DN', '27': 'MH', '28': 'AP', '29': 'KA', '30': 'GA',
  '31': 'LD', '32': 'KL', '33': 'TN', '34': 'PY', '35': 'AN', '36': 'TG', '37': 'AP', '38': 'LA',
};
const GSTIN_RE = '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$';
const OWED_BY_CODE: Record<string, string[]> = {
  gstin: ['GSTR1_MONTHLY', 'GSTR1_QRMP', 'GSTR1_IFF', 'GSTR3B_MONTHLY', 'GSTR3B_QRMP_X', 'GSTR3B_QRMP_Y', 'PMT06', 'CMP08', 'GSTR9', 'GSTR9C'],
  tan: ['TDS_DEPOSIT', 'TDS_RETURN_24Q_26Q', 'FORM16', 'FORM16A'],
  pt: ['PT_MH_MONTHLY', 'PT_MH_ANNUAL', 'PT_KA_MONTHLY', 'PT_KA_ANNUAL'],
  pf: ['PF_ECR'],
  esi: ['ESI'],
};
const ITEM_KEY = 'UNIQUE (tenant_id, entity_id, master_id, period_key)';
/** Frozen copy of core/engine/applicability.ts's group X states (Notif. 82/2020-CT); every other state is group Y. */
const GST_GROUP_X = ['CT', 'MP', 'GJ', 'MH', 'KA', 'GA', 'KL', 'TN', 'TG', 'AP', 'DD', 'DN', 'PY', 'AN', 'LD'];

export async function up(knex: Knex): Promise<void> {
  const codes = Object.entries(GST_STATE_CODES).map(([code, state]) => `('${code}', '${state}')`).join(', ');
  await knex.raw(`
    CREATE FUNCTION gst_state_code(gstin text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT s FROM (VALUES ${codes}) AS c(code, s) WHERE c.code = left(gstin, 2)
    $$;

    ALTER TABLE compliance_masters ADD COLUMN owed_per text NOT NULL DEFAULT 'entity'
      CHECK (owed_per IN ('entity', 'gstin', 'tan', 'pt', 'lwf', 'pf', 'esi'));

    CREATE TABLE registrations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      entity_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('gstin', 'tan', 'pt', 'lwf', 'pf', 'esi')),
      number text NOT NULL CHECK (number ~ '^[A-Z0-9/-]{5,30}$'),
      state text CHECK (state ~ '^[A-Z]{2}$'),
      gst_mode text CHECK (gst_mode IN ('monthly', 'qrmp', 'composition', 'isd')),
      -- The principal place of business's district (extensions are sometimes given per district).
      district text,
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'gstin') = (gst_mode IS NOT NULL)),
      CHECK (kind NOT IN ('gstin', 'pt', 'lwf') OR state IS NOT NULL),
      CHECK (kind <> 'gstin' OR number ~ '${GSTIN_RE}'),
      CHECK (kind <> 'tan' OR number ~ '^[A-Z]{4}[0-9]{5}[A-Z]$'),
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, kind, number),
      FOREIGN KEY (tenant_id, entity_id) REFERENCES entities (tenant_id, id) ON DELETE CASCADE
    );
    CREATE INDEX registrations_entity_idx ON registrations (tenant_id, entity_id, kind);
    ALTER TABLE registrations ENABLE ROW LEVEL SECURITY;
    ALTER TABLE registrations FORCE ROW LEVEL SECURITY;
    CREATE POLICY platform_all ON registrations TO compliance_platform USING (true) WITH CHECK (true);
    CREATE POLICY tenant_isolation ON registrations TO compliance_app
      USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
    GRANT SELECT, INSERT, UPDATE, DELETE ON registrations TO compliance_app, compliance_platform;
    CREATE TRIGGER registrations_touch BEFORE UPDATE ON registrations FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    ALTER TABLE compliance_instances ADD COLUMN registration_id uuid;
    ALTER TABLE compliance_instances ADD FOREIGN KEY (tenant_id, registration_id) REFERENCES registrations (tenant_id, id);
    CREATE INDEX compliance_instances_registration_idx ON compliance_instances (tenant_id, registration_id) WHERE registration_id IS NOT NULL;
    DO $$
    DECLARE old_key text;
    BEGIN
      SELECT conname INTO old_key FROM pg_constraint
        WHERE conrelid = 'compliance_instances'::regclass AND pg_get_constraintdef(oid) = '${ITEM_KEY}';
      EXECUTE format('ALTER TABLE compliance_instances DROP CONSTRAINT %I', old_key);
    END $$;
    ALTER TABLE compliance_instances ADD CONSTRAINT compliance_instances_item_key
      UNIQUE NULLS NOT DISTINCT (tenant_id, entity_id, master_id, period_key, registration_id);
  `);

  // Existing rows move under the platform role: row-level security is forced on the owner too.
  const owed = Object.entries(OWED_BY_CODE)
    .map(([kind, list]) => `UPDATE compliance_masters SET owed_per = '${kind}' WHERE tenant_id IS NULL AND code IN (${list.map((c) => `'${c}'`).join(', ')});`)
    .join('\n');
  await knex.raw(`
    SET LOCAL ROLE compliance_platform;
    ${owed}
    INSERT INTO registrations (tenant_id, entity_id, kind, number, state, gst_mode, created_at)
      SELECT e.tenant_id, e.id, 'gstin', g.number, COALESCE(gst_state_code(g.number), e.state),
             CASE WHEN e.gst_mode = 'none' THEN 'monthly' ELSE e.gst_mode END,
             -- Kept in the entity's order, which the mirror follows.
             e.created_at + g.position * interval '1 microsecond'
      FROM entities e, unnest(e.gstins) WITH ORDINALITY AS g(number, position)
      ON CONFLICT (tenant_id, kind, number) DO NOTHING;
    UPDATE compliance_instances i SET registration_id = (
        SELECT r.id FROM registrations r JOIN entities e ON e.tenant_id = r.tenant_id AND e.id = r.entity_id
        WHERE r.tenant_id = i.tenant_id AND r.entity_id = i.entity_id AND r.kind = 'gstin'
        ORDER BY (r.state = e.state) DESC, r.created_at LIMIT 1)
      FROM compliance_masters m
      WHERE m.id = i.master_id AND m.owed_per = 'gstin' AND i.registration_id IS NULL;
    WITH groups AS (
      SELECT r.tenant_id, r.entity_id, r.number,
             CASE WHEN r.state IN (${GST_GROUP_X.map((g) => `'${g}'`).join(', ')}) THEN 'GSTR3B_QRMP_X' ELSE 'GSTR3B_QRMP_Y' END AS code
      FROM registrations r WHERE r.kind = 'gstin' AND r.gst_mode = 'qrmp' AND r.is_active)
    INSERT INTO assignments (tenant_id, entity_id, master_id, owner_user_id, approver_user_id, reason)
      SELECT DISTINCT ON (a.tenant_id, a.entity_id, needed.id) a.tenant_id, a.entity_id, needed.id, a.owner_user_id, a.approver_user_id,
             g.number || ' is in the other QRMP group (the GSTR-3B group follows each GSTIN''s state)'
      FROM groups g
      JOIN compliance_masters needed ON needed.tenant_id IS NULL AND needed.code = g.code
      JOIN compliance_masters sibling ON sibling.tenant_id IS NULL AND sibling.code IN ('GSTR3B_QRMP_X', 'GSTR3B_QRMP_Y') AND sibling.code <> g.code
      JOIN assignments a ON a.tenant_id = g.tenant_id AND a.entity_id = g.entity_id AND a.master_id = sibling.id AND a.is_active
      ORDER BY a.tenant_id, a.entity_id, needed.id, g.number
      ON CONFLICT (tenant_id, entity_id, master_id) DO NOTHING;
    RESET ROLE;
  `);

  await knex.raw(`
    -- Checked for every new or changed row; rows migrated above with no state code keep the entity's.
    ALTER TABLE registrations ADD CONSTRAINT registrations_gstin_state
      CHECK (kind <> 'gstin' OR state = gst_state_code(number)) NOT VALID;

    -- A GSTIN carries its holder's PAN: one that is not the entity's is someone else's.
    CREATE FUNCTION check_registration_pan() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE entity_pan text;
    BEGIN
      IF NEW.kind = 'gstin' THEN
        SELECT pan INTO entity_pan FROM entities WHERE tenant_id = NEW.tenant_id AND id = NEW.entity_id;
        IF entity_pan IS NOT NULL AND substr(NEW.number, 3, 10) <> entity_pan THEN
          RAISE EXCEPTION 'GSTIN % carries the PAN %, not the entity''s PAN %', NEW.number, substr(NEW.number, 3, 10), entity_pan
            USING ERRCODE = 'check_violation',
                  DETAIL = format('GSTIN %s carries the PAN %s, but the entity''s PAN is %s: check the GSTIN or the entity''s PAN', NEW.number, substr(NEW.number, 3, 10), entity_pan);
        END IF;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER registrations_pan BEFORE INSERT OR UPDATE ON registrations
      FOR EACH ROW EXECUTE FUNCTION check_registration_pan();

    -- entities.gstins and gst_mode mirror the entity's GSTIN registrations, whoever writes either.
    CREATE FUNCTION mirror_entity_gstins() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE principal_mode text;
    BEGIN
      NEW.gstins := COALESCE((SELECT array_agg(r.number ORDER BY r.created_at, r.number) FROM registrations r
        WHERE r.tenant_id = NEW.tenant_id AND r.entity_id = NEW.id AND r.kind = 'gstin' AND r.is_active), '{}');
      SELECT r.gst_mode INTO principal_mode FROM registrations r
        WHERE r.tenant_id = NEW.tenant_id AND r.entity_id = NEW.id AND r.kind = 'gstin' AND r.is_active AND r.gst_mode <> 'isd'
        ORDER BY (r.state = NEW.state) DESC, r.created_at LIMIT 1;
      IF principal_mode IS NOT NULL THEN NEW.gst_mode := principal_mode; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER entities_gstin_mirror BEFORE INSERT OR UPDATE ON entities
      FOR EACH ROW EXECUTE FUNCTION mirror_entity_gstins();
    CREATE FUNCTION refresh_entity_gstins() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE entities e SET gstins = e.gstins
        WHERE (e.tenant_id, e.id) IN (SELECT tenant_id, entity_id FROM changed WHERE kind = 'gstin');
      RETURN NULL;
    END $$;
    CREATE TRIGGER registrations_mirror_insert AFTER INSERT ON registrations
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_entity_gstins();
    CREATE TRIGGER registrations_mirror_update_new AFTER UPDATE ON registrations
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_entity_gstins();
    CREATE TRIGGER registrations_mirror_update_old AFTER UPDATE ON registrations
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_entity_gstins();
    CREATE TRIGGER registrations_mirror_delete AFTER DELETE ON registrations
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_entity_gstins();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    BEGIN
      IF EXISTS (SELECT 1 FROM compliance_instances GROUP BY tenant_id, entity_id, master_id, period_key HAVING count(*) > 1) THEN
        RAISE EXCEPTION 'some entities have several items for one obligation and period (one per registration): the old one-per-entity key cannot hold them; nothing was changed';
      END IF;
    END $$;
    DROP TRIGGER IF EXISTS entities_gstin_mirror ON entities;
    DROP FUNCTION IF EXISTS mirror_entity_gstins();
    ALTER TABLE compliance_instances DROP CONSTRAINT compliance_instances_item_key;
    ALTER TABLE compliance_instances ADD ${ITEM_KEY};
    ALTER TABLE compliance_instances DROP COLUMN registration_id;
    DROP TABLE registrations;
    DROP FUNCTION IF EXISTS refresh_entity_gstins(), check_registration_pan(), gst_state_code(text);
    ALTER TABLE compliance_masters DROP COLUMN owed_per;
  `);
}
