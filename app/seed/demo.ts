import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { AuditEntryInput } from '../../core/audit/chain.js';
import { systemActor } from '../../core/engine/access.js';
import { todayIn } from '../../core/engine/dates.js';
import { defaultTrackingStart } from '../../core/engine/schedule.js';
import type { Database } from '../../infra/db/database.js';
import { ensureDemoTenant, seedDemoRecords } from '../../infra/seed/demo-records.js';
import { assignApplicableMasters } from '../../core/use-cases/assign-applicable-masters.js';
import { generateInstances, generationActor } from '../../core/use-cases/generate-instances.js';
import { syncLibrary } from '../../core/use-cases/sync-library.js';
import { enginePorts, tenantWork } from '../../infra/stores/engine-unit.js';
import { DEMO_AGM, DEMO_ENTITIES, DEMO_PLATFORM_ADMIN, DEMO_REGISTRATIONS, DEMO_TENANT, DEMO_USERS } from './demo-data.js';

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
export async function seedDemo(db: Database, dataDir: string, now: Date): Promise<DemoSeedResult> {
  const existing = readDemoLogin(dataDir);
  const password = existing?.password ?? randomBytes(9).toString('base64url');
  const passwordHash = await bcrypt.hash(password, 10);

  await syncLibrary(enginePorts(db));
  // Track from the first of this month (as any new tenant does), so the demo opens on this month's work, not a backlog.
  const trackingStart = defaultTrackingStart(todayIn('Asia/Kolkata', now)); // the demo tenant's zone (the tenants default)
  const { tenantId, tenantCreated } = await ensureDemoTenant(db, {
    tenant: { ...DEMO_TENANT, tracking_start_date: trackingStart },
    platformAdmin: { ...DEMO_PLATFORM_ADMIN, passwordHash },
  });

  const records = { entities: DEMO_ENTITIES, registrations: DEMO_REGISTRATIONS, agm: DEMO_AGM, people: DEMO_USERS, passwordHash };
  const created = await seedDemoRecords(db, tenantId, records, async (unit, made) => {
    const audit: AuditEntryInput[] = [];
    if (tenantCreated) {
      audit.push({ actor: SEED_ACTOR, action: 'tenant.created', objectType: 'tenant', objectId: tenantId, after: DEMO_TENANT });
    }
    for (const e of made.entities) {
      audit.push({ actor: SEED_ACTOR, action: 'entity.created', objectType: 'entity', objectId: e.id, after: e });
      if (made.agmRecorded.includes(e.id)) {
        audit.push({ actor: SEED_ACTOR, action: 'entity.event_recorded', objectType: 'entity', objectId: e.id, after: { kind: 'agm', fiscalYear: DEMO_AGM.fiscalYear, date: DEMO_AGM.date } });
      }
    }
    for (const u of made.people) {
      audit.push({ actor: SEED_ACTOR, action: 'user.created', objectType: 'user', objectId: u.id, after: { email: u.email, name: u.name } });
      audit.push({ actor: SEED_ACTOR, action: 'role.granted', objectType: 'user', objectId: u.id, after: { role: u.role, scope: 'tenant' } });
    }
    await unit.audit.append(audit);
    for (const entity of made.entities) await assignApplicableMasters(unit, SEED_ACTOR_WITH_ROLES, { entityId: entity.id });
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

export { hasAnyTenant } from '../../infra/stores/tenants.js';
