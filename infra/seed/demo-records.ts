import { gstinState } from '../../core/engine/registrations.js';
import type { EngineUnit } from '../../core/ports/index.js';
import type { Database } from '../db/database.js';
import { createEngineUnit } from '../stores/engine-unit.js';

export interface DemoTenantRows {
  tenant: Record<string, unknown> & { slug: string };
  platformAdmin: { email: string; name: string; passwordHash: string };
}

/** The demo tenant and platform admin, created when missing: the tenant's id and whether it was created now. */
export async function ensureDemoTenant(db: Database, rows: DemoTenantRows): Promise<{ tenantId: string; tenantCreated: boolean }> {
  return db.withSystem(async (trx) => {
    const [inserted] = await trx('tenants').insert(rows.tenant).onConflict('slug').ignore().returning('id');
    await trx.raw(
      `INSERT INTO platform_users (email, name, password_hash) VALUES (?, ?, ?)
       ON CONFLICT (lower(email)) DO NOTHING`,
      [rows.platformAdmin.email, rows.platformAdmin.name, rows.platformAdmin.passwordHash],
    );
    const row = inserted ?? (await trx('tenants').where({ slug: rows.tenant.slug }).first('id'));
    return { tenantId: row.id as string, tenantCreated: Boolean(inserted) };
  });
}

export interface DemoRecords {
  entities: readonly (Record<string, unknown> & { name: string })[];
  /** Registrations of the entities, by entity name. */
  registrations: readonly { entity: string; kind: string; number: string; gst_mode?: string }[];
  agm: { entity: string; fiscalYear: string; date: string };
  people: readonly { email: string; name: string; role: string }[];
  passwordHash: string;
}

export interface CreatedDemoRecords {
  entities: { id: string; name: string; entity_type: string; state: string }[];
  /** Entities whose AGM was recorded. */
  agmRecorded: string[];
  people: { id: string; email: string; name: string; role: string }[];
}

/**
 * The demo tenant's entities (with the AGM), people and their roles, each created only when
 * missing; `then` runs in the same transaction with what was created (to audit and assign it).
 */
export async function seedDemoRecords<T>(db: Database, tenantId: string, records: DemoRecords, then: (unit: EngineUnit, created: CreatedDemoRecords) => Promise<T>): Promise<T> {
  return db.withTenant(tenantId, async (tx) => {
    const { trx } = tx;
    const entities = await trx('entities')
      .insert(records.entities.map((e) => ({ ...e, tenant_id: tenantId })))
      .onConflict(['tenant_id', 'name']).ignore()
      .returning(['id', 'name', 'entity_type', 'state']);
    const byName = new Map(entities.map((e: { id: string; name: string }) => [e.name, e.id]));
    const registrations = records.registrations.filter((r) => byName.has(r.entity)).map((r) => ({
      tenant_id: tenantId, entity_id: byName.get(r.entity), kind: r.kind, number: r.number,
      state: r.kind === 'gstin' ? gstinState(r.number) : null, gst_mode: r.gst_mode ?? null,
    }));
    if (registrations.length > 0) await trx('registrations').insert(registrations);
    const agmRecorded: string[] = [];
    for (const e of entities.filter((x: { name: string }) => x.name === records.agm.entity)) {
      await trx('entity_events').insert({ tenant_id: tenantId, entity_id: e.id, kind: 'agm', fiscal_year: records.agm.fiscalYear, event_date: records.agm.date });
      agmRecorded.push(e.id);
    }
    const people: CreatedDemoRecords['people'] = [];
    for (const u of records.people) {
      const rows = await trx.raw(
        `INSERT INTO users (tenant_id, email, name, password_hash) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, lower(email)) DO NOTHING RETURNING id`,
        [tenantId, u.email, u.name, records.passwordHash],
      );
      const userId: string | undefined = rows.rows[0]?.id;
      if (!userId) continue;
      await trx('role_assignments').insert({ tenant_id: tenantId, user_id: userId, role: u.role });
      people.push({ id: userId, ...u });
    }
    return then(await createEngineUnit(tx), { entities, agmRecorded, people });
  });
}
