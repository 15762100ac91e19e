import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startServerProcess } from '../support/server-process.js';

let t: TestDatabase;
let server: Awaited<ReturnType<typeof startServerProcess>>;
const PORT = 30000 + Math.floor(Math.random() * 5000);
const base = `http://127.0.0.1:${PORT}`;
const PROXIED = { 'x-forwarded-proto': 'https' };

beforeAll(async () => {
  t = await createTestDatabase();
  // The compiled build, as deployed: tsc output plus the portal's .jsx components.
  execFileSync('npm', ['run', 'build'], { stdio: 'pipe' });
  server = await startServerProcess({
    NODE_ENV: 'production', DATABASE_URL: t.url, APP_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('hex'), PORT: String(PORT),
    PUBLIC_URL: 'https://compliance.example.com', SCHEDULER: 'off', LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'a long production password', ADMIN_BUNDLE_DIR: mkdtempSync(path.join(tmpdir(), 'bundle-')),
  }, 120_000, ['dist/app/main.js']);
}, 240_000);
afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  await t?.drop();
});

it('serves the portal from the compiled build in production: secure session cookie, custom components bundled', async () => {
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...PROXIED },
    body: new URLSearchParams({ email: 'ops@example.com', password: 'a long production password' }).toString(),
  });
  expect(login.status).toBe(302);
  const setCookie = login.headers.getSetCookie().join('\n');
  expect(setCookie).toMatch(/compliance_os_admin=[^;]+;.*HttpOnly/i);
  expect(setCookie).toMatch(/; Secure/i);
  const cookie = setCookie.split(';')[0]!;

  const bundle = await fetch(`${base}/admin/frontend/assets/components.bundle.js`, { headers: { cookie, ...PROXIED } });
  expect(bundle.status).toBe(200);
  const code = await bundle.text();
  // Our components, minified into AdminJS's custom bundle.
  expect(code).toContain('Dashboard');
  expect(code).toContain('PreviewConfirm');
  const dashboard = await fetch(`${base}/admin/api/dashboard`, { headers: { cookie, ...PROXIED } });
  expect(await dashboard.json()).toEqual({ kind: 'platform', tenants: [] });
}, 60_000);

it('refuses the portal API without a session', async () => {
  const res = await fetch(`${base}/admin/api/resources/entities/actions/list`, { redirect: 'manual', headers: PROXIED });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/admin/login');
});
