import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@microsoft/teams.api';
import { teamsDeliveryError } from '../../bot/teams/delivery-error.js';
import { DeliveryError } from '../../core/notifications/retry.js';
import { DEMO_NOW } from '../support/demo-clock.js';
import { startFakeTeams, type FakeTeams } from '../support/fake-teams.js';

const WHERE = { conversation: '19:gst-filings@thread.tacv2', entityName: 'Acme Manufacturing', person: 'Priya Shah' };

let fake: FakeTeams;
beforeAll(async () => {
  fake = await startFakeTeams();
});
afterAll(() => fake.close());

/** How the outbox would see a post to `conversationId`: the SDK's own client against the fake, its error mapped. */
async function failureOf(conversationId: string, timeout = 10_000): Promise<DeliveryError> {
  const client = new Client(fake.url, { timeout });
  try {
    await client.conversations.createActivity(conversationId, { type: 'message', text: 'GSTR-3B · Acme Manufacturing · Nov 2026 is due on 20 Dec 2026' });
  } catch (error) {
    return teamsDeliveryError(error, WHERE, DEMO_NOW);
  }
  throw new Error('the post did not fail');
}

describe('Teams delivery errors, sorted for the outbox', () => {
  it('429 is retried after its Retry-After (7 s), not the backoff', async () => {
    fake.refuse('a:throttled', 429, 'ThrottledRequest', { 'retry-after': '7' });
    const e = await failureOf('a:throttled');
    expect({ permanent: e.permanent, retryAfterMs: e.retryAfterMs, message: e.message }).toEqual({ permanent: false, retryAfterMs: 7000, message: 'Teams answered 429 ThrottledRequest' });
  });

  it('502, 504 and 412 are retried with the backoff', async () => {
    for (const [id, status] of [['a:bad-gateway', 502], ['a:gateway-timeout', 504], ['a:precondition', 412]] as const) {
      fake.refuse(id, status);
      const e = await failureOf(id);
      expect({ status, permanent: e.permanent, retryAfterMs: e.retryAfterMs }).toEqual({ status, permanent: false, retryAfterMs: undefined });
    }
  });

  it('a connector that does not answer in time is retried (the row lock is not held on it)', async () => {
    const release = fake.hold();
    try {
      const e = await failureOf('a:hung', 100);
      expect(e.permanent).toBe(false);
      expect(e.message).toMatch(/^Teams could not be reached: ECONNABORTED/);
    } finally {
      release();
    }
  });

  it('403 BotNotInConversationRoster is permanent, and tells the admins to add the app to the team again', async () => {
    fake.refuse('19:gst-filings@thread.tacv2', 403, 'BotNotInConversationRoster');
    const e = await failureOf('19:gst-filings@thread.tacv2');
    expect(e.permanent).toBe(true);
    expect(e.problem).toEqual({
      cause: 'teams:BotNotInConversationRoster:19:gst-filings@thread.tacv2',
      text: 'The Teams channel of Acme Manufacturing: Compliance OS is no longer in it (the app was removed, or the conversation deleted) — add the app to the team again in Teams (Apps → Compliance OS → Add to a team), or set another channel in the portal.',
    });
  });

  it('413 (too big), a blocked bot, a disabled app and refused credentials are permanent, each with its cause', async () => {
    const cases: [string, number, string | undefined, string][] = [
      ['a:too-big', 413, 'MessageSizeTooBig', 'teams:too_big'],
      ['a:blocked', 403, 'ConversationBlockedByUser', 'teams:blocked:Priya Shah'],
      ['a:disabled', 403, 'BotDisabledByAdmin', 'teams:disabled'],
      ['a:unauthorized', 401, undefined, 'teams:connection'],
    ];
    for (const [id, status, code, cause] of cases) {
      fake.refuse(id, status, code);
      const e = await failureOf(id);
      expect({ id, permanent: e.permanent, cause: e.problem?.cause }).toEqual({ id, permanent: true, cause });
    }
  });

  it('a Retry-After given as a date counts from now; a failure already sorted is kept as it is', () => {
    const throttled = { response: { status: 503, headers: { 'retry-after': new Date(DEMO_NOW.getTime() + 30_000).toUTCString() }, data: {} } };
    expect(teamsDeliveryError(throttled, WHERE, DEMO_NOW).retryAfterMs).toBe(30_000);
    const sorted = new DeliveryError('no Teams channel is set for Acme Manufacturing', true);
    expect(teamsDeliveryError(sorted, WHERE, DEMO_NOW)).toBe(sorted);
  });
});
