import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHttpApp, listen, type RunningServer } from '../../app/http/server.js';
import type { Runtime } from '../../app/runtime.js';
import { createAckToken } from '../../core/notifications/ack-link.js';
import { theTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { runCli } from '../support/cli.js';
import { testRuntime } from '../support/runtime.js';

let t: TestDatabase;
let demo: DemoIds;
let runtime: Runtime;
let server: RunningServer;
let base: string;
let item: string;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  runtime = await testRuntime(t.url);
  server = await listen(createHttpApp({ db: runtime.db, logger: runtime.logger, services: runtime.services }), '127.0.0.1', 0);
  base = `http://127.0.0.1:${server.port}`;
  item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'TDS_DEPOSIT', '2026-10');
});
afterAll(async () => {
  await server.close();
  await runtime.close();
  await t.drop();
});

const token = (userId: string, expiresAt = Date.now() + 3_600_000, secret = runtime.services.appSecret) =>
  createAckToken(secret, { tenantId: demo.tenantId, instanceId: item, userId, expiresAt });
const acknowledged = async () => (await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id: item }).first('escalation_acknowledged_by'))).escalation_acknowledged_by;

describe('escalation acknowledgement links', () => {
  it('opening the link only asks for confirmation (mail scanners must not acknowledge)', async () => {
    const res = await fetch(`${base}/ack/${token(demo.users.cfo)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<form method="post"><button type="submit">Acknowledge</button></form>');
    expect(await acknowledged()).toBeNull();
  });

  it('refuses a forged, altered or expired link, saying what to do', async () => {
    const forged = await fetch(`${base}/ack/${token(demo.users.cfo, Date.now() + 3_600_000, 'x'.repeat(32))}`, { method: 'POST' });
    expect([forged.status, (await forged.text()).includes('This link is not valid')]).toEqual([400, true]);
    // The owner's own link, its body rewritten to name the CFO, keeping the owner's signature.
    const [body, signature] = token(demo.users.owner).split('.');
    const claim = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = `${Buffer.from(JSON.stringify({ ...claim, u: demo.users.cfo })).toString('base64url')}.${signature}`;
    const tampered = await fetch(`${base}/ack/${altered}`, { method: 'POST' });
    expect([tampered.status, (await tampered.text()).includes('This link is not valid')]).toEqual([400, true]);
    const expired = await fetch(`${base}/ack/${token(demo.users.cfo, Date.now() - 1000)}`, { method: 'POST' });
    expect([expired.status, (await expired.text()).includes('This link has expired')]).toEqual([400, true]);
    expect(await acknowledged()).toBeNull();
  });

  it('refuses a user who may not acknowledge, even with a valid link', async () => {
    const res = await fetch(`${base}/ack/${token(demo.users.owner)}`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('You cannot acknowledge this escalation');
    expect(await acknowledged()).toBeNull();
  });

  it('acknowledges as the CFO, once, on the audit trail', async () => {
    const res = await fetch(`${base}/ack/${token(demo.users.cfo)}`, { method: 'POST' });
    expect([res.status, (await res.text()).includes('The repeated escalations for this item have stopped')]).toEqual([200, true]);
    expect(await acknowledged()).toBe(demo.users.cfo);
    const again = await fetch(`${base}/ack/${token(demo.users.cfo)}`, { method: 'POST' });
    expect(await again.text()).toContain('had already been acknowledged');
    const audit = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('audit_log').where({ object_id: item, action: 'escalation.acknowledged' }).select('actor_id'));
    expect(audit).toEqual([{ actor_id: demo.users.cfo }]);
  });
});

describe('outbox CLI', () => {
  it('lists a dead notification and sends it again with outbox retry', async () => {
    const dead = { id: (await theTenant(demo.tenantId).withNotification('dead', {
      to: demo.users.owner, item, kind: 'due_soon', dedupKey: 'cli-dead', status: 'dead', attempts: 8, lastError: 'SendGrid 503: unavailable',
    }).build(t.db)).id('dead') };
    const env = { DATABASE_URL: t.url, DATA_DIR: '/tmp' };
    const list = await runCli(['outbox', 'list', '--status', 'dead'], env);
    expect(list.stdout).toContain(dead.id);
    expect(list.stdout).toContain('last error: SendGrid 503: unavailable');
    const retry = await runCli(['outbox', 'retry', dead.id], env);
    expect([retry.code, retry.stdout.trim()]).toEqual([0, `Notification ${dead.id} (due_soon) is pending again and will be sent within seconds.`]);
    expect(await t.db.withTenant(demo.tenantId, ({ trx }) => trx('notifications').where({ id: dead.id }).first('status', 'attempts'))).toEqual({ status: 'pending', attempts: 0 });
    const again = await runCli(['outbox', 'retry', dead.id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Only failed or dead ones can be retried');
  });
});
