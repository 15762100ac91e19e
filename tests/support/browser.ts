import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where browser tests leave screenshots for people to look at (SCREENSHOT_DIR, else test-results/screenshots). */
export const SCREENSHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

/** Debian's headless chromium (CHROMIUM_PATH to use another). */
export const launchChromium = (): Promise<Browser> => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A browser in a time zone (what the person's computer is set to), waiting long enough for the first bundle. */
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
