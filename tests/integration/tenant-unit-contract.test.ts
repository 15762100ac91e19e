import { afterAll, beforeAll } from '@jest/globals';
import { postgresHarness } from '../contract/postgres-harness.js';
import type { TenantUnitHarness } from '../contract/harness.js';
import { tenantUnitContract } from '../contract/tenant-unit.contract.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
let harness: TenantUnitHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  harness = postgresHarness(t.db);
});
afterAll(() => t?.drop());

tenantUnitContract('PostgreSQL', () => harness);
