import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { runDispatcher } from '../../infra/outbox/dispatcher.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { DEMO_NOW, instanceId } from '../support/demo.js';
import { sha256Hex } from '../support/fixtures.js';
import { SIGNING_SECRET } from '../support/slack.js';
import { startSlackTestServer } from '../support/slack-server.js';

/**
 * What Slack is shown about an item (its root's RAG, the App Home's day) is as of the product's
 * clock (CLOCK_AT), not the machine's: a run placed on a day shows that day, whatever today is.
 */
let ctx: Awaited<ReturnType<typeof startSlackTestServer>>;
const calls: { method: string; args: Record<string, string> }[] = [];

beforeAll(async () => {
  // 15 Nov 2026: GSTR-3B for October (due 20 Nov) is due within the amber window, not overdue.
  ctx = await startSlackTestServer({
    env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-demo-token', CLOCK_AT: '2026-11-15T11:30:00+05:30' }, team: 'T0DEMO',
  });
  const { t, demo } = ctx;
  await t.db.withTenant(demo.tenantId, async ({ trx }) => {
    await trx('users').where({ id: demo.users.approver }).update({ slack_user_id: 'U0APPR' });
    await trx('entities').where({ id: demo.entities.manufacturing }).update({ slack_channel_id: 'C0MFG0001' });
  });
  nock('https://slack.com').persist().post(/\/api\/.*/).reply(function (uri, body) {
    const args = Object.fromEntries(new URLSearchParams(String(body)));
    calls.push({ method: uri.replace('/api/', ''), args });
    return [200, { ok: true, channel: args.channel, ts: `1764.${calls.length}` }];
  });
});
afterAll(() => ctx.close());

describe("Slack follows the product's clock", () => {
  it("shows an item's RAG and the App Home's day as of CLOCK_AT", async () => {
    const { t, demo, runtime } = ctx;
    const id = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-10');
    await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) => submitEvidence(u, a, {
      instanceId: id, channel: 'portal', file: { fileName: 'gstr3b.pdf', contentType: 'application/pdf', sizeBytes: 9, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` },
    }, DEMO_NOW));
    // The review request, and the seed's new-work emails to the owner and the approver.
    expect(await runDispatcher(runtime.services.dispatcher, { concurrency: 1, idleMs: 0, shouldStop: () => false, untilEmpty: true })).toMatchObject({ sent: 3 });

    const root = calls.find((c) => c.method === 'chat.postMessage' && c.args.thread_ts === undefined)!;
    expect(root.args.blocks).toContain(':large_orange_circle: *Submitted, awaiting approval*');
    const home = JSON.parse(calls.find((c) => c.method === 'views.publish')!.args.view!) as { blocks: { type: string; elements?: { text: string }[] }[] };
    expect(home.blocks[1]!.elements![0]!.text).toMatch(/ · updated 2026-11-15$/);
  });
});
