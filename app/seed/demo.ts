import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { AuditEntryInput } from '../../core/audit/chain.js';
import { appendAudit } from '../../infra/audit/audit-store.js';
import { systemActor } from '../../core/engine/access.js';
import { todayIn } from '../../core/engine/dates.js';
import type { Database } from '../../infra/db/database.js';
import { assignApplicableMasters } from '../../core/use-cases/assign-applicable-masters.js';
import { generateInstances, generationActor } from '../../core/use-cases/generate-instances.js';
import { syncLibrary } from '../../core/use-cases/sync-library.js';
import { createEngineUnit, enginePorts, tenantWork } from '../../infra/stores/engine-unit.js';
import { DEMO_AGM, DEMO_ENTITIES, DEMO_PLATFORM_ADMIN, DEMO_TENANT, DEMO_USERS } from './demo-data.js';

export interface DemoLogin {
  email: string;
  password: string;
}

export interface DemoSeedResult {
  tenantId: string;
  created: boolean;
  /** Known only when this data folder seeded the demo (the password is never stored in the database). */
  login: DemoLogin | undefined;
}

const SEED_ACTOR = { type: 'system', id: 'seed', label: 'Demo seed' } as const;
const SEED_ACTOR_WITH_ROLES = systemActor('seed', 'Demo seed');

function loginFile(dataDir: string): string {
  return path.resolve(dataDir, 'demo-login.json');
}

export function readDemoLogin(dataDir: string): DemoLogin | undefined {
  const file = loginFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoLogin) : undefined;
}

/**
 * Creates the demo tenant, its entities, one user per role and a platform admin. Idempotent:
 * what exists is left alone, and only what is created is written to the audit chain.
 */
export async function seedDemo(db: Database, dataDir: string, now = new Date()): Promise<DemoSeedResult> {
  const existing = readDemoLogin(dataDir);
  const password = existing?.password ?? randomBytes(9).toString('base64url');
  const passwordHash = await bcrypt.hash(password, 10);

  await syncLibrary(enginePorts(db));
  // Track from the first of this month, so the demo opens on this month's work, not a backlog.
  const trackingStart = `${todayIn('Asia/Kolkata', now).slice(0, 8)}01`;
  const { tenantId, tenantCreated } = await db.withSystem(async (trx) => {
    const [inserted] = await trx('tenants')
      .insert({ ...DEMO_TENANT, tracking_start_date: trackingStart })
      .onConflict('slug').ignore().returning('id');
    await trx.raw(
      `INSERT INTO platform_users (email, name, password_hash) VALUES (?, ?, ?)
       ON CONFLICT (lower(email)) DO NOTHING`,
      [DEMO_PLATFORM_ADMIN.email, DEMO_PLATFORM_ADMIN.name, passwordHash],
    );
    const row = inserted ?? (await trx('tenants').where({ slug: DEMO_TENANT.slug }).first('id'));
    return { tenantId: row.id as string, tenantCreated: Boolean(inserted) };
  });

  const created = await db.withTenant(tenantId, async (tx) => {
    const { trx } = tx;
    const audit: AuditEntryInput[] = [];
    if (tenantCreated) {
      audit.push({ actor: SEED_ACTOR, action: 'tenant.created', objectType: 'tenant', objectId: tenantId, after: DEMO_TENANT });
    }
    const entities = await trx('entities')
      .insert(DEMO_ENTITIES.map((e) => ({ ...e, gstins: [...e.gstins], tenant_id: tenantId })))
      .onConflict(['tenant_id', 'name']).ignore()
      .returning(['id', 'name', 'entity_type', 'state']);
    for (const e of entities) {
      audit.push({ actor: SEED_ACTOR, action: 'entity.created', objectType: 'entity', objectId: e.id, after: e });
      if (e.name === DEMO_AGM.entity) {
        await trx('entity_events').insert({ tenant_id: tenantId, entity_id: e.id, kind: 'agm', fiscal_year: DEMO_AGM.fiscalYear, event_date: DEMO_AGM.date });
        audit.push({ actor: SEED_ACTOR, action: 'entity.event_recorded', objectType: 'entity', objectId: e.id, after: { kind: 'agm', fiscalYear: DEMO_AGM.fiscalYear, date: DEMO_AGM.date } });
      }
    }
    for (const u of DEMO_USERS) {
      const rows = await trx.raw(
        `INSERT INTO users (tenant_id, email, name, password_hash) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, lower(email)) DO NOTHING RETURNING id`,
        [tenantId, u.email, u.name, passwordHash],
      );
      const userId: string | undefined = rows.rows[0]?.id;
      if (!userId) continue;
      await trx('role_assignments').insert({ tenant_id: tenantId, user_id: userId, role: u.role });
      audit.push({ actor: SEED_ACTOR, action: 'user.created', objectType: 'user', objectId: userId, after: { email: u.email, name: u.name } });
      audit.push({ actor: SEED_ACTOR, action: 'role.granted', objectType: 'user', objectId: userId, after: { role: u.role, scope: 'tenant' } });
    }
    await appendAudit(tx, audit);
    const unit = await createEngineUnit(tx);
    for (const entity of entities) await assignApplicableMasters(unit, SEED_ACTOR_WITH_ROLES, { entityId: entity.id });
    return audit.length > 0;
  });
  if (created) await tenantWork(db).inTenant(tenantId, (unit) => generateInstances(unit, generationActor, {}, now));

  let login = existing;
  if (created && !existing) {
    login = { email: DEMO_USERS[0].email, password };
    mkdirSync(path.resolve(dataDir), { recursive: true });
    writeFileSync(loginFile(dataDir), `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  }
  return { tenantId, created, login };
}

export async function hasAnyTenant(db: Database): Promise<boolean> {
  return db.withSystem(async (trx) => Boolean(await trx('tenants').first('id')));
}
