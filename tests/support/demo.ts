import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../app/seed/demo.js';
import type { Database } from '../../infra/db/database.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { DEMO_NOW } from './demo-clock.js';

// Kept apart so that in-memory tests can use the demo's moment without loading the seed.
export { DEMO_CLOCK_AT, DEMO_NOW } from './demo-clock.js';

export interface DemoIds {
  tenantId: string;
  users: Record<'admin' | 'owner' | 'approver' | 'cfo' | 'auditor' | 'viewer', string>;
  entities: Record<'manufacturing' | 'software' | 'advisors', string>;
}

/** The demo tenant, seeded as of DEMO_NOW, with the ids tests need. */
export async function seedDemoForTest(db: Database): Promise<DemoIds> {
  const { tenantId } = await seedDemo(db, mkdtempSync(path.join(tmpdir(), 'demo-')), DEMO_NOW);
  return db.withTenant(tenantId, async ({ trx }) => {
    const users: { id: string; email: string }[] = await trx('users').select('id', 'email');
    const entities: { id: string; name: string }[] = await trx('entities').select('id', 'name');
    const user = (prefix: string) => users.find((u) => u.email.startsWith(`${prefix}@`))!.id;
    const entity = (name: string) => entities.find((e) => e.name === name)!.id;
    return {
      tenantId,
      users: { admin: user('admin'), owner: user('owner'), approver: user('approver'), cfo: user('cfo'), auditor: user('auditor'), viewer: user('viewer') },
      entities: { manufacturing: entity('Demo Manufacturing'), software: entity('Demo Software'), advisors: entity('Demo Advisors') },
    };
  });
}

/** A test database with the demo tenant, made before the file's tests and dropped after them (read `t` and `demo` inside tests). */
export function demoDatabase(): { t: TestDatabase; demo: DemoIds } {
  const held = {} as { t: TestDatabase; demo: DemoIds };
  beforeAll(async () => {
    held.t = await createTestDatabase();
    held.demo = await seedDemoForTest(held.t.db);
  });
  afterAll(() => held.t?.drop());
  return held;
}

/** The id of an entity's instance for a master code and period. */
export async function instanceId(db: Database, tenantId: string, entityId: string, code: string, periodKey: string): Promise<string> {
  const row = await db.withTenant(tenantId, ({ trx }) =>
    trx('compliance_instances as i').join('compliance_masters as m', 'm.id', 'i.master_id')
      .where({ 'i.entity_id': entityId, 'm.code': code, 'i.period_key': periodKey }).first('i.id'));
  if (!row) throw new Error(`no ${code} ${periodKey} instance`);
  return row.id;
}
