import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderEmail } from '../../core/notifications/message.js';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { contextIn, launchChromium, screenshot } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT, DEMO_NOW, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { createTenantWithEverything } from '../support/fixtures.js';
import { dispatcherDeps, recordingChannel } from '../support/outbox.js';
import { startPortalServer, type PortalServer } from '../support/portal.js';
import { captureSignInMail, type Mailbox } from '../support/web.js';

/**
 * The web pages as people use them, in Chromium on Indian time: the preparer signs in by the
 * emailed link, opens her item from a reminder email and uploads the PDF; the approver approves;
 * the uploader cannot approve her own; a viewer sees no buttons; another tenant's person sees
 * nothing. Each page's timings are written to test-results/web-timings.json.
 */

let t: TestDatabase;
let demo: DemoIds;
let server: PortalServer;
let mailbox: Mailbox;
let browser: Browser;
let reminderPath: string;
let otherPath: string;
const timings: { page: string; firstPaintMs: number; usableMs: number }[] = [];

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await createTenantWithEverything(t.db, 'other');
  server = await startPortalServer(t.url, { CLOCK_AT: DEMO_CLOCK_AT });
  mailbox = captureSignInMail(server);
  // The reminders of the demo's moment, delivered by email: the preparer's "Open" link is what she follows.
  await t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, DEMO_NOW));
  const { channel, sent } = recordingChannel();
  await runDispatcher(dispatcherDeps(t.db, channel), { concurrency: 1, idleMs: 0, shouldStop: () => false, untilEmpty: true });
  // One email lists her reminders of the sweep, each with its page: the Demo Manufacturing ones are followed.
  const reminder = sent.find((m) => m.notification.kind === 'due_soon' && m.recipient.userId === demo.users.owner)!;
  const manufacturing = new Set(reminder.items!.filter((i) => i.entityName === 'Demo Manufacturing').map((i) => `/items/${i.id}`));
  const paths = renderEmail(reminder).text.split('\n').filter((line) => line.includes('/items/'))
    .map((line) => new URL(line.slice(line.indexOf('http'))).pathname).filter((p) => manufacturing.has(p));
  [reminderPath, otherPath] = [...new Set(paths)] as [string, string];
  browser = await launchChromium();
});

afterAll(async () => {
  await mkdir(path.resolve('test-results'), { recursive: true });
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;
  const summary = {
    pages: timings.length,
    first_paint_ms: { p50: pct(timings.map((x) => x.firstPaintMs), 50), p95: pct(timings.map((x) => x.firstPaintMs), 95) },
    usable_ms: { p50: pct(timings.map((x) => x.usableMs), 50), p95: pct(timings.map((x) => x.usableMs), 95) },
    timings,
  };
  await writeFile(path.resolve('test-results/web-timings.json'), `${JSON.stringify(summary, null, 2)}\n`);
  await browser?.close();
  await server?.close();
  await t?.drop();
});

/** Opens a page and records when it first painted and when it was usable (its load event). */
async function open(page: Page, pathname: string, name: string): Promise<void> {
  await page.goto(`${server.url}${pathname}`);
  // Evaluated in the page (a string: this file is compiled without the DOM's types).
  const [paint, usable] = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    return [fp ? fp.startTime : nav.responseEnd, nav.loadEventEnd || nav.domContentLoadedEventEnd];
  })()`)) as [number, number];
  timings.push({ page: name, firstPaintMs: Math.round(paint), usableMs: Math.round(usable) });
}

/** Signs in the way a person does: types the address, opens the emailed link, presses Continue. */
async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')));
  await open(page, '/sign-in', 'sign-in');
  await page.getByLabel('Your work email').fill(email);
  const n = mailbox.sent.length + 1;
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  const link = new URL((await mailbox.nth(n)).link);
  await open(page, `${link.pathname}${link.search}`, 'sign-in link');
  await page.getByRole('button', { name: 'Continue to Compliance OS' }).click();
  await page.waitForURL(`${server.url}/work`);
  return page;
}

describe('the web pages in Chromium on Indian time', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await contextIn(browser, 'Asia/Kolkata');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the preparer signs in by the emailed link, opens her item from the reminder and uploads the PDF: version 1 with its full hash', async () => {
    const page = await signIn(context, 'owner@demo.example');
    await open(page, '/work', 'my work');
    await expect(page.getByRole('heading', { name: /To prepare \(\d+\)/ }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'web-my-work.png');
    expect(reminderPath).toMatch(/^\/items\/[0-9a-f-]{36}$/);
    await open(page, reminderPath, 'item page');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^\S.* · Demo Manufacturing · .*\d{4}/);
    await page.locator('input[type=file]').setInputFiles({ name: 'filing-proof.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Recorded filing-proof.pdf as version 1');
    await expect(page.locator('.hash').first().textContent()).resolves.toBe(`SHA-256 ${PDF_SHA}`);
    await screenshot(page, 'web-item-desktop.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, reminderPath, 'item page (390 px)');
    // Nothing wider than the phone: the page scrolls down, never sideways.
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    await screenshot(page, 'web-item-390.png');
    await open(page, '/work', 'my work (390 px)');
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    await screenshot(page, 'web-my-work-390.png');
    await page.close();
  });

  it('the uploader cannot approve her own file on the web either', async () => {
    const page = await signIn(context, 'admin@demo.example');
    await open(page, otherPath, 'item page (admin)');
    await page.locator('input[type=file]').setInputFiles({ name: 'own-proof.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Recorded own-proof.pdf as version 1');
    await expect(page.getByText('someone else has to approve it (segregation of duties)').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /^Approve/ }).count()).resolves.toBe(0);
    await page.close();
  });

  it('the approver approves it with a filing reference', async () => {
    const page = await signIn(context, 'approver@demo.example');
    await open(page, reminderPath, 'item page (approver)');
    await page.getByLabel(/Filing reference/).fill('ARN-AA271126000123');
    await page.getByRole('button', { name: 'Approve version 1' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Approved version 1');
    await expect(page.getByText('ARN-AA271126000123', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.locator('section').first().textContent()).resolves.toContain('Approved');
    await page.close();
  });

  it('a viewer sees the item and no buttons', async () => {
    const page = await signIn(context, 'viewer@demo.example');
    await open(page, reminderPath, 'item page (viewer)');
    await expect(page.locator('h1').textContent()).resolves.toContain('Demo Manufacturing');
    await expect(page.locator('button.primary, button.secondary, button.danger').count()).resolves.toBe(0);
    await page.close();
  });

  it("another tenant's person opening the link gets a not-found page with nothing of the item", async () => {
    const page = await signIn(context, 'owner@other.example');
    const response = await page.goto(`${server.url}${reminderPath}`);
    expect(response?.status()).toBe(404);
    const text = await page.locator('main').textContent();
    expect(text).toContain('No such item');
    expect(text).not.toContain('Demo Manufacturing');
    await page.close();
  });
});

