import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { theTenant } from '../mothers/tenant-mother.js';
import type { TestDatabase } from '../support/db.js';
import { instanceId, type DemoIds } from '../support/demo.js';
import { signedHeaders, slashCommandBody, until } from '../support/slack.js';
import { startSlackTestServer } from '../support/slack-server.js';

let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
let t: TestDatabase;
let demo: DemoIds;
let url: string;
const TEAM = 'T0DEMO';
const HOOKS = 'https://hooks.slack.com';

beforeAll(async () => {
  ctx = await startSlackTestServer({ team: TEAM });
  ({ t, demo, events: url } = ctx);
  await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.owner }).update({ slack_user_id: 'U0OWNER' }));
});
afterEach(() => nock.cleanAll());
afterAll(() => ctx.close());

interface Reply { response_type: string; text: string; blocks: { type: string; text?: { text: string } }[] }

/** Posts a signed /compliance command and returns what the app sent to the response_url. */
async function command(user: string, text: string): Promise<Reply> {
  let reply: Reply | undefined;
  nock(HOOKS).post('/commands/T0DEMO/1/abc', (body) => ((reply = body as Reply), true)).reply(200, 'ok');
  const body = slashCommandBody({ team_id: TEAM, user_id: user, text, response_url: `${HOOKS}/commands/T0DEMO/1/abc` });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
  expect(res.status).toBe(200);
  await until(() => reply !== undefined);
  return reply!;
}
const allText = (r: Reply) => r.blocks.map((b) => b.text?.text ?? JSON.stringify(b)).join('\n');

describe('/compliance', () => {
  it('status: RAG counts per entity and the most urgent items, privately', async () => {
    const r = await command('U0OWNER', 'status');
    expect(r.response_type).toBe('ephemeral');
    expect(r.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Compliance status · all entities', emoji: true } });
    expect(allText(r)).toMatch(/\*Demo Manufacturing\* {2}:red_circle: \d+ {2}:large_orange_circle: \d+ {2}:large_green_circle: \d+/);
    expect(allText(r)).toContain('*Most urgent*');
    expect(r.blocks.length).toBeLessThanOrEqual(50);
  });

  it('status <entity>: one entity, found by part of its name', async () => {
    const r = await command('U0OWNER', 'status software');
    expect(r.blocks[0]!.text!.text).toBe('Compliance status · Demo Software');
    expect(allText(r)).not.toContain('Demo Manufacturing*');
  });

  it('due [days] and mine', async () => {
    expect((await command('U0OWNER', 'due 14')).blocks[0]!.text!.text).toBe('Due in the next 14 days');
    const mine = await command('U0OWNER', 'mine');
    expect(allText(mine)).toMatch(/\*To prepare \(\d+\)\*/);
    expect(allText(mine)).toContain('*Awaiting your approval (0)*');
    // home: what the App Home shows, as an answer (Teams keeps it as the person's home card).
    const home = await command('U0OWNER', 'home');
    expect(home.blocks[0]!.text!.text).toBe('Your compliance work');
    expect(allText(home)).toContain('*Awaiting your approval (0)*');
  });

  it('help, and help for anything it does not know', async () => {
    expect(allText(await command('U0OWNER', ''))).toContain('`/compliance due [days]`');
    const odd = await command('U0OWNER', 'frobnicate');
    expect(allText(odd)).toContain(':warning: "frobnicate" is not a command I know.');
    expect(allText(await command('U0OWNER', 'due soon'))).toContain('"soon" is not a number of days');
  });

  it('links a Slack user by the email Slack has for them', async () => {
    nock('https://slack.com').post('/api/users.info', (b) => b.user === 'U0CFO').reply(200, { ok: true, user: { id: 'U0CFO', profile: { email: 'CFO@demo.example' } } });
    expect(allText(await command('U0CFO', 'help'))).toContain('/compliance status');
    const linked = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.cfo }).first('slack_user_id'));
    expect(linked.slack_user_id).toBe('U0CFO');
  });

  it('answers an unknown Slack user politely, and does nothing else', async () => {
    const audits = async () => Number((await t.db.withTenant(demo.tenantId, ({ trx }) => trx('audit_log').count({ n: '*' })))[0]!.n);
    const before = await audits();
    nock('https://slack.com').post('/api/users.info').reply(200, { ok: true, user: { id: 'U0STRANGER', profile: { email: 'stranger@elsewhere.example' } } });
    const r = await command('U0STRANGER', 'status');
    expect(r.text).toBe('Compliance OS does not know you yet.');
    expect(allText(r)).toContain('Ask your compliance admin to add you');
    expect(await t.db.withSystem((trx) => trx('users').where({ slack_user_id: 'U0STRANGER' }).select('id'))).toEqual([]);
    expect(await audits()).toBe(before);
  });

  it('a deactivated person is unknown from their very next command', async () => {
    const person = { id: (await theTenant(demo.tenantId)
      .withPerson('leaver', { email: 'leaver@demo.example', name: 'Leaver', slackUserId: 'U0LEAVER', roles: ['viewer'] }).build(t.db)).id('leaver') };
    expect((await command('U0LEAVER', 'mine')).text).toMatch(/^You have \d+ item\(s\) to prepare/);
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: person.id }).update({ is_active: false }));
    // Slack still has their email: that must not link them again either.
    nock('https://slack.com').post('/api/users.info', (b) => b.user === 'U0LEAVER').reply(200, { ok: true, user: { id: 'U0LEAVER', profile: { email: 'leaver@demo.example' } } });
    const after = await command('U0LEAVER', 'mine');
    expect(after.text).toBe('Compliance OS does not know you yet.');
  });
});

describe("answers follow the asker's scope", () => {
  const NO_ROLE = 'You have no role in Compliance OS yet, so there is nothing to show. Ask your compliance admin.';
  const everything = (r: Reply) => JSON.stringify(r);

  beforeAll(async () => {
    const people = await theTenant(demo.tenantId)
      .withPerson('swAuditor', { email: 'sw-auditor@demo.example', name: 'Software Auditor', slackUserId: 'U0SWAUD', roles: [{ role: 'auditor', entity: demo.entities.software }] })
      .withPerson('nobody', { email: 'nobody@demo.example', name: 'No Role', slackUserId: 'U0NOROLE' })
      .build(t.db);
    expect(people.id('nobody')).toBeDefined();
  });

  it('status shows only the entities a per-entity role names', async () => {
    const r = await command('U0SWAUD', 'status');
    expect(r.blocks[0]!.text!.text).toBe('Compliance status · Demo Software');
    expect(allText(r)).toMatch(/\*Demo Software\* {2}:red_circle: \d+/);
    expect(everything(r)).not.toMatch(/Demo Manufacturing|Demo Advisors/);
  });

  it('status <entity> outside the scope answers exactly like an entity that does not exist', async () => {
    const outside = await command('U0SWAUD', 'status manufacturing');
    const unknown = await command('U0SWAUD', 'status nosuchentity');
    expect(allText(outside)).toContain(':warning: No entity matches "manufacturing". Entities: Demo Software.');
    expect(everything(outside).replace('manufacturing', 'nosuchentity')).toBe(everything(unknown));
  });

  it('due lists only the items of their entities', async () => {
    const r = await command('U0SWAUD', 'due 366');
    const lines = allText(r).split('\n').filter((l) => l.includes(' · due '));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.includes('· Demo Software ·'))).toBe(true);
    expect(everything(r)).not.toMatch(/Demo Manufacturing|Demo Advisors/);
  });

  it('a person with no role is told so, for status and due alike', async () => {
    for (const text of ['status', 'status software', 'due 30']) {
      const r = await command('U0NOROLE', text);
      expect(r.text).toBe(NO_ROLE);
      expect(everything(r)).not.toMatch(/Demo (Software|Manufacturing|Advisors)/);
    }
  });

  it("one person's cached summary is never shown to another", async () => {
    // A shared cache (Redis in production), kept in memory here: the key must carry the asker's scope.
    const saved = ctx.runtime.services.cache;
    const entries = new Map<string, unknown>();
    ctx.runtime.services.cache = {
      async get(tenantId, key, compute) {
        const k = `${tenantId}:${key}`;
        if (!entries.has(k)) entries.set(k, await compute());
        return entries.get(k) as never;
      },
      async invalidate() { entries.clear(); },
    };
    try {
      expect(everything(await command('U0SWAUD', 'status'))).not.toContain('Demo Manufacturing');
      expect(everything(await command('U0OWNER', 'status'))).toContain('*Demo Manufacturing*');
      expect(everything(await command('U0SWAUD', 'status'))).not.toContain('Demo Manufacturing');
      expect(entries.size).toBe(2);
    } finally {
      ctx.runtime.services.cache = saved;
    }
  });
});

describe('request verification', () => {
  const body = slashCommandBody({ team_id: TEAM, user_id: 'U0OWNER', text: 'status', response_url: `${HOOKS}/commands/T0DEMO/1/abc` });
  it('answers 401 to a forged signature, and to a replayed old request', async () => {
    const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body, { secret: 'wrong-secret-0123456789' }) }, body });
    expect(forged.status).toBe(401);
    const stale = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body, { timestamp: Math.floor(Date.now() / 1000) - 600 }) }, body });
    expect(stale.status).toBe(401);
  });
});

describe('App Home', () => {
  it("publishes the person's items on app_home_opened, and a retried delivery is processed once", async () => {
    const published: Record<string, unknown>[] = [];
    nock('https://slack.com').persist().post('/api/views.publish', (b) => published.push(b) > 0).reply(200, { ok: true });
    const homeOpened = (eventId: string, user: string, ts: number) => JSON.stringify({
      token: 'legacy', team_id: TEAM, api_app_id: 'A0TEST', type: 'event_callback', event_id: eventId, event_time: ts,
      event: { type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home', event_ts: `${ts}.1` },
      authorizations: [{ team_id: TEAM, user_id: 'U0BOT', is_bot: true }],
    });
    const post = (retry?: string, body = homeOpened('Ev0HOME01', 'U0OWNER', 1764000000)) => fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(body), ...(retry ? { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' } : {}) },
      body,
    });
    expect((await post()).status).toBe(200);
    await until(() => published.length === 1);
    expect((await post('1')).status).toBe(200);
    expect((await post('2')).status).toBe(200);
    // A later, distinct event from someone else: once its view is published, the retries have had their turn.
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.viewer }).update({ slack_user_id: 'U0VIEWER' }));
    expect((await post(undefined, homeOpened('Ev0HOME02', 'U0VIEWER', 1764000100))).status).toBe(200);
    await until(() => published.some((p) => p.user_id === 'U0VIEWER'));
    expect(published.map((p) => p.user_id)).toEqual(['U0OWNER', 'U0VIEWER']);
    const view = JSON.parse(String(published[0]!.view)) as { type: string; blocks: { type: string; text?: { text: string } }[] };
    expect(view.type).toBe('home');
    expect(view.blocks[0]!.text!.text).toBe('Your compliance work');
    expect(view.blocks.map((b) => b.text?.text ?? '').join('\n')).toMatch(/\*To prepare \(\d+\)\*/);
  });
});

describe('Mark not applicable', () => {
  async function post(payload: Record<string, unknown>): Promise<Response> {
    const body = new URLSearchParams({ payload: JSON.stringify({ api_app_id: 'A0TEST', token: 'legacy', team: { id: TEAM, domain: 'demo' }, ...payload }) }).toString();
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
  }
  const submit = (slackUser: string, instanceId: string, reason: string) => post({
    type: 'view_submission', user: { id: slackUser }, trigger_id: '1.2.3',
    view: {
      id: 'V0NA', type: 'modal', callback_id: 'item_not_applicable_modal', private_metadata: instanceId,
      state: { values: { reason: { reason_input: { type: 'plain_text_input', value: reason } } } },
    },
  });

  it('opens a modal for the item, refuses a short reason or the wrong person, then marks it', async () => {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.advisors, 'TDS_DEPOSIT', '2026-11');
    let opened: Record<string, unknown> | undefined;
    nock('https://slack.com').post('/api/views.open', (b) => ((opened = b), true)).reply(200, { ok: true });
    const press = await post({
      type: 'block_actions', user: { id: 'U0APPR' }, trigger_id: '1.2.3', response_url: `${HOOKS}/actions/x`,
      message: { type: 'message', text: 'TDS deposit (challan ITNS-281) · Demo Advisors · no TAN recorded · Nov 2026 · due 7 Dec 2026 · Pending', ts: '1764.1' },
      actions: [{ type: 'button', action_id: 'item_mark_not_applicable', block_id: 'b', value: id, action_ts: '1764.2', text: { type: 'plain_text', text: 'x' } }],
    });
    expect(press.status).toBe(200);
    await until(() => opened !== undefined);
    const modal = JSON.parse(String(opened!.view)) as { private_metadata: string; callback_id: string; blocks: { text?: { text: string } }[] };
    expect([opened!.trigger_id, modal.callback_id, modal.private_metadata]).toEqual(['1.2.3', 'item_not_applicable_modal', id]);
    // The modal names the item as its root message does: name, entity (and registration), period.
    expect(modal.blocks[0]!.text!.text).toMatch(/^\*TDS deposit \(challan ITNS-281\) · Demo Advisors · no TAN recorded · Nov 2026\*\n/);

    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.approver }).update({ slack_user_id: 'U0APPR' }));
    const short = await submit('U0APPR', id, 'none');
    expect(await short.json()).toEqual({ response_action: 'errors', errors: { reason: expect.stringContaining('at least 10 characters') } });
    const wrongPerson = await submit('U0OWNER', id, 'No TDS deducted in November');
    expect(await wrongPerson.json()).toEqual({ response_action: 'errors', errors: { reason: expect.stringContaining('needs the approver or tenant_admin role') } });
    const status = async () => (await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id }).first('status', 'status_reason')));
    expect((await status()).status).toBe('pending');

    let published: Record<string, unknown> | undefined;
    nock('https://slack.com').post('/api/views.publish', (b) => ((published = b), true)).reply(200, { ok: true });
    const ok = await submit('U0APPR', id, 'No TDS deducted in November');
    expect(ok.status).toBe(200);
    expect(await status()).toEqual({ status: 'not_applicable', status_reason: 'No TDS deducted in November' });
    // The approver's App Home is republished: the item left their list.
    await until(() => published !== undefined);
    expect(published!.user_id).toBe('U0APPR');
  });
});
