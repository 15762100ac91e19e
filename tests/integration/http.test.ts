import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHttpApp, listen, type RunningServer } from '../../app/http/server.js';
import { createDatabase } from '../../infra/db/database.js';
import { knownMigrations } from '../../infra/db/migrator.js';
import { pino } from 'pino';
import { createLogger } from '../../infra/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const logger = createLogger('silent');
let migrated: TestDatabase;
let empty: TestDatabase;
const servers: RunningServer[] = [];

async function serve(db: TestDatabase['db']): Promise<string> {
  const s = await listen(createHttpApp({ db, logger }), '127.0.0.1', 0);
  servers.push(s);
  return `http://127.0.0.1:${s.port}`;
}

beforeAll(async () => {
  migrated = await createTestDatabase();
  empty = await createTestDatabase({ migrated: false });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await migrated.drop();
  await empty.drop();
});

describe('health endpoints', () => {
  it('/healthz and /readyz answer 200 when the database is current', async () => {
    const base = await serve(migrated.db);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('/readyz answers 503 naming pending migrations', async () => {
    const base = await serve(empty.db);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ reason: 'migrations pending', pending: knownMigrations() });
  });

  it('/readyz answers 503 when the database is unreachable, while /healthz stays 200', async () => {
    const unreachable = createDatabase({ url: 'postgres://nobody:x@127.0.0.1:1/none' });
    const base = await serve(unreachable);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await unreachable.close();
  });

  it('says once when requests come through a proxy that TRUST_PROXY does not name (client addresses would be the proxy\'s)', async () => {
    const lines: string[] = [];
    const captured = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const s = await listen(createHttpApp({ db: migrated.db, logger: captured }), '127.0.0.1', 0);
    servers.push(s);
    const base = `http://127.0.0.1:${s.port}`;
    await fetch(`${base}/healthz`);
    expect(lines).toEqual([]);
    for (let i = 0; i < 3; i++) await fetch(`${base}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).msg).toMatch(/TRUST_PROXY is not set: client addresses \(and the sign-in limits per client\) are the proxy's/);
    const trusting = await listen(createHttpApp({ db: migrated.db, logger: captured, trustProxy: 'loopback' }), '127.0.0.1', 0);
    servers.push(trusting);
    await fetch(`http://127.0.0.1:${trusting.port}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(lines).toHaveLength(1);
  });

  it('lets an in-flight request finish during shutdown', async () => {
    const app = createHttpApp({ db: migrated.db, logger });
    app.get('/slow', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      res.send('done');
    });
    const s = await listen(app, '127.0.0.1', 0);
    const pending = fetch(`http://127.0.0.1:${s.port}/slow`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await s.close();
    expect(await pending).toBe('done');
  });
});
