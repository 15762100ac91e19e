import nock from 'nock';
import type { RecordedCall } from './slack-spec.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { DEMO_NOW } from './demo.js';
import { sha256Hex } from './fixtures.js';
import { linkDemoToSlack, signedHeaders } from './slack.js';
import { startSlackTestServer } from './slack-server.js';

/*
 * Slack as the app meets it in integration tests: signed requests to /slack/events, and Slack's
 * Web API faked at HTTP (nock), every call recorded for the spec check (slack-spec.ts).
 */

/** Answers every Web API call like Slack does and records it; chat.postMessage gets a fresh ts. */
export function recordSlackApi(calls: RecordedCall[]): void {
  let ts = 1_764_100_000;
  nock('https://slack.com').persist().post(/^\/api\/[A-Za-z.]+$/).reply(function (uri, body) {
    const method = uri.replace(/^\/api\//, '');
    const args = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
    calls.push({ method, args });
    if (method === 'chat.postMessage') return [200, { ok: true, channel: args.channel, ts: `${++ts}.000100` }];
    if (method === 'users.info') return [200, { ok: false, error: 'user_not_found' }];
    return [200, { ok: true }];
  });
}

/** Where response_url bodies go: each path's body, once posted. */
export function responseUrls(): { url: () => string; replies: Map<string, Record<string, unknown>> } {
  const replies = new Map<string, Record<string, unknown>>();
  let n = 0;
  nock('https://hooks.slack.com').persist().post(/^\/actions\//).reply(function (uri, body) {
    replies.set(uri, body as Record<string, unknown>);
    return [200, 'ok'];
  });
  return { url: () => `https://hooks.slack.com/actions/T/${++n}/r`, replies };
}

/** An interaction (block_actions, view_submission) as Slack posts it: form-encoded, signed. */
export function postInteraction(events: string, payload: Record<string, unknown>, options: { secret?: string } = {}): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify({ api_app_id: 'A0TEST', token: 'legacy', trigger_id: '9.9.9', ...payload }) }).toString();
  return fetch(events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body, options) }, body });
}

let eventCount = 0;
/** An Events API delivery, signed, with a fresh event id. */
export function postEvent(events: string, team: string, event: Record<string, unknown>): Promise<Response> {
  const body = JSON.stringify({ token: 'legacy', team_id: team, api_app_id: 'A0TEST', type: 'event_callback', event_id: `Ev0TEST${++eventCount}`, event_time: 1764000000, event });
  return fetch(events, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(body) }, body });
}

/** A button press in a message (with its response_url) or in the App Home (none: Slack sends the view). */
export function buttonPress(fields: { team: string; user: string; actionId: string; value?: string; responseUrl?: string; url?: string; inHome?: boolean }): Record<string, unknown> {
  return {
    type: 'block_actions', team: { id: fields.team, domain: 'demo' }, user: { id: fields.user },
    ...(fields.inHome
      ? { container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', blocks: [] } }
      : { response_url: fields.responseUrl ?? 'https://hooks.slack.com/actions/T/0/r', container: { type: 'message', channel_id: 'C0MFG0001', message_ts: '1764.9' } }),
    actions: [{
      type: 'button', action_id: fields.actionId, block_id: 'b', action_ts: '1764.10', text: { type: 'plain_text', text: 'x' },
      ...(fields.value !== undefined ? { value: fields.value } : {}), ...(fields.url ? { url: fields.url } : {}),
    }],
  };
}

/** A modal's submission with one text field. */
export function modalSubmission(fields: { team: string; user: string; callbackId: string; privateMetadata: string; field: { block: string; input: string }; value: string }): Record<string, unknown> {
  return {
    type: 'view_submission', team: { id: fields.team }, user: { id: fields.user },
    view: {
      id: 'V1', type: 'modal', callback_id: fields.callbackId, private_metadata: fields.privateMetadata,
      state: { values: { [fields.field.block]: { [fields.field.input]: { type: 'plain_text_input', value: fields.value } } } },
    },
  };
}

/**
 * The demo behind a running Slack app, its Web API calls recorded into `calls` and its response
 * URLs answered, the preparer and approver linked to Slack: where the decision tests start.
 */
export async function startDecisionServer(team: string, calls: RecordedCall[]) {
  const ctx = await startSlackTestServer({ team });
  recordSlackApi(calls);
  const hooks = responseUrls();
  await linkDemoToSlack(ctx.t.db, ctx.demo, { owner: 'U0OWNER', approver: 'U0APPR' });
  return { ctx, hooks };
}

/** The preparer's file for an item, submitted as Slack would (a 2 KB PDF), at the demo's moment. */
export const submitDemoFile = (ctx: Awaited<ReturnType<typeof startSlackTestServer>>, instanceId: string, fileName: string) =>
  runAsUser(ctx.t.db, ctx.demo.tenantId, ctx.demo.users.owner, (unit, actor) => submitEvidence(unit, actor, {
    instanceId, channel: 'slack', file: { fileName, contentType: 'application/pdf', sizeBytes: 2048, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` },
  }, DEMO_NOW));
