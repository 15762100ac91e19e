import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { demoAdminInBrowser, screenshot, type DemoAdminInBrowser } from '../support/browser.js';
import type { TestDatabase } from '../support/db.js';
import type { DemoIds } from '../support/demo.js';
import type { PortalServer } from '../support/portal.js';

/**
 * "Change tracking start" in a browser: the preview says how many items an earlier start makes
 * and how many are already overdue, and nothing changes until the admin confirms.
 */

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let page: Page;
let session: DemoAdminInBrowser;

beforeAll(async () => {
  session = await demoAdminInBrowser();
  ({ t, demo, portal, page } = session);
});
afterAll(async () => {
  await session?.close();
});

const state = async () => (await t.superuser<{ start: string; items: number }>(
  "SELECT to_char(tracking_start_date, 'YYYY-MM-DD') AS start, (SELECT count(*)::int FROM compliance_instances WHERE tenant_id = $1) AS items FROM tenants WHERE id = $1", [demo.tenantId])).rows[0]!;

describe('Change tracking start', () => {
  it('previews "N item(s) will be made, M of them already overdue", changes nothing, then makes them on confirm', async () => {
    const before = await state();
    expect(before.start).toBe('2026-11-01');
    await page.goto(`${portal.url}/admin/resources/tenants/records/${demo.tenantId}/trackingStart`);
    await page.locator('input[name="tracking_start_date"]').fill('2026-04-01');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('preview');
    await preview.filter({ hasText: 'Moving the tracking start from 1 Nov 2026 to 1 Apr 2026' }).waitFor();
    const message = (await preview.textContent())!;
    const [, made, overdue] = /(\d+) item\(s\) will be made, (\d+) of them already overdue/.exec(message)!;
    expect(Number(made)).toBeGreaterThan(0);
    await screenshot(page, 'tracking-start-preview.png');
    expect(await state()).toEqual(before);

    await page.getByRole('button', { name: 'Move the tracking start and make the items' }).click();
    await page.getByTestId('done').filter({ hasText: `${made} item(s) made, ${overdue} of them overdue` }).waitFor();
    expect(await state()).toEqual({ start: '2026-04-01', items: before.items + Number(made) });
    await page.goto(`${portal.url}/admin/resources/tenants/records/${demo.tenantId}/show`);
    await page.getByTestId('property-show-tracking_start_date').filter({ hasText: '1 Apr 2026' }).waitFor();
    await screenshot(page, 'tenant-show.png');
  });
});
