import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aBacklogTenant, BACKLOG_ADMIN, BACKLOG_CLOCK_AT } from '../mothers/backlog-tenant.js';
import { contextIn, launchChromium, screenshot, signedInPage } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

/**
 * The dashboard as a tenant admin sees it with a backlog (61 overdue, 3 due this week, 2 failed
 * and 1 dead notification): each count is the true one, the lists say how many more there are,
 * and each link opens the Items or Notifications list with as many rows as it said.
 */

let t: TestDatabase;
let portal: PortalServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  t = await createTestDatabase();
  await (await aBacklogTenant(TEST_PASSWORD)).build(t.db);
  portal = await startPortalServer(t.url, { CLOCK_AT: BACKLOG_CLOCK_AT });
  browser = await launchChromium();
  context = await contextIn(browser, 'Asia/Kolkata');
  page = await signedInPage(context, portal.url, BACKLOG_ADMIN, TEST_PASSWORD);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await portal?.close();
  await t?.drop();
});

const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim();

/** The count AdminJS shows beside a list's title ("Items 61"), after following a link to it. */
async function listCountAfter(testId: string, resource: string, title: string): Promise<number> {
  await page.goto(`${portal.url}/admin`);
  await page.getByTestId(testId).click();
  await page.waitForURL(new RegExp(`/admin/resources/${resource}\\?`));
  const badge = page.locator('h2').filter({ hasText: title }).first();
  await badge.waitFor();
  await page.getByRole('row').nth(1).waitFor();
  return Number((await badge.textContent())!.replace(/\D/g, ''));
}

describe('the dashboard with a backlog', () => {
  it('says 61 overdue, lists 20 and "and 41 more", and still shows the 3 due this week', async () => {
    await page.goto(`${portal.url}/admin`);
    await page.getByTestId('dashboard').waitFor();
    expect(await text('overdue-count')).toBe('61 overdue');
    expect(await text('overdue-more')).toBe('and 41 more');
    expect(await page.getByTestId('overdue').getByRole('row').count()).toBe(21);
    expect(await text('next14-count')).toBe('3 due in the next 14 days (today to 16 Nov 2026)');
    expect(await page.getByTestId('next14').getByRole('row').allTextContents()).toEqual([
      expect.stringContaining('Due'), expect.stringContaining('3 Nov 2026'), expect.stringContaining('5 Nov 2026'), expect.stringContaining('7 Nov 2026'),
    ]);
    // Each tile says what it counts; each item's status is in words, in its colour.
    expect(await page.getByTestId('rag-totals').locator('a').allTextContents()).toEqual(['61overdue', '3due soon or rejected', expect.stringMatching(/^\d+on track or done$/)]);
    expect(await page.getByTestId('overdue').locator('[data-status="pending"]').first().textContent()).toBe('Pending');
    expect(await text('outbox-failed')).toBe('2 failed');
    expect(await text('outbox-dead')).toBe('1 dead');
    await screenshot(page, 'dashboard-backlog.png');
    // AdminJS scrolls inside its own pane: the lower lists are captured once scrolled to.
    await page.getByTestId('outbox').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-backlog-lower.png');
  });

  it('each link opens a list with as many rows as it counted', async () => {
    expect(await listCountAfter('overdue-count', 'compliance_instances', 'Items')).toBe(61);
    expect(await listCountAfter('next14-count', 'compliance_instances', 'Items')).toBe(3);
    await screenshot(page, 'dashboard-next14-list.png');
    expect(await listCountAfter('outbox-failed', 'notifications', 'Notifications')).toBe(2);
    // A moment names its time zone (this browser's, India's).
    expect(await page.getByTestId('property-list-created_at').first().textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} (IST|GMT\+5:30)$/);
    await screenshot(page, 'notifications-failed.png');
    expect(await listCountAfter('outbox-dead', 'notifications', 'Notifications')).toBe(1);
  });
});
