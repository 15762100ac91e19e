import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { contextIn, launchChromium } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

/**
 * How long the portal's pages take in a browser (Chromium, Asia/Kolkata), as an admin meets
 * them: the login page on a browser that has never seen the portal (nothing cached), signing in
 * and landing on the dashboard, then each page opened from the address bar, twice. "Usable" is
 * from the navigation to the page's own content on screen. Written to
 * test-results/portal-timings.json; the figures are reported, not asserted (speed is measured,
 * not tested): each step asserts only that its page shows what it is for.
 */

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let browser: Browser;
const timings: { page: string; visit: 'first' | 'again'; usableMs: number }[] = [];
const ROUNDS = 3;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url, { CLOCK_AT: DEMO_CLOCK_AT });
  browser = await launchChromium();
});

afterAll(async () => {
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;
  const of = (visit: string) => timings.filter((x) => x.visit === visit).map((x) => x.usableMs);
  const summary = {
    loads: timings.length,
    usable_ms: { p50: pct(timings.map((x) => x.usableMs), 50), p95: pct(timings.map((x) => x.usableMs), 95) },
    first_visit_ms: { p50: pct(of('first'), 50), p95: pct(of('first'), 95) },
    again_ms: { p50: pct(of('again'), 50), p95: pct(of('again'), 95) },
    timings,
  };
  await mkdir(path.resolve('test-results'), { recursive: true });
  await writeFile(path.resolve('test-results/portal-timings.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`portal timings: ${JSON.stringify({ ...summary, timings: undefined })}\n`);
  await browser?.close();
  await portal?.close();
  await t?.drop();
});

/** Milliseconds from now until `ready` is on screen. */
async function usableAfter(start: () => Promise<unknown>, ready: Locator): Promise<number> {
  const started = Date.now();
  await start();
  await ready.waitFor();
  return Date.now() - started;
}

describe('the portal’s pages in a browser', () => {
  it('signs in on a fresh browser to the dashboard, then opens each page, every one showing its content', async () => {
    const item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
    const pages: [string, string, (page: Page) => Locator][] = [
      ['dashboard', '/admin', (page) => page.getByTestId('overdue-count')],
      ['items', `/admin/resources/compliance_instances?filters.entity_id=${demo.entities.manufacturing}`, (page) => page.getByTestId('property-list-item').first()],
      ['item', `/admin/resources/compliance_instances/records/${item}/show`, (page) => page.getByTestId('property-show-item')],
      ['entity edit', `/admin/resources/entities/records/${demo.entities.manufacturing}/edit`, (page) => page.getByTestId('property-edit-profile')],
      ['people', '/admin/resources/users', (page) => page.getByRole('row').filter({ hasText: 'Priya' }).first()],
      ['audit log', '/admin/resources/audit_log', (page) => page.getByRole('row').nth(1)],
    ];
    for (let round = 0; round < ROUNDS; round += 1) {
      const context = await contextIn(browser, 'Asia/Kolkata');
      const page = await context.newPage();
      await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')));
      const email = page.locator('input[name="email"]');
      timings.push({ page: 'login', visit: 'first', usableMs: await usableAfter(() => page.goto(`${portal.url}/admin/login`), email) });
      await email.fill('admin@demo.example');
      await page.locator('input[name="password"]').fill(TEST_PASSWORD);
      const dashboard = page.getByTestId('overdue-count');
      timings.push({ page: 'dashboard', visit: 'first', usableMs: await usableAfter(() => page.getByRole('button', { name: 'Login' }).click(), dashboard) });
      expect(await dashboard.textContent()).toMatch(/^\d+ overdue/);
      for (const [name, pathname, ready] of pages) {
        for (let visit = 0; visit < 2; visit += 1) {
          timings.push({ page: name, visit: 'again', usableMs: await usableAfter(() => page.goto(`${portal.url}${pathname}`), ready(page)) });
        }
      }
      await context.close();
    }
  });
});
