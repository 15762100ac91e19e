import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contextIn, launchChromium, screenshot, signedInPage } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

/**
 * Dates typed into the portal by browsers east and west of UTC (India, UTC+05:30; California,
 * UTC−08:00): the day typed is the day stored and the day filtered by, lists read it as
 * 25 Dec 2026, and a day that does not exist is explained under the field, not moved.
 */

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await t?.drop();
});

const storedDays = async (name: string) =>
  (await t.superuser("SELECT to_char(holiday_date, 'YYYY-MM-DD') AS day FROM holidays WHERE name = $1", [name])).rows.map((r) => r.day);

describe.each([
  ['India', 'Asia/Kolkata', '2027'],
  ['California', 'America/Los_Angeles', '2028'],
])('dates in the portal from a browser in %s (%s)', (place, timezoneId, rangeYear) => {
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) => screenshot(page, `dates-${place.toLowerCase()}-${name}.png`);

  beforeAll(async () => {
    context = await contextIn(browser, timezoneId);
    page = await signedInPage(context, portal.url, 'admin@demo.example', TEST_PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Fills the New holiday form as a person types, and saves. */
  async function typeHoliday(day: string, name: string): Promise<void> {
    await page.goto(`${portal.url}/admin/resources/holidays/actions/new`);
    await page.getByTestId('property-edit-holiday_date').locator('input').pressSequentially(day);
    await page.locator('input[name="name"]').fill(name);
    await page.getByRole('button', { name: 'Save' }).click();
  }

  /** Opens a list's filter, types the from and to days of a date column, and applies them. */
  async function filterByDays(resource: string, column: string, from: string, to: string): Promise<void> {
    await page.goto(`${portal.url}/admin/resources/${resource}`);
    // AdminJS renders its Filter button as an anchor without href: found by its data-css name.
    await page.locator(`[data-css="${resource}-filter-button"]`).click();
    await page.locator(`input[name="filter-${column}~~from"]`).fill(from);
    await page.locator(`input[name="filter-${column}~~to"]`).fill(to);
    await page.getByRole('button', { name: 'Apply changes' }).click();
    await page.waitForURL((url) => url.searchParams.get(`filters.${column}~~from`) === from && url.searchParams.get(`filters.${column}~~to`) === to);
  }

  it('stores 25 Dec 2026 as typed (not the day before or after) and lists it as 25 Dec 2026', async () => {
    const name = `Christmas (typed in ${place})`;
    await typeHoliday('2026-12-25', name);
    await page.waitForURL(/\/admin\/resources\/holidays(\?|$)/);
    expect(await storedDays(name)).toEqual(['2026-12-25']);
    await page.goto(`${portal.url}/admin/resources/holidays?filters.name=${encodeURIComponent(name)}`);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.first().waitFor();
    expect(await row.getByTestId('property-list-holiday_date').textContent()).toBe('25 Dec 2026');
    await shot('holiday-list');
    // One holiday a day per tenant: the next browser types the same day.
    await t.superuser('DELETE FROM holidays WHERE name = $1', [name]);
  });

  it('explains 29 Feb 2026 under the field and stores nothing (not 1 Mar, not 28 Feb)', async () => {
    const name = `Not a day (typed in ${place})`;
    await typeHoliday('2026-02-29', name);
    await page.getByTestId('property-edit-holiday_date').getByText('2026-02-29 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.').waitFor();
    expect(await storedDays(name)).toEqual([]);
  });

  it('filters the holidays by the days typed as from and to', async () => {
    const tag = place.toLowerCase();
    await t.superuser(`INSERT INTO holidays (tenant_id, holiday_date, name) VALUES
      ($1, $5::date - 1, $2), ($1, $5::date, $3), ($1, $5::date + 1, $4)`, [demo.tenantId, `Before the range ${tag}`, `First day of the range ${tag}`, `Last day of the range ${tag}`, `${rangeYear}-01-25`]);
    await filterByDays('holidays', 'holiday_date', `${rangeYear}-01-25`, `${rangeYear}-01-26`);
    const rows = page.getByRole('row');
    await rows.filter({ hasText: `Last day of the range ${tag}` }).first().waitFor();
    expect(await rows.filter({ hasText: `First day of the range ${tag}` }).count()).toBe(1);
    expect(await rows.filter({ hasText: `Before the range ${tag}` }).count()).toBe(0);
  });

  it('finds the items due on the day typed into the due-date filter, and only those', async () => {
    const { rows: [due] } = await t.superuser<{ day: string; n: number }>(
      "SELECT to_char(due_date, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM compliance_instances WHERE tenant_id = $1 GROUP BY due_date ORDER BY count(*) DESC, due_date LIMIT 1", [demo.tenantId]);
    await filterByDays('compliance_instances', 'due_date', due!.day, due!.day);
    const cells = page.getByTestId('property-list-due_date');
    await cells.first().waitFor();
    const [year, month, day] = due!.day.split('-').map(Number) as [number, number, number];
    const readable = `${day} ${new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1))} ${year}`;
    expect(await cells.allTextContents()).toEqual(Array.from({ length: due!.n }, () => readable));
    await shot('items-due-filter');
  });
});
