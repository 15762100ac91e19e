import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../infra/db/embedded.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { saveSlackInstallation } from '../../infra/stores/slack-installations.js';
import { contextIn, launchChromium, screenshot } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_CLOCK_AT, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startPortalServer, type PortalServer } from '../support/portal.js';
import { SIGNING_SECRET, linkDemoToSlack } from '../support/slack.js';
import { captureSignInMail, signInByLink } from '../support/web.js';

/**
 * The approver signs in with Slack (a local fake of its OpenID Connect pages and Web API), approves
 * on the item page, and the item's root message in its Slack channel then reads Approved.
 */

let t: TestDatabase;
let demo: DemoIds;
let fake: FakeSlack;
let server: PortalServer;
let browser: Browser;
let item: string;

const DEMO_TEAM = 'T0DEMO';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const dispatch = () => runDispatcher(server.runtime.services.dispatcher, { concurrency: 1, idleMs: 0, shouldStop: () => false, untilEmpty: true });
const blocksText = (args: Record<string, unknown>) => JSON.stringify(args.blocks ?? args.text ?? '');

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  fake = await startFakeSlack();
  // Slack sends the browser back to the public URL: the server listens where that says.
  const port = await freePort();
  server = await startPortalServer(t.url, {
    CLOCK_AT: DEMO_CLOCK_AT, PUBLIC_URL: `http://127.0.0.1:${port}`, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_CLIENT_ID: '111.222',
    SLACK_CLIENT_SECRET: 'client-secret-xyz', SLACK_API_URL: fake.url, SLACK_OAUTH_URL: fake.oauthUrl,
  }, port);
  await saveSlackInstallation(t.db, server.runtime.services.secretBox, { tenantId: demo.tenantId, teamId: DEMO_TEAM, teamName: 'Demo Workspace', botUserId: 'U0BOT', botToken: 'xoxb-demo-token' });
  await linkDemoToSlack(t.db, demo, { owner: 'U0OWNER', approver: 'U0APPROVER' });
  await t.db.withTenant(demo.tenantId, ({ trx }) => trx('entities').where({ id: demo.entities.manufacturing }).update({ slack_channel_id: 'C0MFG0001' }));
  item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
  // The preparer has uploaded the proof on the web; the approver is asked in the item's thread.
  const owner = await signInByLink(server, captureSignInMail(server), 'owner@demo.example');
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'gstr3b-nov.pdf');
  await owner.post(`/items/${item}/evidence`, form);
  await dispatch();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fake?.close();
  await t?.drop();
});

describe('the approver on the web, signed in with Slack', () => {
  let page: Page;
  afterAll(async () => {
    await page?.context().close();
  });

  it('signs in with Slack, approves, and the Slack root message shows Approved', async () => {
    const root = fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0MFG0001' && c.args.thread_ts === undefined);
    expect(root).toBeDefined();
    expect(blocksText(root!.args)).not.toContain('Approved');

    fake.signInAs({ team: DEMO_TEAM, teamName: 'Demo Workspace', user: 'U0APPROVER', email: 'approver@demo.example' });
    page = await (await contextIn(browser, 'Asia/Kolkata')).newPage();
    await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')));
    await page.goto(`${server.url}/items/${item}`);
    // Not signed in: to the sign-in page, then Slack, then back to the item.
    await page.getByRole('button', { name: 'Sign in with Slack' }).click();
    await page.waitForURL(`${server.url}/items/${item}`);
    await page.getByLabel(/Filing reference/).fill('ARN-AA2711260099');
    await page.getByRole('button', { name: 'Approve version 1' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Approved version 1');
    await screenshot(page, 'web-item-approved-by-slack-sign-in.png');

    await dispatch();
    const updates = fake.calls.filter((c) => c.method === 'chat.update' && c.args.channel === 'C0MFG0001');
    expect(updates.length).toBeGreaterThan(0);
    expect(blocksText(updates.at(-1)!.args)).toContain('Approved');
  });
});
