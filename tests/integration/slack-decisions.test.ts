import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FIELDS, VIEWS } from '../../bot/slack/ids.js';
import { instanceId } from '../support/demo.js';
import { specProblems, type RecordedCall } from '../support/slack-spec.js';
import { signedHeaders, slashCommandBody, until } from '../support/slack.js';
import { buttonPress, modalSubmission, postEvent, postInteraction, startDecisionServer, submitDemoFile, type responseUrls } from '../support/slack-requests.js';
import type { startSlackTestServer } from '../support/slack-server.js';

/*
 * Decisions and the messages around them, driven by signed Slack requests against Slack's Web API
 * faked at HTTP: every call is checked against the spec (including Block Kit's unique action ids).
 */

let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
let hooks: ReturnType<typeof responseUrls>;
const TEAM = 'T0DEMO';
const CHANNEL = 'C0MFG0001';
const calls: RecordedCall[] = [];
const items: Record<'gst' | 'pf' | 'tds', { id: string; evidenceId: string; reviewTs: string }> = {} as never;

beforeAll(async () => {
  ({ ctx, hooks } = await startDecisionServer(TEAM, calls));
  const { t, demo } = ctx;
  const codes = { gst: 'GSTR3B_MONTHLY', pf: 'PF_ECR', tds: 'TDS_DEPOSIT' } as const;
  let n = 0;
  for (const [key, code] of Object.entries(codes) as [keyof typeof codes, string][]) {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, code, '2026-11');
    const { evidence } = await submitDemoFile(ctx, id, `${key}.pdf`);
    // As the outbox leaves it once the approver's "ready for your review" is posted in the item's thread.
    const reviewTs = `1764000500.00010${++n}`;
    await t.db.withTenant(demo.tenantId, async ({ trx }) => {
      await trx('compliance_instances').where({ id }).update({ slack_channel_id: CHANNEL, slack_thread_ts: `1764000000.00010${n}` });
      await trx('notifications').where({ instance_id: id, kind: 'review_requested' }).update({ channel: 'slack', status: 'sent', provider_ref: reviewTs });
    });
    items[key] = { id, evidenceId: evidence.id, reviewTs };
  }
});
afterEach(() => expect(calls.flatMap(specProblems)).toEqual([]));
afterAll(() => ctx.close());

const callsTo = (method: string, since = 0) => calls.slice(since).filter((c) => c.method === method);
interface HomeView { blocks: { type: string; text?: { text: string }; elements?: { action_id: string; value: string }[] }[] }
const homesOf = (user: string, since = 0): HomeView[] => callsTo('views.publish', since).filter((c) => c.args.user_id === user)
  .map((c) => JSON.parse(String(c.args.view)) as HomeView);
/** The person's next Home published after `since`. */
const nextHome = async (user: string, since: number): Promise<HomeView> => (await until(() => homesOf(user, since)[0], 10_000, `${user}'s Home published`));
const blockTypes = (blocks: unknown): string[] => (JSON.parse(String(blocks)) as { type: string }[]).map((b) => b.type);
const status = async (id: string) => (await ctx.t.db.withTenant(ctx.demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id }).first('status'))).status;
/** The update of a review request in its thread, once made. */
const updateOf = (ts: string, since: number) => until(() => callsTo('chat.update', since).find((c) => c.args.ts === ts), 10_000, `the review request ${ts} updated`);

describe('View details', () => {
  it('is acknowledged at once (it is a link: nothing else happens)', async () => {
    // Unacknowledged, Bolt answers 404 once its wait runs out (and Slack marks the button failed).
    const res = await postInteraction(ctx.events, buttonPress({ team: TEAM, user: 'U0APPR', actionId: `item_view_details:${items.gst.id}`, url: 'http://127.0.0.1/admin' }));
    expect(res.status).toBe(200);
  });
});

describe('the App Home', () => {
  it('gives every button its own action id, though several items have the same buttons', async () => {
    const since = calls.length;
    expect((await postEvent(ctx.events, TEAM, { type: 'app_home_opened', user: 'U0APPR', channel: 'D0APPR', tab: 'home', event_ts: '1764000000.9' })).status).toBe(200);
    const home = await nextHome('U0APPR', since);
    const ids = home.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements!).map((e) => e.action_id);
    expect(ids.length).toBe(9); // three items awaiting approval, three buttons each
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(`evidence_approve:${items.gst.id}`);
  });
});

describe('a decision taken away from the review request', () => {
  it('Reject with a reason (modal) updates the thread\'s review request to the outcome, without buttons, and refreshes the approver\'s Home', async () => {
    const since = calls.length;
    const res = await postInteraction(ctx.events, modalSubmission({
      team: TEAM, user: 'U0APPR', callbackId: VIEWS.rejectEvidence, privateMetadata: `${items.pf.id}:${items.pf.evidenceId}`, field: FIELDS.reason,
      value: 'The ECR is for October, not November',
    }));
    expect(res.status).toBe(200);
    const update = await updateOf(items.pf.reviewTs, since);
    expect(update.args.channel).toBe(CHANNEL);
    expect(update.args.text).toBe(':x: Version 1 rejected by <@U0APPR>. Reason: The ECR is for October, not November');
    expect(blockTypes(update.args.blocks)).toEqual(['section']);
    await nextHome('U0APPR', since);
    expect(await status(items.pf.id)).toBe('rejected');
  });

  it('Approve in the App Home updates the thread\'s review request to the outcome too', async () => {
    const since = calls.length;
    expect((await postInteraction(ctx.events, buttonPress({
      team: TEAM, user: 'U0APPR', actionId: `evidence_approve:${items.tds.id}`, value: `${items.tds.id}:${items.tds.evidenceId}:home`, inHome: true,
    }))).status).toBe(200);
    const update = await updateOf(items.tds.reviewTs, since);
    expect([update.args.channel, update.args.text]).toEqual([CHANNEL, expect.stringMatching(/^:white_check_mark: Version 1 approved by <@U0APPR>/)]);
    expect(blockTypes(update.args.blocks)).not.toContain('actions');
    expect(await status(items.tds.id)).toBe('approved');
  });
});

describe('a decision taken in the thread', () => {
  it('replaces the review request and republishes the approver\'s Home, which no longer lists it', async () => {
    const since = calls.length;
    const url = hooks.url();
    expect((await postInteraction(ctx.events, buttonPress({
      team: TEAM, user: 'U0APPR', actionId: `evidence_approve:${items.gst.id}`, value: `${items.gst.id}:${items.gst.evidenceId}`, responseUrl: url,
    }))).status).toBe(200);
    const reply = await until(() => hooks.replies.get(new URL(url).pathname), 10_000, 'the thread reply');
    expect(reply).toMatchObject({ replace_original: true, text: expect.stringMatching(/^:white_check_mark: Version 1 approved by <@U0APPR>/) });
    const home = await nextHome('U0APPR', since);
    expect(home.blocks.map((b) => b.text?.text ?? '').join('\n')).toContain('*Awaiting your approval (0)*');
  });
});

describe('a workspace no tenant has connected', () => {
  const OTHER = 'T0NOBODY';

  it('gets a polite private answer to a slash command, saying how to connect, and nothing is touched', async () => {
    const since = calls.length;
    const body = slashCommandBody({ team_id: OTHER, user_id: 'U0STRANGER', text: 'mine', response_url: 'https://hooks.slack.com/commands/x' });
    const res = await fetch(ctx.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
    expect(res.status).toBe(200);
    const answer = await res.json() as { response_type: string; text: string };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/^This Slack workspace is not connected to Compliance OS, so nothing was done\. /);
    expect(answer.text).toContain('npm run cli -- slack install-link --tenant <slug>');
    expect(calls.length).toBe(since);
  });

  it('has its events and button presses acknowledged (200) and ignored', async () => {
    const since = calls.length;
    expect((await postEvent(ctx.events, OTHER, { type: 'app_home_opened', user: 'U0STRANGER', channel: 'D0X', tab: 'home', event_ts: '1.2' })).status).toBe(200);
    const press = await postInteraction(ctx.events, buttonPress({ team: OTHER, user: 'U0STRANGER', actionId: `evidence_approve:${items.gst.id}`, value: `${items.gst.id}:${items.gst.evidenceId}` }));
    expect(press.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls.length).toBe(since);
  });

  it('still has a forged signature refused', async () => {
    const press = await postInteraction(ctx.events, buttonPress({ team: OTHER, user: 'U0STRANGER', actionId: 'item_view_details:x' }), { secret: 'not-the-signing-secret' });
    expect(press.status).toBe(401);
  });
});
