import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

/**
 * The admin portal in a real (headless) browser, as a tenant admin uses it: sign in, create an
 * entity, assign its obligations, read the dashboard, apply a government extension and see the
 * item move; then a second tenant's admin must not see the first tenant's entity.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('test-results/screenshots');

const ENTITY = {
  name: 'Browser Test Labs',
  legal_name: 'Browser Test Labs Private Limited',
  pan: 'AABCB4321K',
  state: 'KA',
  profile: '{"has_employees": true, "tds_deductor": true}',
};

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let browser: Browser;
/** Uncaught errors in any page (a component that throws while rendering lands here). */
const pageErrors: string[] = [];
/** Requests the tests refused because they left the machine. */
const blocked = new Set<string>();

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
};

/** A page that cannot reach anything but the portal (AdminJS's login page asks for web fonts). */
async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.add(new URL(url).origin);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${portal.url}/admin/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  // AdminJS's Login button has no type=submit: find it by role and name.
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(`${portal.url}/admin`);
}

/** Picks an option of an AdminJS select (react-select) by its label. */
async function choose(page: Page, property: string, label: string): Promise<void> {
  const field = page.getByTestId(`property-edit-${property}`);
  await field.getByRole('combobox').fill(label);
  await page.getByRole('option', { name: label, exact: true }).click();
  await expect(field).toContainText(label);
}

async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await rm(SCREENSHOTS, { recursive: true, force: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await t?.drop();
});

describe('the admin portal in a browser', () => {
  let context: BrowserContext;
  let page: Page;
  let entityId: string;
  let instance: { id: string; code: string; periodKey: string; dueDate: string };
  let newDueDate: string;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // The first page also waits for the custom components bundle (built on first request in development).
    context.setDefaultTimeout(60_000);
    page = await openPage(context);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('signs the demo tenant admin in', async () => {
    await signIn(page, 'admin@demo.example', TEST_PASSWORD);
    await expect(page.getByRole('link', { name: 'Entities' }).first()).toBeVisible();
  });

  it('creates an entity through the New form', async () => {
    await page.goto(`${portal.url}/admin/resources/entities/actions/new`);
    await page.locator('input[name="name"]').fill(ENTITY.name);
    await page.locator('input[name="legal_name"]').fill(ENTITY.legal_name);
    await choose(page, 'entity_type', 'company');
    await page.locator('input[name="pan"]').fill(ENTITY.pan);
    await page.locator('input[name="state"]').fill(ENTITY.state);
    await choose(page, 'gst_mode', 'monthly');
    await page.locator('textarea[name="profile"]').fill(ENTITY.profile);
    await page.getByRole('button', { name: 'Save' }).click();

    await page.waitForURL(/\/admin\/resources\/entities\/records\/[0-9a-f-]{36}\/show$/);
    entityId = /records\/([0-9a-f-]{36})\/show/.exec(page.url())![1]!;
    await expect(page.getByTestId('property-show-name')).toContainText(ENTITY.name);
    await expect(page.getByTestId('property-show-pan')).toContainText(ENTITY.pan);

    const { rows } = await t.superuser('SELECT tenant_id, entity_type, gst_mode, state, profile FROM entities WHERE id = $1', [entityId]);
    expect(rows[0]).toEqual({ tenant_id: demo.tenantId, entity_type: 'company', gst_mode: 'monthly', state: 'KA', profile: { has_employees: true, tds_deductor: true } });
  });

  it('assigns the applicable masters after a preview', async () => {
    await page.getByRole('link', { name: 'Assign applicable masters' }).or(page.getByRole('button', { name: 'Assign applicable masters' })).first().click();
    await page.waitForURL(`${portal.url}/admin/resources/entities/records/${entityId}/assignApplicable`);
    const form = page.getByTestId('preview-confirm');
    const preview = form.getByTestId('preview');
    await expect(preview).toContainText('applicable obligation(s) will be assigned');
    await expect(preview.getByRole('row').filter({ hasText: 'TDS_DEPOSIT' })).toContainText('will be');
    await expect(preview.getByRole('row').filter({ hasText: 'GSTR3B_MONTHLY' })).toContainText('will be');

    await form.getByRole('button', { name: 'Assign and generate items' }).click();
    await expect(form.getByTestId('done')).toContainText(/Assigned [1-9]\d* obligation\(s\); [1-9]\d* item\(s\) generated\./);

    const { rows } = await t.superuser<{ n: string }>('SELECT count(*) AS n FROM compliance_instances WHERE entity_id = $1', [entityId]);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  it('lists the new entity on the dashboard with its items', async () => {
    await page.goto(`${portal.url}/admin`);
    const byEntity = page.getByTestId('dashboard').getByTestId('rag-by-entity');
    const row = byEntity.getByRole('row').filter({ hasText: ENTITY.name });
    await expect(row).toHaveCount(1);
    const counts = (await row.getByRole('cell').allTextContents()).slice(1).map(Number);
    expect(counts).toHaveLength(3);
    expect(counts.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    const { rows } = await t.superuser<{ n: string }>(
      "SELECT count(*) AS n FROM compliance_instances WHERE entity_id = $1 AND status IN ('pending', 'submitted', 'rejected')", [entityId]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(Number(rows[0]!.n) + 0 || Infinity);

    const file = await screenshot(page, 'dashboard.png');
    expect((await stat(file)).size).toBeGreaterThan(0);
  });

  it('applies an extension after a preview, and the item shows the new due date', async () => {
    const { rows } = await t.superuser<{ id: string; code: string; period_key: string; due_date: string }>(
      `SELECT i.id, m.code, i.period_key, to_char(i.due_date, 'YYYY-MM-DD') AS due_date
         FROM compliance_instances i JOIN compliance_masters m ON m.id = i.master_id
        WHERE i.entity_id = $1 AND m.code IN ('TDS_DEPOSIT', 'GSTR3B_MONTHLY') AND i.status = 'pending' AND i.due_date >= CURRENT_DATE
        ORDER BY i.due_date, m.code LIMIT 1`, [entityId]);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    instance = { id: row.id, code: row.code, periodKey: row.period_key, dueDate: row.due_date };
    newDueDate = addDays(instance.dueDate, 10);

    await page.goto(`${portal.url}/admin/resources/due_date_overrides`);
    await page.getByRole('link', { name: 'Apply an extension' }).or(page.getByRole('button', { name: 'Apply an extension' })).first().click();
    await page.waitForURL(`${portal.url}/admin/resources/due_date_overrides/actions/applyNew`);
    const form = page.getByTestId('preview-confirm');
    await form.locator('#code').fill(instance.code);
    await form.locator('#period_key').fill(instance.periodKey);
    await form.locator('#extended_due_date').fill(newDueDate);
    await form.locator('#reference').fill('Notification 99/2026 (browser test)');
    await form.locator('#note').fill('Moved by the browser test');
    await form.getByRole('button', { name: 'Preview' }).click();

    const preview = form.getByTestId('preview');
    await expect(preview).toContainText('open item(s) will move');
    await expect(preview.getByRole('row').filter({ hasText: instance.code }).filter({ hasText: instance.periodKey }).filter({ hasText: newDueDate }).first()).toBeVisible();
    // Nothing changed yet.
    const before = await t.superuser<{ due: string }>("SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM compliance_instances WHERE id = $1", [instance.id]);
    expect(before.rows[0]!.due).toBe(instance.dueDate);

    await form.getByRole('button', { name: 'Apply the extension' }).click();
    await expect(form.getByTestId('done')).toContainText(/Extension applied: [1-9]\d* open item\(s\) moved/);

    await page.goto(`${portal.url}/admin/resources/compliance_instances/records/${instance.id}/show`);
    await expect(page.getByTestId('property-show-due_date')).toContainText(newDueDate);
    await expect(page.getByTestId('property-show-extended_due_date')).toContainText(newDueDate);
    await expect(page.getByTestId('property-show-statutory_due_date')).toContainText(instance.dueDate);
    await expect(page.getByTestId('property-show-extension_reference')).toContainText('Notification 99/2026 (browser test)');
    const timeline = page.getByTestId('property-show-timeline');
    await expect(timeline).toContainText('instance.due_date_changed');
    await expect(timeline).toContainText(newDueDate);

    const file = await screenshot(page, 'instance.png');
    expect((await stat(file)).size).toBeGreaterThan(0);
  });

  it('another tenant’s admin cannot open that entity by its URL', async () => {
    const { rows: [tenant] } = await t.superuser<{ id: string }>("INSERT INTO tenants (slug, name) VALUES ('other', 'Other Group') RETURNING id");
    const { rows: [user] } = await t.superuser<{ id: string }>(
      "INSERT INTO users (tenant_id, email, name) VALUES ($1, 'admin@other.example', 'Olga Other') RETURNING id", [tenant!.id]);
    await t.superuser("INSERT INTO role_assignments (tenant_id, user_id, role) VALUES ($1, $2, 'tenant_admin')", [tenant!.id, user!.id]);
    await setPassword(t.db, tenant!.id, user!.id);

    const other = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    other.setDefaultTimeout(60_000);
    try {
      const otherPage = await openPage(other);
      await signIn(otherPage, 'admin@other.example', TEST_PASSWORD);
      await otherPage.goto(`${portal.url}/admin/resources/entities/records/${entityId}/show`);
      await expect(otherPage.getByTestId('NoRecordError')).toBeVisible();
      const text = await otherPage.locator('body').innerText();
      for (const secret of [ENTITY.name, ENTITY.legal_name, ENTITY.pan]) expect(text).not.toContain(secret);
      await expect(otherPage.getByTestId('property-show-name')).toHaveCount(0);
    } finally {
      await other.close();
    }
  });

  it('rendered every page without an uncaught error and reached nothing off the machine', () => {
    expect(pageErrors).toEqual([]);
    // The login page's web fonts were asked for and refused (proof that the block works).
    expect([...blocked].every((origin) => !isLocal(origin))).toBe(true);
  });
});
