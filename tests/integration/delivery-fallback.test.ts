import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { sweepReminders } from '../../infra/engine/reminder-sweep.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { portalDashboard } from '../../infra/portal/dashboard.js';
import type { PortalAdmin } from '../../core/engine/portal-access.js';
import type { DemoIds } from '../support/demo.js';
import type { TestDatabase } from '../support/db.js';
import { SIGNING_SECRET, linkDemoToSlack } from '../support/slack.js';
import { startSlackTestServer } from '../support/slack-server.js';

let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
let t: TestDatabase;
let demo: DemoIds;
let ts = 1000;
const posted: string[] = [];

/** Slack as it answers when the app was never invited to Demo Manufacturing's channel. */
function slackWithoutTheAppInTheChannel() {
  nock('https://slack.com').persist().post(/\/api\/.*/).reply(function (uri, body) {
    const method = uri.replace('/api/', '');
    const args = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
    if (method === 'conversations.open') return [200, { ok: true, channel: { id: `D0${String(args.users)}` } }];
    if (method === 'chat.postMessage' && args.channel === 'C0MFG0001') return [200, { ok: false, error: 'not_in_channel' }];
    if (method === 'chat.postMessage') posted.push(String(args.channel));
    return [200, { ok: true, channel: args.channel, ts: `1764.${++ts}` }];
  });
}

const dispatch = () => runDispatcher(ctx.runtime.services.dispatcher, { concurrency: 2, idleMs: 0, shouldStop: () => false, untilEmpty: true });
const rows = () => t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').select('channel', 'kind', 'status', 'dedup_key', 'last_error', 'payload', 'recipient_user_id', 'instance_id'));

beforeAll(async () => {
  ctx = await startSlackTestServer({ env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-demo-token' }, team: 'T0DEMO' });
  ({ t, demo } = ctx);
  await linkDemoToSlack(t.db, demo, { owner: 'U0OWNER', approver: 'U0APPR', cfo: 'U0CFO', admin: 'U0ADMIN' });
  await t.db.withTenant(demo.tenantId, async ({ trx }) => {
    await trx('entities').where({ id: demo.entities.manufacturing }).update({ slack_channel_id: 'C0MFG0001' });
    await trx('tenants').where({ id: demo.tenantId }).update({ slack_channel_id: 'C0GROUP01' });
  });
  slackWithoutTheAppInTheChannel();
});
afterAll(() => ctx.close());

describe('a chat that refuses a message for good', () => {
  it('sends the same message by email once, says why, and tells the tenant admins once what to fix', async () => {
    await t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-11-27T04:30:00Z')));
    expect(await dispatch()).toMatchObject({ dead: 0 });
    const all = await rows();
    const refused = all.filter((r) => r.channel === 'slack' && r.status === 'failed');
    expect(refused.length).toBeGreaterThan(1);
    expect(new Set(refused.map((r) => r.last_error))).toEqual(new Set(['Slack: not_in_channel']));

    // Each refused reminder went by email at once, in the same dedup family, saying why.
    const reminders = refused.filter((r) => r.kind === 'due_soon');
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders) {
      const copies = all.filter((r) => r.dedup_key === `${reminder.dedup_key}:email`);
      expect(copies.map((c) => [c.channel, c.kind, c.status, c.recipient_user_id, c.instance_id]))
        .toEqual([['email', 'due_soon', 'sent', reminder.recipient_user_id, reminder.instance_id]]);
      expect(copies[0]!.payload.fallback).toEqual({
        from: 'slack', problem: 'Slack channel C0MFG0001 (Demo Manufacturing): the app is not in the channel — open it in Slack and type /invite @Compliance OS.',
      });
    }
    // Opening a thread has nothing to say by email.
    expect(all.filter((r) => r.kind === 'thread_opened' && r.channel === 'email')).toEqual([]);

    // However many messages the cause stopped, each admin hears of it once, by email, with what to do.
    const alerts = all.filter((r) => r.kind === 'delivery_alert');
    expect(alerts.map((a) => [a.channel, a.recipient_user_id, a.status])).toEqual([['email', demo.users.admin, 'sent']]);
    expect(alerts[0]!.payload.problem).toContain('/invite @Compliance OS');
    // Other channels' items were posted as usual.
    expect(posted).toContain('C0GROUP01');

    // The portal's dashboard counts what chat could not deliver.
    const admin: PortalAdmin = {
      email: 'admin@demo.example', title: 'Admin', id: demo.users.admin, kind: 'tenant', tenantId: demo.tenantId, role: 'tenant_admin',
      grants: [{ role: 'tenant_admin', entityId: null }], signedInAt: Date.now(), credentialsChangedAt: 0,
    };
    const data = await portalDashboard(t.db, admin, new Date('2026-11-27T05:00:00Z'));
    expect(data.kind === 'tenant' && data.dashboard.notifications).toEqual({ failed: refused.length, dead: 0 });
  });

  it('never sends the email twice, and the same cause later that day alerts nobody again', async () => {
    const before = (await rows()).length;
    await t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-11-27T06:30:00Z')));
    await dispatch();
    const after = await rows();
    expect(after.length).toBe(before);
    expect(after.filter((r) => r.kind === 'delivery_alert')).toHaveLength(1);
  });

  it('tells the admins instead of a deactivated person, rather than nobody', async () => {
    await t.db.withTenant(demo.tenantId, ({ trx }) => trx('users').where({ id: demo.users.owner }).update({ is_active: false }));
    // Three days on: new rungs for the owner's items.
    await t.db.withTenant(demo.tenantId, (tx) => sweepReminders(tx, new Date('2026-12-12T04:30:00Z')));
    const fresh = (await rows()).filter((r) => r.kind === 'due_soon' && r.dedup_key.includes('2026-12-1'));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((r) => r.recipient_user_id === demo.users.admin)).toBe(true);
    expect(fresh[0]!.payload.addressedTo.missing).toBe('active person in place of Priya Preparer (deactivated)');
  });
});
