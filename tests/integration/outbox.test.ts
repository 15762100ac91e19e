import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { sendgridChannel } from '../../infra/channels/email.js';
import { dispatchNext, runDispatcher } from '../../infra/outbox/dispatcher.js';
import { theTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createTenantWithEverything, type TenantFixture } from '../support/fixtures.js';
import { dispatcherDeps, recordingChannel, seedNotifications, statusCounts } from '../support/outbox.js';

let t: TestDatabase;
let fx: TenantFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  fx = await createTenantWithEverything(t.db, 'outbox');
  await t.db.withTenant(fx.tenantId, ({ trx }) => trx('notifications').delete()); // the fixture's own row
  nock.disableNetConnect();
});
afterEach(async () => {
  nock.cleanAll();
  await t.db.withTenant(fx.tenantId, ({ trx }) => trx('notifications').delete());
});
afterAll(async () => {
  nock.enableNetConnect();
  await t.drop();
});

const row = async () => t.db.withTenant(fx.tenantId, ({ trx }) => trx('notifications').first());
const SENDGRID = 'https://api.sendgrid.com';

describe('two dispatchers at once', () => {
  it('send every notification exactly once', async () => {
    await seedNotifications(t.db, fx.tenantId, fx.userId, 400);
    const { channel, sent } = recordingChannel({ delayMs: 1 });
    const deps = dispatcherDeps(t.db, channel);
    const options = { concurrency: 4, idleMs: 0, shouldStop: () => false, untilEmpty: true };
    const [a, b] = await Promise.all([runDispatcher(deps, options), runDispatcher(deps, options)]);
    expect(a.sent + b.sent).toBe(400);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const ids = sent.map((m) => m.notificationId);
    expect(new Set(ids).size).toBe(400);
    expect(await statusCounts(t.db)).toEqual({ sent: 400 });
  });
});

describe('email through SendGrid (faked at the HTTP boundary)', () => {
  const deps = () => dispatcherDeps(t.db, sendgridChannel('SG.test-key-0123456789', 'compliance@example.com'));

  it('retries a 500 and delivers once on the 202, with the v3 mail-send body', async () => {
    await seedNotifications(t.db, fx.tenantId, fx.userId, 1);
    const bodies: Record<string, unknown>[] = [];
    nock(SENDGRID).post('/v3/mail/send').reply(500, { errors: [{ message: 'internal' }] });
    nock(SENDGRID).post('/v3/mail/send', (body) => bodies.push(body) > 0).reply(202, '', { 'x-message-id': 'msg-1' });

    expect(await dispatchNext(deps())).toBe('retry');
    const afterFirst = await row();
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterFirst.last_error).toContain('SendGrid 500');
    expect(afterFirst.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 20_000); // ~30 s backoff

    expect(await dispatchNext(deps())).toBe('empty'); // not due yet
    const later = new Date(afterFirst.next_attempt_at.getTime() + 1000);
    expect(await dispatchNext({ ...deps(), now: () => later })).toBe('sent');
    expect(await row()).toMatchObject({ status: 'sent', attempts: 2, provider_ref: 'msg-1', last_error: null });
    expect(nock.isDone()).toBe(true);

    const body = bodies[0] as { personalizations: { to: { email: string }[] }[]; from: { email: string }; subject: string; content: { type: string; value: string }[]; custom_args: Record<string, string> };
    expect(body.personalizations[0]!.to).toEqual([{ email: 'owner@outbox.example' }]);
    expect(body.from).toEqual({ email: 'compliance@example.com' });
    expect(body.subject).toBe('[Tenant outbox] Due soon');
    expect(body.content.map((c) => c.type)).toEqual(['text/plain', 'text/html']);
    expect(body.content[0]!.value).toContain('Hello Owner,');
    expect(body.custom_args.notification_id).toBe(afterFirst.id);
  });

  it('marks a 400 failed with the error and does not retry it', async () => {
    await seedNotifications(t.db, fx.tenantId, fx.userId, 1);
    nock(SENDGRID).post('/v3/mail/send').reply(400, { errors: [{ message: 'Does not contain a valid address.', field: 'personalizations.0.to.0.email' }] });
    expect(await dispatchNext(deps())).toBe('failed');
    const failed = await row();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toContain('Does not contain a valid address.');
    expect(await dispatchNext({ ...deps(), now: () => new Date(Date.now() + 86_400_000) })).toBe('empty');
    expect(nock.isDone()).toBe(true);
  });

  it("honours a 429's Retry-After", async () => {
    await seedNotifications(t.db, fx.tenantId, fx.userId, 1);
    nock(SENDGRID).post('/v3/mail/send').reply(429, { errors: [{ message: 'too many requests' }] }, { 'retry-after': '120' });
    const now = new Date();
    expect(await dispatchNext({ ...deps(), now: () => now })).toBe('retry');
    expect((await row()).next_attempt_at.getTime()).toBe(now.getTime() + 120_000);
  });

  it('gives up after the retry limit into a visible dead state', async () => {
    await seedNotifications(t.db, fx.tenantId, fx.userId, 1);
    nock(SENDGRID).post('/v3/mail/send').times(3).reply(503, { errors: [{ message: 'unavailable' }] });
    const policy = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 };
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await dispatchNext({ ...deps(), retry: policy }));
    expect(outcomes).toEqual(['retry', 'retry', 'dead']);
    expect(await row()).toMatchObject({ status: 'dead', attempts: 3 });
  });

  it('fails an unconfigured channel or a recipient without email permanently, a chat message going by email instead', async () => {
    await theTenant(fx.tenantId).withNotification('slack', { to: fx.userId, channel: 'slack', kind: 'due_soon', dedupKey: 'slack-1' }).build(t.db);
    expect(await dispatchNext(deps())).toBe('failed');
    expect((await row()).last_error).toBe('the slack channel is not configured');
    // The same message, by email, at once.
    nock(SENDGRID).post('/v3/mail/send').reply(202, '', { 'x-message-id': 'fallback-1' });
    expect(await dispatchNext(deps())).toBe('sent');
    const copy = await t.db.withTenant(fx.tenantId, ({ trx }) => trx('notifications').where({ dedup_key: 'slack-1:email' }).first());
    expect(copy).toMatchObject({ channel: 'email', kind: 'due_soon', status: 'sent', recipient_user_id: fx.userId, provider_ref: 'fallback-1' });
    expect(copy.payload.fallback).toEqual({ from: 'slack', problem: 'the slack channel is not configured' });

    // users.email is NOT NULL, so the recipient without an address is a notification for no user.
    await theTenant(fx.tenantId).withNotification('noEmail', { to: null, kind: 'due_soon', dedupKey: 'no-email-1' }).build(t.db);
    expect(await dispatchNext(deps())).toBe('failed');
    const noEmail = await t.db.withTenant(fx.tenantId, ({ trx }) => trx('notifications').where({ dedup_key: 'no-email-1' }).first());
    expect(noEmail).toMatchObject({ status: 'failed', attempts: 1, last_error: 'the recipient has no email address' });
    expect(await dispatchNext({ ...deps(), now: () => new Date(Date.now() + 86_400_000) })).toBe('empty');
  });
});
