import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { itemName } from '../../core/engine/labels.js';
import { loadItemFacts } from '../../infra/outbox/listed-items.js';
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
  // Picked by name; stored as its code.
  state: 'Karnataka',
  // The profile's checkboxes ticked, by what they say.
  profile: ['Has employees on its payroll', 'Deducts tax at source (has a TAN)'],
};

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let browser: Browser;
/** Uncaught errors in any page (a component that throws while rendering lands here). */
const pageErrors: string[] = [];
/** What the Content-Security-Policy blocked on any page: directive and address. */
const cspViolations: string[] = [];
/** Origins that answered a request. */
const reached = new Set<string>();
/** The page a failing test screenshots. */
let current: Page | undefined;

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
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await page.exposeFunction('reportCspViolation', (line: string) => cspViolations.push(line));
  // Plain page script (this file is type-checked without the DOM library).
  await page.addInitScript({ content: `document.addEventListener('securitypolicyviolation', (e) =>
    window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));` });
  page.on('requestfinished', (request) => {
    if (/^https?:/.test(request.url())) reached.add(new URL(request.url()).origin);
  });
  current = page;
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
  await see(field, label);
}

/** Waits until the locator's first element shows the text (playwright-core has no web-first `expect`). */
async function see(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

/** Saves a screenshot of the page (test-results/screenshots/<name>) for people to look at. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

/** A test that leaves a screenshot of the page it was on when it fails (test-results/screenshots/failed-*.png). */
function step(name: string, work: () => Promise<void>): void {
  it(name, async () => {
    try {
      await work();
    } catch (error) {
      const file = `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
      await current?.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true }).catch(() => undefined);
      throw error;
    }
  });
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** How the previews print a date: 2026-12-17 → 17 Dec 2026. */
const shown = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
};

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
    // Generous: the machine may be busy (the components are bundled at start, not on the first page).
    context.setDefaultTimeout(Number(process.env.BROWSER_WAIT ?? 60_000));
    page = await openPage(context);
  });
  afterAll(async () => {
    await context?.close();
  });

  step('signs the demo tenant admin in', async () => {
    await signIn(page, 'admin@demo.example', TEST_PASSWORD);
    await page.getByTestId('dashboard').waitFor();
  });

  step('creates an entity through the New form', async () => {
    await page.goto(`${portal.url}/admin/resources/entities/actions/new`);
    await page.locator('input[name="name"]').fill(ENTITY.name);
    await page.locator('input[name="legal_name"]').fill(ENTITY.legal_name);
    await choose(page, 'entity_type', 'Company');
    await page.locator('input[name="pan"]').fill(ENTITY.pan);
    await choose(page, 'state', ENTITY.state);
    await choose(page, 'gst_mode', 'Monthly');
    for (const flag of ENTITY.profile) await page.getByTestId('property-edit-profile').getByText(flag, { exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).click();

    // AdminJS goes back to the list, where the new entity is a row; its show page is one click away.
    await page.waitForURL(`${portal.url}/admin/resources/entities?refresh=true`);
    await page.getByRole('row').filter({ hasText: ENTITY.name }).getByText(ENTITY.name, { exact: true }).click();
    await page.waitForURL(/\/admin\/resources\/entities\/records\/[0-9a-f-]{36}\/show$/);
    entityId = /records\/([0-9a-f-]{36})\/show/.exec(page.url())![1]!;
    await see(page.getByTestId('property-show-name'), ENTITY.name);
    await see(page.getByTestId('property-show-pan'), ENTITY.pan);
    await see(page.getByTestId('property-show-state'), 'Karnataka');
    for (const flag of ENTITY.profile) await see(page.getByTestId('property-show-profile'), flag);

    const { rows } = await t.superuser('SELECT tenant_id, entity_type, gst_mode, state, profile FROM entities WHERE id = $1', [entityId]);
    expect(rows[0]).toEqual({ tenant_id: demo.tenantId, entity_type: 'company', gst_mode: 'monthly', state: 'KA', profile: { has_employees: true, tds_deductor: true } });
  });

  step('assigns the applicable masters after a preview', async () => {
    await page.getByRole('link', { name: 'Assign applicable masters' }).click();
    await page.waitForURL(`${portal.url}/admin/resources/entities/records/${entityId}/assignApplicable`);
    const form = page.getByTestId('preview-confirm');
    const preview = form.getByTestId('preview');
    await see(preview, 'applicable obligation(s) will be assigned');
    await see(preview.getByRole('row').filter({ hasText: 'TDS_DEPOSIT' }), 'will be');
    await see(preview.getByRole('row').filter({ hasText: 'GSTR3B_MONTHLY' }), 'will be');

    await form.getByRole('button', { name: 'Assign and generate items' }).click();
    await see(form.getByTestId('done'), /Assigned [1-9]\d* obligation\(s\); [1-9]\d* item\(s\) generated, \d+ of them overdue\./);

    const { rows } = await t.superuser<{ n: string }>('SELECT count(*) AS n FROM compliance_instances WHERE entity_id = $1', [entityId]);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  step('lists the new entity on the dashboard with its items', async () => {
    await page.goto(`${portal.url}/admin`);
    const byEntity = page.getByTestId('dashboard').getByTestId('rag-by-entity');
    const row = byEntity.getByRole('row').filter({ hasText: ENTITY.name });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    // Entity, red, amber, green: every generated item is counted in one colour.
    const [, ...counts] = await row.getByRole('cell').allTextContents();
    expect(counts.map((c) => /^\d+$/.test(c.trim()))).toEqual([true, true, true]);
    const total = counts.reduce((sum, c) => sum + Number(c), 0);
    const { rows } = await t.superuser<{ n: string }>('SELECT count(*) AS n FROM compliance_instances WHERE entity_id = $1', [entityId]);
    expect(total).toBeGreaterThan(0);
    expect(total).toBe(Number(rows[0]!.n));

    await screenshot(page, 'dashboard.png');
  });

  step('applies an extension after a preview, and the item shows the new due date', async () => {
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
    await page.getByRole('link', { name: 'Apply an extension' }).click();
    await page.waitForURL(`${portal.url}/admin/resources/due_date_overrides/actions/applyNew`);
    const form = page.getByTestId('preview-confirm');
    await form.locator('#code').fill(instance.code);
    await form.locator('#period_key').fill(instance.periodKey);
    await form.locator('#extended_due_date').fill(newDueDate);
    await form.locator('#reference').fill('Notification 99/2026 (browser test)');
    await form.locator('#note').fill('Moved by the browser test');
    await form.getByRole('button', { name: 'Preview' }).click();

    const preview = form.getByTestId('preview');
    await see(preview, 'open item(s) will move');
    // The item by its name, as the items list shows it (no code, no period key).
    const [facts] = await t.db.withTenant(demo.tenantId, ({ trx }) => loadItemFacts(trx, [instance.id]));
    await preview.getByRole('row').filter({ hasText: itemName(facts!) })
      .filter({ hasText: shown(instance.dueDate) }).filter({ hasText: shown(newDueDate) }).first().waitFor();
    expect(await preview.textContent()).not.toContain(instance.code);
    // Nothing changed yet.
    const before = await t.superuser<{ due: string }>("SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM compliance_instances WHERE id = $1", [instance.id]);
    expect(before.rows[0]!.due).toBe(instance.dueDate);

    await form.getByRole('button', { name: 'Apply the extension' }).click();
    await see(form.getByTestId('done'), /Extension applied: [1-9]\d* open item\(s\) moved/);

    await page.goto(`${portal.url}/admin/resources/compliance_instances/records/${instance.id}/show`);
    // The item by its name: obligation, entity, period in words (never its code or key).
    await see(page.getByTestId('property-show-item'), new RegExp(` · ${ENTITY.name}( · .+)? · [A-Z][a-z]{2} \\d{4}$`));
    await see(page.getByTestId('property-show-due_date'), shown(newDueDate));
    await see(page.getByTestId('property-show-extended_due_date'), shown(newDueDate));
    await see(page.getByTestId('property-show-statutory_due_date'), shown(instance.dueDate));
    await see(page.getByTestId('property-show-extension_reference'), 'Notification 99/2026 (browser test)');
    const timeline = page.getByTestId('property-show-timeline');
    // In sentences, in the tenant's timezone, with the admin's name (the portal labels its actors with their emails).
    await see(timeline, `Due date moved from ${shown(instance.dueDate)} to ${shown(newDueDate)} by Asha Admin (extension: Notification 99/2026 (browser test))`);
    await see(timeline, / IST · Due date moved/);

    await screenshot(page, 'instance.png');
  });

  step('another tenant’s admin cannot open that entity by its URL', async () => {
    const { rows: [tenant] } = await t.superuser<{ id: string }>("INSERT INTO tenants (slug, name) VALUES ('other', 'Other Group') RETURNING id");
    const { rows: [user] } = await t.superuser<{ id: string }>(
      "INSERT INTO users (tenant_id, email, name) VALUES ($1, 'admin@other.example', 'Olga Other') RETURNING id", [tenant!.id]);
    await t.superuser("INSERT INTO role_assignments (tenant_id, user_id, role) VALUES ($1, $2, 'tenant_admin')", [tenant!.id, user!.id]);
    await setPassword(t.db, tenant!.id, user!.id);

    const other = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    other.setDefaultTimeout(Number(process.env.BROWSER_WAIT ?? 60_000));
    try {
      const otherPage = await openPage(other);
      await signIn(otherPage, 'admin@other.example', TEST_PASSWORD);
      const api = otherPage.waitForResponse((res) => res.url().endsWith(`/admin/api/resources/entities/records/${entityId}/show`));
      await otherPage.goto(`${portal.url}/admin/resources/entities/records/${entityId}/show`);
      // Row-level security hides the row, so the API returns no record and AdminJS shows its
      // "Page not found" box (for a missing record it names the action, not the record).
      const answer = await (await api).text();
      await see(otherPage.getByTestId('NoActionError'), 'Page not found');
      await see(otherPage.getByTestId('notice-wrapper'), `Record with given id: "${entityId}" cannot be found in resource "entities"`);
      const text = await otherPage.locator('body').innerText();
      for (const secret of [ENTITY.name, ENTITY.legal_name, ENTITY.pan]) {
        expect(text).not.toContain(secret);
        expect(answer).not.toContain(secret);
      }
      expect(await otherPage.getByTestId(/^property-show-/).count()).toBe(0);
      await screenshot(otherPage, 'other-tenant.png');
    } finally {
      await other.close();
    }
  });

  it('rendered every page without an uncaught error, under its Content-Security-Policy, and reached nothing off the machine', () => {
    expect(pageErrors).toEqual([]);
    // Expected and harmless: AdminJS's pages ask for Google's web fonts (refused, as the network does), and its
    // design-system bundle probes for the global object with new Function("return this"), falling back to window.
    // Nothing else may be blocked.
    const expected = (v: string) => v.includes('https://fonts.googleapis.com') || /^script-src eval \S+\/design-system\.bundle\.js:/.test(v);
    expect(cspViolations.filter((v) => !expected(v))).toEqual([]);
    // Only the portal answered; anything else (AdminJS's web fonts) was refused.
    expect([...reached]).toEqual([portal.url]);
  });
});
