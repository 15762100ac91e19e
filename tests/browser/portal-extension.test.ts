import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { demoAdminInBrowser, screenshot, type DemoAdminInBrowser } from '../support/browser.js';
import type { PortalServer } from '../support/portal.js';

/**
 * "Apply an extension" in a browser: the preview names each open item that moves as the items
 * list names it (obligation, entity, registration, period), with its old and new due dates.
 */

let portal: PortalServer;
let page: Page;
let session: DemoAdminInBrowser;

beforeAll(async () => {
  session = await demoAdminInBrowser();
  ({ portal, page } = session);
});
afterAll(async () => {
  await session?.close();
});

describe('Apply an extension', () => {
  it('previews the items that move by name, with the due date now and after', async () => {
    await page.goto(`${portal.url}/admin/resources/due_date_overrides/actions/applyNew`);
    await page.locator('input[name="code"]').fill('GSTR3B_MONTHLY');
    await page.locator('input[name="period_key"]').fill('2026-11');
    await page.locator('input[name="extended_due_date"]').fill('2026-12-27');
    await page.locator('input[name="reference"]').fill('Notification 17/2026-CT');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('preview');
    await preview.filter({ hasText: 'open item(s) will move' }).waitFor();
    const row = preview.getByRole('row').filter({ hasText: 'Demo Manufacturing' });
    expect((await row.getByRole('cell').allTextContents()).map((c) => c.trim()))
      .toEqual(['GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026', '20 Dec 2026', '27 Dec 2026']);
    expect(await preview.textContent()).not.toContain('GSTR3B_MONTHLY');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'extension-preview.png');
  });
});
