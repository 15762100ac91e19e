import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url);
});
afterAll(async () => {
  await portal.close();
  await t.drop();
});

it('lists entities for the tenant admin', async () => {
  const client = await portal.login('admin@demo.example', TEST_PASSWORD);
  const res = await client.json<{ meta: { total: number } }>('/admin/api/resources/entities/actions/list');
  expect(res.status).toBe(200);
  expect(res.body.meta.total).toBe(3);
});
