import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page, Request } from 'playwright-core';
import { demoAdminInBrowser, screenshot, type DemoAdminInBrowser } from '../support/browser.js';
import type { TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, type DemoIds } from '../support/demo.js';
import { uploadDemoPdf, type PortalServer } from '../support/portal.js';

/**
 * The portal's pages as a finance person reads them (Chromium, Asia/Kolkata): page titles in
 * words, items named by obligation, entity, registration and period, RAG in its colour, roles
 * by name, the item on every evidence and audit row, sizes in KB; and what a page costs: well
 * under 1.5 MB over the wire where AdminJS's development scripts were 25 MB.
 */
let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let page: Page;
let session: DemoAdminInBrowser;
let gstr3b: string;
const GSTR3B = 'GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026';

beforeAll(async () => {
  session = await demoAdminInBrowser(async (started) => {
    gstr3b = await instanceId(started.t.db, started.demo.tenantId, started.demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
    await uploadDemoPdf(started.portal, started.demo, 'owner', gstr3b, 'gstr3b-nov-2026.pdf', 250_000, DEMO_NOW);
  });
  ({ t, demo, portal, page } = session);
});
afterAll(async () => {
  await session?.close();
});

const heading = (title: string) => page.locator('h2').filter({ hasText: title }).first();
/** A list's row holding the text. */
const row = (text: string) => page.getByRole('row').filter({ hasText: text }).first();
/** The colour a badge is painted in (this file is type-checked without the DOM library). */
const background = (locator: Locator) => locator.evaluate((element) =>
  (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(element).backgroundColor);

/** Opens a page and waits until `ready` shows; the bytes it took over the wire (compressed) and how long. */
async function open(pathname: string, ready: () => Locator): Promise<{ bytes: number; ms: number }> {
  const sizes: Promise<number>[] = [];
  const count = (request: Request) => sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  page.on('requestfinished', count);
  const started = Date.now();
  await page.goto(`${portal.url}${pathname}`);
  await ready().waitFor();
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', count);
  return { bytes: (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0), ms };
}

describe('the portal’s pages, readable', () => {
  it('lists items by name, titled "Items", with RAG and status in colour, in well under 1.5 MB', async () => {
    const cost = await open(`/admin/resources/compliance_instances?filters.entity_id=${demo.entities.manufacturing}&perPage=50`, () => row(GSTR3B));
    await heading('Items').waitFor();
    // The filter's count badge sits beside the title: no "List" anywhere in it.
    expect(await page.locator('h2').first().textContent()).toMatch(/^Items\s*\d+$/);
    const item = row(GSTR3B);
    // Submitted, due 20 Dec: green, in green.
    const rag = item.getByTestId('property-list-rag').locator('[data-rag]');
    expect(await rag.textContent()).toBe('Green');
    expect(await background(rag)).toBe('rgb(30, 132, 73)');
    // Amber ones (due within the week) are amber.
    const amber = page.locator('[data-rag="amber"]').first();
    expect(await background(amber)).toBe('rgb(214, 137, 16)');
    // The status in words and a colour of its own: awaiting approval in blue, still to file outlined.
    const status = item.getByTestId('property-list-status').locator('[data-status]');
    expect(await status.textContent()).toBe('Submitted, awaiting approval');
    expect(await background(status)).toBe('rgb(31, 95, 168)');
    expect(await background(page.locator('[data-status="pending"]').first())).toBe('rgb(255, 255, 255)');
    // No code, no period key as an item's name.
    const names = await page.getByTestId('property-list-item').allTextContents();
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(name).not.toMatch(/[A-Z0-9]+_[A-Z0-9_]+|· \d{4}-\d{2}$/);
    expect(cost.bytes).toBeLessThan(1_500_000);
    process.stdout.write(`item list: ${(cost.bytes / 1024).toFixed(0)} KB over the wire, usable after ${cost.ms} ms\n`);
    await screenshot(page, 'readable-items.png');
  });

  it('opens an item titled "Item details" with its name first', async () => {
    const cost = await open(`/admin/resources/compliance_instances/records/${gstr3b}/show`, () => page.getByTestId('property-show-item'));
    await heading('Item details').waitFor();
    expect(await page.getByTestId('property-show-item').textContent()).toContain(GSTR3B);
    expect(await page.getByTestId('property-show-rag').locator('[data-rag]').textContent()).toBe('Green');
    expect(await page.getByTestId('property-show-status').locator('[data-status]').textContent()).toBe('Submitted, awaiting approval');
    // The period as people say it, not its key.
    const period = await page.getByTestId('property-show-period').textContent();
    expect(period).toContain('Nov 2026');
    expect(period).not.toContain('2026-11');
    // The breadcrumbs read "Items / Details".
    expect(await page.getByText('Details', { exact: true }).count()).toBeGreaterThan(0);
    process.stdout.write(`item page: ${(cost.bytes / 1024).toFixed(0)} KB over the wire, usable after ${cost.ms} ms\n`);
    await screenshot(page, 'readable-item.png');
  });

  it('names the item on each evidence row, with its size in KB', async () => {
    await open('/admin/resources/evidence', () => row('gstr3b-nov-2026.pdf'));
    await heading('Evidence').waitFor();
    const evidence = row('gstr3b-nov-2026.pdf');
    expect(await evidence.getByTestId('property-list-instance_id').textContent()).toBe(GSTR3B);
    expect(await evidence.getByTestId('property-list-size').textContent()).toBe('244.1 KB');
    await screenshot(page, 'readable-evidence.png');
  });

  it('names the item on the audit trail’s rows, not its id', async () => {
    await open('/admin/resources/audit_log', () => row('evidence.uploaded'));
    const upload = row('evidence.uploaded');
    expect(await upload.getByTestId('property-list-item').textContent()).toBe(GSTR3B);
    expect(await upload.textContent()).not.toContain(gstr3b);
  });

  it('shows roles by name: Preparer, Approver, Tenant admin, CFO', async () => {
    await open('/admin/resources/role_assignments', () => row('Priya Preparer'));
    await heading('Roles').waitFor();
    const roles = await page.getByTestId('property-list-role').allTextContents();
    expect(roles.sort()).toEqual(['Approver', 'Auditor', 'CFO', 'Preparer', 'Tenant admin', 'Viewer']);
    await screenshot(page, 'readable-roles.png');
  });

  it('edits an entity: the state picked by name, the profile as checkboxes with their meanings', async () => {
    await open(`/admin/resources/entities/records/${demo.entities.software}/edit`, () => page.getByTestId('property-edit-profile'));
    await heading('Edit entity').waitFor();
    const state = page.getByTestId('property-edit-state');
    await state.getByRole('combobox').fill('Guj');
    await page.getByRole('option', { name: 'Gujarat', exact: true }).click();
    const profile = page.getByTestId('property-edit-profile');
    await profile.getByText('Deducts tax at source (has a TAN)').click();
    await profile.getByText('Sends goods to job workers (ITC-04)').click();
    expect(await profile.locator('textarea').count()).toBe(0);
    await screenshot(page, 'readable-entity-edit.png');
    const before = (await t.superuser<{ profile: Record<string, boolean> }>('SELECT profile FROM entities WHERE id = $1', [demo.entities.software])).rows[0]!.profile;
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/admin\/resources\/entities(\?|$)/);
    await row('Demo Software').filter({ hasText: 'Gujarat' }).waitFor();
    await open(`/admin/resources/entities/records/${demo.entities.software}/show`, () => page.getByTestId('property-show-state').filter({ hasText: 'Gujarat' }));
    await page.getByTestId('property-show-profile').filter({ hasText: 'Sends goods to job workers (ITC-04)' }).waitFor();

    const { rows: [after] } = await t.superuser<{ state: string; profile: Record<string, boolean> }>('SELECT state, profile FROM entities WHERE id = $1', [demo.entities.software]);
    expect(after!.state).toBe('GJ');
    // The two flags clicked changed (one unticked, one ticked); every other stays as it was.
    const { tds_deductor: unticked, ...others } = before;
    expect(unticked).toBe(true);
    expect(after!.profile).toEqual({ ...others, job_work: true });
  });

  it('adds a holiday for one state picked by name, listed by the state\'s name', async () => {
    await open('/admin/resources/holidays/actions/new', () => page.getByTestId('property-edit-state'));
    await page.getByTestId('property-edit-holiday_date').locator('input').pressSequentially('2026-05-01');
    await page.locator('input[name="name"]').fill('Gujarat Day (portal test)');
    await page.getByTestId('property-edit-state').getByRole('combobox').fill('Guj');
    await page.getByRole('option', { name: 'Gujarat', exact: true }).click();
    await screenshot(page, 'readable-holiday-new.png');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/admin\/resources\/holidays(\?|$)/);
    const { rows } = await t.superuser<{ state: string }>("SELECT state FROM holidays WHERE name = 'Gujarat Day (portal test)'");
    expect(rows).toEqual([{ state: 'GJ' }]);
    await open(`/admin/resources/holidays?filters.name=${encodeURIComponent('Gujarat Day (portal test)')}`, () => row('Gujarat Day (portal test)'));
    expect(await row('Gujarat Day (portal test)').getByTestId('property-list-state').textContent()).toBe('Gujarat');
  });

  it('shows a login page about the product and where everyone else signs in, no framework banner', async () => {
    const other = await page.context().browser()!.newContext();
    const login = await other.newPage();
    await login.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')));
    await login.goto(`${portal.url}/admin/login`);
    await login.getByRole('button', { name: 'Login' }).waitFor();
    const text = await login.locator('body').innerText();
    expect(text).toContain('Tenant admins and auditors sign in here with their password');
    expect(text).toContain('/sign-in');
    expect(text).not.toContain('AdminJS');
    await screenshot(login, 'portal-login.png');
    await other.close();
  });
});
