import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Runtime } from '../../app/runtime.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { ACTIONS } from '../../bot/slack/ids.js';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { markNotApplicable } from '../../core/use-cases/change-status.js';
import { approveEvidence, rejectEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import type { TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, type DemoIds } from '../support/demo.js';
import { sha256Hex } from '../support/fixtures.js';
import { SIGNING_SECRET, signedHeaders, slashCommandBody, until } from '../support/slack.js';
import { startSlackTestServer } from '../support/slack-server.js';
import { HOSTILE, HOSTILE_ESCAPED, rawControls, slackTexts } from '../support/slack-text.js';

/**
 * Names, reasons, references and file names come from people. Whatever they contain, nothing the
 * app sends to Slack (fallback text, mrkdwn blocks, modals, the App Home) may carry it as a live
 * mention, broadcast or link.
 */
let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;
const TEAM = 'T0DEMO';
const ENTITY = `Mfg ${HOSTILE}`;
const ENTITY_SENT = `Mfg ${HOSTILE_ESCAPED}`;
/** Everything sent to Slack: Web API calls and response_url posts. */
const sent: { to: string; payload: Record<string, unknown> }[] = [];
let checked = 0;
/** An open item with a thread (its root offers Mark not applicable). */
let openItem = '';
let ts = 1000;

const dispatch = () => runDispatcher(runtime.services.dispatcher, { concurrency: 2, idleMs: 0, shouldStop: () => false, untilEmpty: true });
const texts = (from = 0) => sent.slice(from).flatMap((s) => slackTexts(s.payload));
const postsTo = (to: string) => sent.filter((s) => s.to === to);

async function post(body: string, type: 'form' | 'json'): Promise<void> {
  const contentType = type === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  const res = await fetch(ctx.events, { method: 'POST', headers: { 'content-type': contentType, ...signedHeaders(body) }, body });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  ctx = await startSlackTestServer({ env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-demo-token' }, team: TEAM });
  ({ t, demo, runtime } = ctx);
  await t.db.withTenant(demo.tenantId, async ({ trx }) => {
    await trx('entities').where({ id: demo.entities.manufacturing }).update({ name: ENTITY, slack_channel_id: 'C0MFG0001' });
    await trx('tenants').where({ id: demo.tenantId }).update({ slack_channel_id: 'C0GROUP01' });
    await trx('users').where({ id: demo.users.owner }).update({ slack_user_id: 'U0OWNER', name: `Owner ${HOSTILE}` });
    // A Slack id typed into the portal is not trusted either: it is only a mention when it looks like one.
    await trx('users').where({ id: demo.users.approver }).update({ slack_user_id: `U0APPR> ${HOSTILE}`, name: `Approver ${HOSTILE}` });
    await trx('users').where({ id: demo.users.cfo }).update({ slack_user_id: 'U0CFO' });
    await trx('users').where({ id: demo.users.admin }).update({ slack_user_id: 'U0ADMIN' });
  });
  nock('https://slack.com').persist().post(/\/api\/.*/).reply(function (uri, body) {
    const method = uri.replace('/api/', '');
    const args = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
    sent.push({ to: method, payload: args });
    if (method === 'conversations.open') return [200, { ok: true, channel: { id: 'D0DM' } }];
    return [200, { ok: true, channel: args.channel, ts: `1764.${++ts}` }];
  });
  nock('https://hooks.slack.com').persist().post(/.*/).reply(function (_uri, body) {
    sent.push({ to: 'response_url', payload: body as Record<string, unknown> });
    return [200, 'ok'];
  });
});
afterEach(() => {
  // Whatever each test sent, nothing went out raw.
  const fresh = sent.slice(checked);
  checked = sent.length;
  expect(fresh.flatMap((s) => rawControls(s.payload))).toEqual([]);
});
afterAll(() => ctx.close());

describe('hostile names and free text', () => {
  it('go out escaped in root messages, thread replies and escalation DMs', async () => {
    await t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-11-27T04:30:00Z')));
    const gst = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
    const file = () => ({ fileName: 'gstr3b.pdf', contentType: 'application/pdf', sizeBytes: 9, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` });
    const upload = () => runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) => submitEvidence(u, a, { instanceId: gst, channel: 'slack', file: file() }, DEMO_NOW));
    const first = await upload();
    await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) =>
      rejectEvidence(u, a, { instanceId: gst, evidenceId: first.evidence.id, reason: `Wrong period ${HOSTILE}` }, DEMO_NOW));
    const second = await upload();
    await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) =>
      approveEvidence(u, a, { instanceId: gst, evidenceId: second.evidence.id, filingReference: `ARN ${HOSTILE}` }, DEMO_NOW));
    const tds = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'TDS_DEPOSIT', '2026-11');
    await runAsUser(t.db, demo.tenantId, demo.users.admin, (u, a) => markNotApplicable(u, a, { instanceId: tds, reason: `No TDS deducted ${HOSTILE}` }, DEMO_NOW));
    // Three days before the 15 December items fall due: reminders open threads for items still pending.
    await t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-12-12T04:30:00Z')));
    expect(await dispatch()).toMatchObject({ failed: 0 });

    const messages = postsTo('chat.postMessage').concat(postsTo('chat.update'));
    const fallbacks = messages.map((m) => String(m.payload.text));
    expect(fallbacks.some((text) => text.startsWith(`GSTR-3B (monthly) — summary return and tax payment · ${ENTITY_SENT} · `))).toBe(true);
    const all = texts();
    expect(all.some((text) => text.includes(`* · ${ENTITY_SENT} · `) && text.includes('was due'))).toBe(true); // a line of the CFO's escalation
    expect(all.some((text) => text.includes(`Reason: Wrong period ${HOSTILE_ESCAPED}`))).toBe(true);
    expect(all.some((text) => text.includes(`Reason: No TDS deducted ${HOSTILE_ESCAPED}`))).toBe(true);
    expect(all.some((text) => text.includes(`ref ARN ${HOSTILE_ESCAPED}`))).toBe(true);
    expect(all.some((text) => text.includes(`Approver: Approver ${HOSTILE_ESCAPED}`))).toBe(true);
  });

  it('go out escaped in /compliance status, due and mine', async () => {
    for (const text of ['status', 'status mfg', 'due 366', 'mine']) {
      const from = sent.length;
      const body = slashCommandBody({ team_id: TEAM, user_id: 'U0OWNER', text, response_url: `https://hooks.slack.com/commands/${TEAM}/1/${text.replace(/\W/g, '')}` });
      await post(body, 'form');
      await until(() => postsTo('response_url').length > 0 && sent.slice(from).some((s) => s.to === 'response_url'));
      if (text !== 'mine') expect(texts(from).some((s) => s.includes(ENTITY_SENT))).toBe(true);
    }
  });

  it('go out escaped in the App Home', async () => {
    const from = sent.length;
    await post(JSON.stringify({
      token: 'legacy', team_id: TEAM, api_app_id: 'A0TEST', type: 'event_callback', event_id: 'Ev0ESCHOME', event_time: 1764000000,
      event: { type: 'app_home_opened', user: 'U0OWNER', channel: 'D0OWNER', tab: 'home', event_ts: '1764000000.1' },
    }), 'json');
    await until(() => sent.slice(from).some((s) => s.to === 'views.publish'));
    expect(texts(from).some((s) => s.includes(ENTITY_SENT))).toBe(true);
  });

  it('the not-applicable modal names the item as Slack shows it, escaped exactly once', async () => {
    // The root message of an open item, as posted: Slack hands its text back in the button press.
    const root = postsTo('chat.postMessage').find((m) => String(m.payload.text).includes(' · Mfg ') && String(m.payload.blocks).includes(ACTIONS.markNotApplicable))!;
    const button = (JSON.parse(String(root.payload.blocks)) as { elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith(ACTIONS.markNotApplicable))!;
    const from = sent.length;
    await post(new URLSearchParams({ payload: JSON.stringify({
      type: 'block_actions', team: { id: TEAM, domain: 'demo' }, user: { id: 'U0ADMIN' }, api_app_id: 'A0TEST', token: 'legacy', trigger_id: '1.2.3',
      response_url: 'https://hooks.slack.com/actions/na', message: { type: 'message', text: root.payload.text, ts: '1764.1' },
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1764.2', text: { type: 'plain_text', text: 'x' } }],
    }) }).toString(), 'form');
    await until(() => sent.slice(from).some((s) => s.to === 'views.open'));
    openItem = button.value;
    const intro = texts(from).find((s) => s.includes('The reason goes on the audit trail'))!;
    expect(intro).toContain(ENTITY_SENT);
    expect(intro).not.toContain('&amp;');
  });

  it('file names are escaped in the thread replies, recorded or refused', async () => {
    const item = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: openItem }).first('slack_channel_id', 'slack_thread_ts'));
    const from = sent.length;
    for (const [n, name] of [`proof <!channel> <@U0EVIL>.pdf`, `see ${HOSTILE}.pdf`].entries()) {
      const path = `/files-pri/${TEAM}-F0ESC${n}/download/x`;
      nock('https://files.slack.com').get(path).reply(200, Buffer.from('%PDF-1.7 proof'));
      await post(JSON.stringify({
        token: 'legacy', team_id: TEAM, api_app_id: 'A0TEST', type: 'event_callback', event_id: `Ev0ESCFILE${n}`, event_time: 1764000000,
        event: {
          type: 'message', subtype: 'file_share', channel: item.slack_channel_id, user: 'U0OWNER', ts: `1764000200.00000${n}`, thread_ts: item.slack_thread_ts,
          files: [{ id: `F0ESC${n}`, name, size: 14, url_private_download: `https://files.slack.com${path}` }],
        },
      }), 'json');
    }
    await until(() => postsTo('chat.postMessage').slice(-2).every((m) => m.payload.thread_ts === item.slack_thread_ts && sent.indexOf(m) >= from), 10_000);
    const replies = postsTo('chat.postMessage').slice(-2).map((m) => String(m.payload.text));
    expect(replies.some((r) => r.startsWith(':white_check_mark: Recorded *proof &lt;!channel&gt; &lt;@U0EVIL&gt;.pdf* as version 1'))).toBe(true);
    expect(replies.some((r) => r.startsWith(`:x: *see ${HOSTILE_ESCAPED}.pdf* was not recorded`))).toBe(true);
  });
});
