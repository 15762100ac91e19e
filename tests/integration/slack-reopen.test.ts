import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { approveEvidence } from '../../core/use-cases/review-evidence.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { FIELDS, VIEWS } from '../../bot/slack/ids.js';
import { DEMO_NOW, instanceId } from '../support/demo.js';
import { createTenantWithEverything } from '../support/fixtures.js';
import { specProblems, type RecordedCall } from '../support/slack-spec.js';
import { until } from '../support/slack.js';
import { buttonPress, modalSubmission, postInteraction, startDecisionServer, submitDemoFile, type responseUrls } from '../support/slack-requests.js';
import type { startSlackTestServer } from '../support/slack-server.js';

/*
 * Reopening an item approved by mistake, from its root message in Slack: who may (its approver,
 * a tenant admin), the reason asked in a modal, the root and the thread updated, the audit entry.
 */

let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
let hooks: ReturnType<typeof responseUrls>;
let item: string;
let evidenceId: string;
const TEAM = 'T0DEMO';
const CHANNEL = 'C0MFG0001';
const ROOT = '1764000000.000900';
const calls: RecordedCall[] = [];

beforeAll(async () => {
  ({ ctx, hooks } = await startDecisionServer(TEAM, calls));
  const { t, demo } = ctx;
  item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
  await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: item }).update({ slack_channel_id: CHANNEL, slack_thread_ts: ROOT }));
  evidenceId = (await submitDemoFile(ctx, item, 'gstr3b.pdf')).evidence.id;
  await runAsUser(t.db, demo.tenantId, demo.users.approver, (unit, actor) => approveEvidence(unit, actor, { instanceId: item, evidenceId }, DEMO_NOW));
});
afterEach(() => expect(calls.flatMap(specProblems)).toEqual([]));
afterAll(() => ctx.close());

const state = () => ctx.t.db.withTenant(ctx.demo.tenantId, async ({ trx }) => ({
  status: (await trx('compliance_instances').where({ id: item }).first('status')).status,
  evidence: (await trx('evidence').where({ id: evidenceId }).first('review_status')).review_status,
  reopened: await trx('audit_log').where({ object_id: item, action: 'instance.reopened' }).select('actor_id', 'after'),
}));
/** Presses Reopen on the root as `user`; the private reply, if any, and whether a modal opened. */
async function pressReopen(user: string, value = item): Promise<{ reply?: Record<string, unknown>; opened?: RecordedCall }> {
  const since = calls.length;
  const url = hooks.url();
  const message = { type: 'message', ts: ROOT, text: 'GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026 · due 20 Dec 2026 · Approved' };
  expect((await postInteraction(ctx.events, { ...buttonPress({ team: TEAM, user, actionId: `item_reopen:${value}`, value, responseUrl: url }), message })).status).toBe(200);
  return until(() => {
    const reply = hooks.replies.get(new URL(url).pathname);
    const opened = calls.slice(since).find((c) => c.method === 'views.open');
    return (reply || opened) && { reply, opened };
  }, 10_000, 'the reply or the modal');
}
const submitReason = (user: string, reason: string) => postInteraction(ctx.events, modalSubmission({
  team: TEAM, user, callbackId: VIEWS.reopen, privateMetadata: item, field: FIELDS.reason, value: reason,
}));

describe('Reopen in Slack', () => {
  it('is refused privately for the item\'s preparer, and nothing opens or changes', async () => {
    const { reply, opened } = await pressReopen('U0OWNER');
    expect(opened).toBeUndefined();
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: ':warning: You cannot reopen this item: only its approver or a tenant admin can. Ask one of them.' });
    expect(await state()).toEqual({ status: 'approved', evidence: 'approved', reopened: [] });
  });

  it('is refused privately for an item of another tenant, as if it did not exist', async () => {
    const other = await createTenantWithEverything(ctx.t.db, 'intruder');
    const { reply, opened } = await pressReopen('U0APPR', other.instanceId);
    expect(opened).toBeUndefined();
    expect(String(reply!.text)).toContain('That compliance item does not exist in your organisation.');
  });

  it('asks its approver why in a modal, refuses a short reason, then reopens: root updated, thread told, audited, evidence still frozen', async () => {
    const { opened } = await pressReopen('U0APPR');
    const modal = JSON.parse(String(opened!.args.view)) as { callback_id: string; private_metadata: string; blocks: { text?: { text: string } }[] };
    expect([modal.callback_id, modal.private_metadata]).toEqual([VIEWS.reopen, item]);
    expect(modal.blocks[0]!.text!.text).toMatch(/^\*GSTR-3B \(monthly\) — summary return and tax payment · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026\*/);

    const short = await submitReason('U0APPR', 'oops');
    expect(await short.json()).toEqual({ response_action: 'errors', errors: { reason: expect.stringContaining('at least 10 characters') } });
    expect((await state()).status).toBe('approved');

    const since = calls.length;
    expect((await submitReason('U0APPR', 'Approved by mistake: wrong GSTIN')).status).toBe(200);
    const told = await until(() => calls.slice(since).find((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ROOT), 10_000, 'the thread told');
    expect([told.args.channel, told.args.text]).toEqual([CHANNEL, ':arrows_counterclockwise: Reopened by <@U0APPR>. Reason: Approved by mistake: wrong GSTIN\nThe approved evidence stays as it was: drop a new version in this thread.']);
    const root = calls.slice(since).find((c) => c.method === 'chat.update' && c.args.ts === ROOT)!;
    expect(String(root.args.text)).toMatch(/ · Pending$/);
    expect(String(root.args.blocks)).not.toContain('item_reopen');
    expect(String(root.args.blocks)).toContain(`item_mark_not_applicable:${item}`);
    expect(await state()).toEqual({
      status: 'pending', evidence: 'approved', reopened: [{ actor_id: ctx.demo.users.approver, after: { status: 'pending', reason: 'Approved by mistake: wrong GSTIN' } }],
    });
  });
});
