import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { DATABASE_DOWN } from '../../bot/slack/database-down.js';
import { ACTIONS } from '../../bot/slack/ids.js';
import { instanceId } from '../support/demo.js';
import { signedHeaders, slashCommandBody, until } from '../support/slack.js';
import { startSlackTestServer } from '../support/slack-server.js';

/**
 * With the database unreachable, every Slack request still gets its acknowledgement at once and
 * a short "try again" for the person, and nothing changes.
 */
const TEAM = 'T0DEMO';
const HOOKS = 'https://hooks.slack.com';
/** Slack acknowledges nothing that takes longer than this. */
const SLACK_ACK_LIMIT_MS = 3000;

type Server = Awaited<ReturnType<typeof startSlackTestServer>>;
interface Sent { to: string; body: Record<string, unknown> }

/** A TCP relay to PostgreSQL that the test can stop, as a database server going away would. */
async function startRelay(target: { hostname: string; port: string }): Promise<{ port: number; stop(): Promise<void> }> {
  const { hostname, port } = target;
  const sockets = new Set<net.Socket>();
  const keep = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    keep(client);
    keep(upstream);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  };
}

/** Records every Web API call and response_url post the app makes. */
function recordSlack(): Sent[] {
  const sent: Sent[] = [];
  nock('https://slack.com').persist().post(/\/api\/.*/).reply(function (uri, body) {
    sent.push({ to: uri.replace('/api/', ''), body: Object.fromEntries(new URLSearchParams(String(body))) });
    return [200, { ok: true, ts: '1764.5', channel: 'C0MFG0001' }];
  });
  nock(HOOKS).persist().post(/.*/).reply(function (uri, body) {
    sent.push({ to: uri, body: body as Record<string, unknown> });
    return [200, 'ok'];
  });
  return sent;
}

/** A signed request to the app, timed: Slack needs its acknowledgement within three seconds. */
async function post(ctx: Server, body: string, json = false): Promise<{ status: number; ms: number; text: string }> {
  const started = Date.now();
  const res = await fetch(ctx.events, { method: 'POST', headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
  return { status: res.status, ms: Date.now() - started, text: await res.text() };
}
const interaction = (payload: Record<string, unknown>) =>
  new URLSearchParams({ payload: JSON.stringify({ api_app_id: 'A0TEST', token: 'legacy', team: { id: TEAM, domain: 'demo' }, trigger_id: '1.2.3', ...payload }) }).toString();
const command = (text: string, hook: string) => slashCommandBody({ team_id: TEAM, user_id: 'U0OWNER', text, response_url: `${HOOKS}${hook}` });
const button = (hook: string | undefined, value: string, extra: Record<string, unknown> = {}) => interaction({
  type: 'block_actions', user: { id: 'U0APPR' }, ...(hook ? { response_url: `${HOOKS}${hook}` } : {}), ...extra,
  actions: [{ type: 'button', action_id: ACTIONS.approveEvidence, block_id: 'b', value, action_ts: '1764.2', text: { type: 'plain_text', text: 'Approve' } }],
});
const notApplicableSubmit = (instance: string) => interaction({
  type: 'view_submission', user: { id: 'U0APPR' },
  view: { id: 'V0NA', type: 'modal', callback_id: 'item_not_applicable_modal', private_metadata: instance, state: { values: { reason: { reason_input: { type: 'plain_text_input', value: 'No TDS deducted in November' } } } } },
});
const DOWN_REPLY = { response_type: 'ephemeral', text: DATABASE_DOWN, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${DATABASE_DOWN}` } }] };

describe('when the database goes away while the app is running', () => {
  let ctx: Server;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let sent: Sent[];
  let item: string;
  const status = () => ctx.t.db.withTenant(ctx.demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: item }).first('status', 'slack_thread_ts'));

  beforeAll(async () => {
    ctx = await startSlackTestServer({
      team: TEAM,
      databaseUrl: async (testUrl) => {
        const url = new URL(testUrl);
        relay = await startRelay(url);
        url.hostname = '127.0.0.1';
        url.port = String(relay.port);
        return url.toString();
      },
    });
    const { t, demo } = ctx;
    item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'TDS_DEPOSIT', '2026-11');
    await t.db.withTenant(demo.tenantId, async ({ trx }) => {
      await trx('users').where({ id: demo.users.owner }).update({ slack_user_id: 'U0OWNER' });
      await trx('users').where({ id: demo.users.approver }).update({ slack_user_id: 'U0APPR' });
      await trx('compliance_instances').where({ id: item }).update({ slack_channel_id: 'C0MFG0001', slack_thread_ts: '1764000000.000100' });
    });
    sent = recordSlack();
    // Answered once while the database is up: this process now knows the workspace.
    expect((await post(ctx, command('help', '/commands/up'))).status).toBe(200);
    await until(() => sent.some((s) => s.to === '/commands/up'));
    await relay.stop();
  });
  afterAll(() => ctx.close());

  it('a slash command is acknowledged at once, then answered "try again"', async () => {
    const res = await post(ctx, command('status', '/commands/down'));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(SLACK_ACK_LIMIT_MS);
    await until(() => sent.some((s) => s.to === '/commands/down'));
    expect(sent.find((s) => s.to === '/commands/down')!.body).toEqual(DOWN_REPLY);
  });

  it('a button in a message is answered privately, the message kept', async () => {
    const res = await post(ctx, button('/actions/down', `${item}:00000000-0000-4000-8000-000000000000`));
    expect([res.status, res.ms < SLACK_ACK_LIMIT_MS]).toEqual([200, true]);
    await until(() => sent.some((s) => s.to === '/actions/down'));
    expect(sent.find((s) => s.to === '/actions/down')!.body).toEqual({ ...DOWN_REPLY, replace_original: false });
  });

  it('a button in the App Home, and opening the Home, show the message in the Home', async () => {
    const homes = () => sent.filter((s) => s.to === 'views.publish');
    await post(ctx, button(undefined, `${item}:00000000-0000-4000-8000-000000000000:home`, { view: { id: 'VHOME', type: 'home', blocks: [] }, container: { type: 'view', view_id: 'VHOME' } }));
    await until(() => homes().length === 1);
    const opened = JSON.stringify({
      token: 'legacy', team_id: TEAM, api_app_id: 'A0TEST', type: 'event_callback', event_id: 'Ev0DOWNHOME', event_time: 1764000000,
      event: { type: 'app_home_opened', user: 'U0APPR', channel: 'D0APPR', tab: 'home', event_ts: '1764000000.1' },
    });
    expect((await post(ctx, opened, true)).status).toBe(200);
    await until(() => homes().length === 2);
    for (const home of homes()) {
      expect(home.body.user_id).toBe('U0APPR');
      expect(JSON.stringify(JSON.parse(String(home.body.view)).blocks)).toContain(`:warning: ${DATABASE_DOWN}`);
    }
  });

  it('a modal submission keeps the modal open with the message under its field, and changes nothing', async () => {
    const res = await post(ctx, notApplicableSubmit(item));
    expect([res.status, res.ms < SLACK_ACK_LIMIT_MS]).toEqual([200, true]);
    expect(JSON.parse(res.text)).toEqual({ response_action: 'errors', errors: { reason: DATABASE_DOWN } });
    expect((await status()).status).toBe('pending');
  });

  it("a file dropped in an item's thread is answered there, and nothing is fetched or kept", async () => {
    const download = nock('https://files.slack.com').get(`/files-pri/${TEAM}-F0DOWN/download/x`).reply(200, Buffer.from('%PDF-1.7 challan'));
    const { slack_thread_ts: thread } = await status();
    const event = JSON.stringify({
      token: 'legacy', team_id: TEAM, api_app_id: 'A0TEST', type: 'event_callback', event_id: 'Ev0DOWNFILE', event_time: 1764000000,
      event: {
        type: 'message', subtype: 'file_share', channel: 'C0MFG0001', user: 'U0OWNER', ts: '1764000100.000001', thread_ts: thread, parent_user_id: 'U0BOT',
        files: [{ id: 'F0DOWN', name: 'challan.pdf', size: 16, url_private_download: `https://files.slack.com/files-pri/${TEAM}-F0DOWN/download/x` }],
      },
    });
    expect((await post(ctx, event, true)).status).toBe(200);
    await until(() => sent.some((s) => s.to === 'chat.postMessage'));
    expect(sent.find((s) => s.to === 'chat.postMessage')!.body).toMatchObject({
      channel: 'C0MFG0001', thread_ts: thread,
      text: ':x: Compliance OS cannot reach its database right now, so this file was not recorded. Nothing was kept; please drop it in the thread again in a minute.',
    });
    expect(download.isDone()).toBe(false);
    expect(await ctx.runtime.services.storage.list(`${ctx.demo.tenantId}/`)).toEqual([]);
  });
});

describe('when the database is down from the start (the workspace never read)', () => {
  let ctx: Server;
  let sent: Sent[];

  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused.
    ctx = await startSlackTestServer({ team: TEAM, databaseUrl: () => 'postgres://nobody:nothing@127.0.0.1:1/none' });
    sent = recordSlack();
  });
  afterAll(() => ctx.close());

  it('a slash command is answered in its acknowledgement', async () => {
    const res = await post(ctx, command('status', '/commands/never'));
    expect([res.status, res.ms < SLACK_ACK_LIMIT_MS]).toEqual([200, true]);
    expect(JSON.parse(res.text)).toEqual(DOWN_REPLY);
  });

  it('a button is acknowledged and answered privately', async () => {
    const res = await post(ctx, button('/actions/never', 'x:y'));
    expect([res.status, res.ms < SLACK_ACK_LIMIT_MS]).toEqual([200, true]);
    await until(() => sent.some((s) => s.to === '/actions/never'));
    expect(sent.find((s) => s.to === '/actions/never')!.body).toEqual({ ...DOWN_REPLY, replace_original: false });
  });

  it('a modal submission shows the message under its field', async () => {
    const res = await post(ctx, notApplicableSubmit('00000000-0000-4000-8000-000000000000'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ response_action: 'errors', errors: { reason: DATABASE_DOWN } });
  });
});
