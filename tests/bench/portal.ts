import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { syncShippedLibrary } from '../support/engine.js';
import { createHttpApp, listen } from '../../app/http/server.js';
import { createLogger } from '../../infra/logger.js';
import { localStorage } from '../../infra/storage/local-storage.js';
import { createSessions } from '../../infra/portal/sessions.js';
import { createSummaryCache } from '../../infra/cache/redis.js';
import { buildWeb } from '../../web/index.js';
import { benchDatabase, printResult, seedOpenInstances } from './harness.js';

/**
 * The portal's pages a tenant admin uses most, over HTTP against 1,000,000 items in 200 tenants
 * (5,000 per tenant): each request repeated, latency percentiles printed. Every request runs in
 * the tenant's row-level-security scope and re-checks the person's access, as in production.
 */
const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 50);
const PASSWORD = 'bench portal password';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function benchPortal(): Promise<void> {
  const { db, url: databaseUrl, close } = await benchDatabase(8);
  process.env.ADMIN_JS_TMP_DIR = mkdtempSync(path.join(tmpdir(), 'bench-admin-'));
  const { buildPortal } = await import('../../admin/index.js');
  try {
    await syncShippedLibrary(db);
    await seedOpenInstances(db, TENANTS, INSTANCES);
    const tenant = await db.owner('tenants').where({ slug: 'bench-1' }).first('id');
    const [admin] = await db.owner('users').insert({ tenant_id: tenant.id, email: 'admin@bench-1.example', name: 'Bench Admin', password_hash: await bcrypt.hash(PASSWORD, 4) }).returning('id');
    await db.owner('role_assignments').insert({ tenant_id: tenant.id, user_id: admin.id, role: 'tenant_admin' });
    const entity = await db.owner('entities').where({ tenant_id: tenant.id }).first('id');
    const item = await db.owner('compliance_instances').where({ tenant_id: tenant.id }).first('id');

    const logger = createLogger('silent');
    const appSecret = 'b'.repeat(40);
    const sessions = createSessions({ databaseUrl, appSecret, secureCookies: false, logger });
    const storage = localStorage(mkdtempSync(path.join(tmpdir(), 'bench-files-')));
    const clock = { now: () => new Date() };
    const portal = await buildPortal({
      db, sessions, logger, production: false, appSecret, secureCookies: false, publicUrl: 'http://127.0.0.1', redis: undefined,
      storage, bundleDir: process.env.ADMIN_JS_TMP_DIR, clock,
    });
    const web = buildWeb({
      db, sessions, logger, clock, publicUrl: 'http://127.0.0.1', redis: undefined, storage, cache: createSummaryCache(undefined),
      mailer: { send: async () => undefined }, evidenceMaxBytes: 25 * 1024 * 1024,
    });
    const server = await listen(createHttpApp({ db, logger, portalRouter: portal.router, webRouter: web }), '127.0.0.1', 0);
    const base = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${base}/admin/login`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@bench-1.example', password: PASSWORD }).toString(),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const pages: Record<string, string> = {
      'items list, page 1': '/admin/api/resources/compliance_instances/actions/list',
      'items list, page 400': '/admin/api/resources/compliance_instances/actions/list?page=400',
      'items filtered by RAG red': '/admin/api/resources/compliance_instances/actions/list?filters.rag=red',
      'items by entity + status + due range': `/admin/api/resources/compliance_instances/actions/list?filters.entity_id=${entity.id}&filters.status=pending&filters.due_date~~from=2026-12-01&filters.due_date~~to=2027-03-31`,
      'item page with timeline': `/admin/api/resources/compliance_instances/records/${item.id}/show`,
      'audit log list': '/admin/api/resources/audit_log/actions/list',
      dashboard: '/admin/api/dashboard',
      'web: my work': '/work',
      'web: item page': `/items/${item.id}`,
    };
    try {
      for (const [name, pathname] of Object.entries(pages)) {
        const times: number[] = [];
        let total: unknown;
        for (let i = 0; i < REPEATS + 3; i++) {
          const start = process.hrtime.bigint();
          const res = await fetch(`${base}${pathname}`, { headers: { cookie } });
          const body = (pathname.startsWith('/admin') ? await res.json() : (await res.text(), {})) as { meta?: { total: number } };
          if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
          if (i >= 3) times.push(Number(process.hrtime.bigint() - start) / 1e6); // first three warm up
          total = body.meta?.total;
        }
        times.sort((a, b) => a - b);
        printResult({
          bench: 'portal', page: name, tenant_items: INSTANCES / TENANTS, ...(total !== undefined ? { total } : {}),
          requests: times.length, p50_ms: +percentile(times, 50).toFixed(1), p95_ms: +percentile(times, 95).toFixed(1), max_ms: +times.at(-1)!.toFixed(1),
        });
      }
    } finally {
      await server.close(1000);
      await sessions.close();
    }
  } finally {
    await close();
  }
}
