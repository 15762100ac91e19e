import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import bcrypt from 'bcryptjs';
import { startPortal } from '../../app/portal.js';
import type { Runtime } from '../../app/runtime.js';
import { createHttpApp, listen } from '../../app/http/server.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import type { Database } from '../../infra/db/database.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { seedDemoForTest, type DemoIds } from './demo.js';
import { testRuntime } from './runtime.js';

/** A signed-in portal session: requests carry its cookie; JSON in, JSON out. */
export interface PortalClient {
  cookie: string;
  get(pathname: string): Promise<Response>;
  /** POSTs JSON (AdminJS's API parses JSON and form bodies alike). */
  post(pathname: string, body?: Record<string, unknown>): Promise<Response>;
  json<T = Record<string, unknown>>(pathname: string, body?: Record<string, unknown>): Promise<{ status: number; body: T }>;
}

/** What an AdminJS action answers: the record (with field errors), the records, a notice. */
export interface ActionBody {
  record?: { params: Record<string, unknown>; errors: Record<string, { message: string }> };
  records?: { params: Record<string, unknown> }[];
  meta?: { total: number };
  notice?: { message: string; type: 'success' | 'error' };
}

/** An action's answer; the portal must answer 200 (AdminJS reports refusals in the body). */
export async function callAction(client: PortalClient, pathname: string, body?: Record<string, unknown>): Promise<ActionBody> {
  const res = await client.json<ActionBody>(pathname, body);
  if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

export interface PortalServer {
  url: string;
  runtime: Runtime;
  /** Signs in by the login form; throws unless AdminJS redirects into the portal. */
  login(email: string, password: string): Promise<PortalClient>;
  /** The raw login response (status, body) for refusal tests. */
  attempt(email: string, password: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Sets a known password on a tenant user (the demo seed's is random). */
export async function setPassword(db: Database, tenantId: string, userId: string, password = TEST_PASSWORD): Promise<void> {
  const hash = await bcrypt.hash(password, 4);
  await db.withTenant(tenantId, ({ trx }) => trx('users').where({ id: userId }).update({ password_hash: hash }));
}

/** The product's HTTP app with the portal, against a test database, on a free port. */
export async function startPortalServer(databaseUrl: string, env: Record<string, string> = {}, port = 0): Promise<PortalServer> {
  const runtime = await testRuntime(databaseUrl, { ADMIN_BUNDLE_DIR: mkdtempSync(path.join(tmpdir(), 'admin-bundle-')), ...env });
  const portal = await startPortal(runtime);
  const { config } = runtime;
  const server = await listen(createHttpApp({
    db: runtime.db, logger: runtime.logger, services: runtime.services, portalRouter: portal.router, webRouter: portal.web,
    trustProxy: config.trustProxy, secure: config.portal.secureCookies, publicUrl: config.http.publicUrl, clock: runtime.clock,
  }), '127.0.0.1', port);
  const url = `http://127.0.0.1:${server.port}`;

  const attempt = (email: string, password: string, headers: Record<string, string> = {}) => fetch(`${url}/admin/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ email, password }).toString(),
  });

  async function login(email: string, password: string): Promise<PortalClient> {
    const res = await attempt(email, password);
    if (res.status !== 302 || res.headers.get('location') !== '/admin') throw new Error(`login as ${email} failed: ${res.status}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const get = (pathname: string) => fetch(`${url}${pathname}`, { headers: { cookie }, redirect: 'manual' });
    const post = (pathname: string, body: Record<string, unknown> = {}) => fetch(`${url}${pathname}`, {
      method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    return {
      cookie, get, post,
      async json(pathname, body) {
        const res = body === undefined ? await get(pathname) : await post(pathname, body);
        const text = await res.text();
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* HTML or plain text: kept as is */ }
        return { status: res.status, body: parsed as never };
      },
    };
  }

  return {
    url, runtime, login, attempt,
    async close() {
      await server.close(1000);
      await portal.close();
      await runtime.close();
    },
  };
}

/** A test file's own database with the demo tenant, its portal, and one demo person signed in. */
export interface DemoPortal {
  t: TestDatabase;
  demo: DemoIds;
  portal: PortalServer;
  client: PortalClient;
  close(): Promise<void>;
}

export async function startDemoPortal(as: 'admin' | 'auditor', env: Record<string, string> = {}): Promise<DemoPortal> {
  const t = await createTestDatabase();
  const demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users[as]);
  const portal = await startPortalServer(t.url, env);
  const client = await portal.login(`${as}@demo.example`, TEST_PASSWORD);
  return {
    t, demo, portal, client,
    async close() {
      await portal.close();
      await t.drop();
    },
  };
}

/** A PDF of `size` bytes, stored and uploaded through the product by a person of the demo tenant (channel portal). */
export async function uploadDemoPdf(portal: PortalServer, demo: DemoIds, as: keyof DemoIds['users'], item: string, fileName: string, size: number, now: Date): Promise<{ id: string; bytes: Buffer }> {
  const head = Buffer.from(`%PDF-1.7\n${fileName}\n`);
  const bytes = Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 32)]);
  const key = `${demo.tenantId}/${item}/${fileName}`;
  await portal.runtime.services.storage.put(key, Readable.from([bytes]), 'application/pdf');
  const { evidence } = await runAsUser(portal.runtime.db, demo.tenantId, demo.users[as], (unit, actor) => submitEvidence(unit, actor, {
    instanceId: item, channel: 'portal',
    file: { fileName, contentType: 'application/pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey: key },
  }, now));
  return { id: evidence.id, bytes };
}
