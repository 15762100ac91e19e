import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

/**
 * Dates typed into the portal by a browser in India (Asia/Kolkata, UTC+05:30): the day typed is
 * the day stored, and a day that does not exist is explained under the field, not moved.
 */

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ timezoneId: 'Asia/Kolkata', viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(Number(process.env.BROWSER_WAIT ?? 60_000));
  page = await context.newPage();
  // Only the portal itself: AdminJS's login page asks for web fonts.
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')));
  await page.goto(`${portal.url}/admin/login`);
  await page.locator('input[name="email"]').fill('admin@demo.example');
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(`${portal.url}/admin`);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await portal?.close();
  await t?.drop();
});

const storedDays = async (name: string) =>
  (await t.superuser("SELECT to_char(holiday_date, 'YYYY-MM-DD') AS day FROM holidays WHERE name = $1", [name])).rows.map((r) => r.day);

/** Fills the New holiday form as a person types, and saves. */
async function typeHoliday(day: string, name: string): Promise<void> {
  await page.goto(`${portal.url}/admin/resources/holidays/actions/new`);
  await page.getByTestId('property-edit-holiday_date').locator('input').pressSequentially(day);
  await page.locator('input[name="name"]').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
}

describe('dates in the portal from a browser in India', () => {
  it('stores the day typed (not the day before)', async () => {
    await typeHoliday('2026-12-25', 'Christmas (typed in India)');
    await page.waitForURL(/\/admin\/resources\/holidays(\?|$)/);
    expect(await storedDays('Christmas (typed in India)')).toEqual(['2026-12-25']);
  });

  it('explains 29 Feb 2026 under the field and stores nothing (not 1 Mar, not 28 Feb)', async () => {
    await typeHoliday('2026-02-29', 'Not a day (typed in India)');
    await page.getByTestId('property-edit-holiday_date').getByText('2026-02-29 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.').waitFor();
    expect(await storedDays('Not a day (typed in India)')).toEqual([]);
  });

  it('filters the list by the days typed as from and to', async () => {
    await t.superuser(`INSERT INTO holidays (tenant_id, holiday_date, name) VALUES
      ($1, '2027-01-24', 'Before the range'), ($1, '2027-01-25', 'First day of the range'), ($1, '2027-01-26', 'Last day of the range')`, [demo.tenantId]);
    await page.goto(`${portal.url}/admin/resources/holidays`);
    // AdminJS renders its Filter button as an anchor without href: found by its data-css name.
    await page.locator('[data-css="holidays-filter-button"]').click();
    await page.locator('input[name="filter-holiday_date~~from"]').fill('2027-01-25');
    await page.locator('input[name="filter-holiday_date~~to"]').fill('2027-01-26');
    await page.getByRole('button', { name: 'Apply changes' }).click();
    await page.waitForURL((url) => url.searchParams.get('filters.holiday_date~~to') === '2027-01-26');
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'Last day of the range' }).first().waitFor();
    expect(await rows.filter({ hasText: 'First day of the range' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Before the range' }).count()).toBe(0);
  });
});
