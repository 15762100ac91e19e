import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from './db.js';
import { DEMO_CLOCK_AT, seedDemoForTest, type DemoIds } from './demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from './portal.js';

/** Where browser tests leave screenshots for people to look at (SCREENSHOT_DIR, else test-results/screenshots). */
export const SCREENSHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

/** Debian's headless chromium (CHROMIUM_PATH to use another). */
export const launchChromium = (): Promise<Browser> => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A browser in a time zone (what the person's computer is set to), waiting generously (the machine is shared). */
export async function contextIn(browser: Browser, timezoneId: string): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId, viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(Number(process.env.BROWSER_WAIT ?? 60_000));
  return context;
}

/** A page that reaches only the portal (AdminJS's login page asks for web fonts), signed in. */
export async function signedInPage(context: BrowserContext, portalUrl: string, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')));
  await page.goto(`${portalUrl}/admin/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(`${portalUrl}/admin`);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

/** The demo tenant as of the demo's moment, its portal, and its tenant admin signed in from a browser in India. */
export interface DemoAdminInBrowser {
  t: TestDatabase;
  demo: DemoIds;
  portal: PortalServer;
  page: Page;
  close(): Promise<void>;
}

/** Starts it all; `prepare` adds data once the portal runs and before the browser opens (evidence uploaded, say). */
export async function demoAdminInBrowser(prepare?: (started: Pick<DemoAdminInBrowser, 't' | 'demo' | 'portal'>) => Promise<void>): Promise<DemoAdminInBrowser> {
  const t = await createTestDatabase();
  const demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  const portal = await startPortalServer(t.url, { CLOCK_AT: DEMO_CLOCK_AT });
  await prepare?.({ t, demo, portal });
  const browser = await launchChromium();
  const context = await contextIn(browser, 'Asia/Kolkata');
  const page = await signedInPage(context, portal.url, 'admin@demo.example', TEST_PASSWORD);
  return {
    t, demo, portal, page,
    async close() {
      await context.close();
      await browser.close();
      await portal.close();
      await t.drop();
    },
  };
}
