import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyExtension } from '../../core/use-cases/apply-extension.js';
import { acknowledgeEscalation, markNotApplicable, reopenInstance } from '../../core/use-cases/change-status.js';
import { recordEvidenceDownload } from '../../core/use-cases/record-evidence-download.js';
import { approveEvidence, rejectEvidence } from '../../core/use-cases/review-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { loadItemTimeline } from '../../infra/portal/item-timeline.js';
import { createEngineUnit } from '../../infra/stores/engine-unit.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { loadActor } from '../../infra/stores/tenant-unit.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { createTenantWithEverything, type TenantFixture } from '../support/fixtures.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalServer } from '../support/portal.js';

// One demo item lived through by the real use cases (their audit entries carry the real time the
// chain stamps), plus messages about it whose moments are set relative to those entries: the test
// reads the same whatever today is.
let t: TestDatabase;
let demo: DemoIds;
let other: TenantFixture;
let item: string;
let neighbour: string;
/** When the first change to the item went on the chain. */
let firstChange: Date;

const SHA_1 = '3f5a'.padEnd(64, '1');
const SHA_2 = '9c0e'.padEnd(64, '2');
const MINUTE = 60_000;
const DAY = 86_400_000;
const SLACK_PROBLEM = 'Slack says the app is not in the item’s channel: invite @Compliance OS to it.';

const upload = (fileName: string, sizeBytes: number, sha256: string) =>
  runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) =>
    submitEvidence(u, a, { instanceId: item, channel: 'slack', file: { fileName, contentType: 'application/pdf', sizeBytes, sha256, storageKey: `k/${sha256}` } }, DEMO_NOW));

/** A message about the item as the outbox holds it, stamped at the given moments. */
async function message(values: { kind: string; channel: string; status: string; to: string; instance: string | null; payload: object; at: Date; sentAt?: Date | null; key: string }) {
  await t.superuser(
    `INSERT INTO notifications (tenant_id, channel, kind, recipient_user_id, instance_id, payload, dedup_key, status, created_at, updated_at, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)`,
    [demo.tenantId, values.channel, values.kind, values.to, values.instance, JSON.stringify(values.payload), values.key, values.status, values.at, values.sentAt ?? null]);
}

/** "20 Nov 2026, 14:44 IST", worked out apart from the code under test. */
function inKolkata(at: Date): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} IST`;
}

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  other = await createTenantWithEverything(t.db, 'other');
  item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
  neighbour = await instanceId(t.db, demo.tenantId, demo.entities.advisors, 'GSTR3B_MONTHLY', '2026-11');

  await t.db.withTenant(demo.tenantId, async (tx) => applyExtension(await createEngineUnit(tx), await loadActor(tx, demo.users.admin),
    { code: 'GSTR3B_MONTHLY', periodKey: '2026-11', extendedDueDate: '2026-12-27', reference: 'Notification 99/2026-Central Tax' }, DEMO_NOW));
  const v1 = (await upload('challan.pdf', 120 * 1024, SHA_1)).evidence;
  await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) =>
    rejectEvidence(u, a, { instanceId: item, evidenceId: v1.id, reason: 'Challan is for October, <b>not</b> November' }, DEMO_NOW));
  const v2 = (await upload('challan-nov.pdf', 1_258_291, SHA_2)).evidence;
  await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => approveEvidence(u, a, { instanceId: item, evidenceId: v2.id, filingReference: 'ARN123' }, DEMO_NOW));
  await runAsUser(t.db, demo.tenantId, demo.users.auditor, (u, a) => recordEvidenceDownload(u, a, {
    evidenceId: v2.id, version: 2, recordSha256: SHA_2, uploadSha256: SHA_2, storedSha256: SHA_2, problems: [],
  }));
  await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => reopenInstance(u, a, { instanceId: item, reason: 'The bank corrected the amount' }, DEMO_NOW));
  await runAsUser(t.db, demo.tenantId, demo.users.approver, (u, a) => markNotApplicable(u, a, { instanceId: item, reason: 'Filed with the group return' }, DEMO_NOW));
  await runAsUser(t.db, demo.tenantId, demo.users.cfo, (u, a) => acknowledgeEscalation(u, a, { instanceId: item }, DEMO_NOW));

  const { rows } = await t.superuser<{ at: Date }>("SELECT min(occurred_at) AS at FROM audit_log WHERE object_id = $1", [item]);
  firstChange = rows[0]!.at;
  const uploaded = (await t.superuser<{ at: Date }>("SELECT occurred_at AS at FROM audit_log WHERE action = 'evidence.uploaded' AND object_id = $1", [v1.id])).rows[0]!.at;
  // Before any change: the reminder Slack refused, its copy by email, and the CFO's escalation batch (listing a second item too).
  await message({ kind: 'due_soon', channel: 'slack', status: 'failed', to: demo.users.owner, instance: item, payload: { day: '2026-11-17' }, at: new Date(firstChange.getTime() - 2 * DAY), key: 'due_soon:t' });
  await message({
    kind: 'due_soon', channel: 'email', status: 'sent', to: demo.users.owner, instance: item, payload: { day: '2026-11-17', fallback: { from: 'slack', problem: SLACK_PROBLEM } },
    at: new Date(firstChange.getTime() - 2 * DAY), sentAt: new Date(firstChange.getTime() - 2 * DAY + MINUTE), key: 'due_soon:t:email',
  });
  await message({
    kind: 'escalation', channel: 'email', status: 'sent', to: demo.users.cfo, instance: null, payload: { items: [{ instanceId: neighbour, day: '2026-11-20' }, { instanceId: item, day: '2026-11-20' }] },
    at: new Date(firstChange.getTime() - DAY), sentAt: new Date(firstChange.getTime() - DAY), key: 'escalation:both',
  });
  // A batch that does not list the item, and an escalation of another item: neither belongs on its timeline.
  await message({ kind: 'escalation', channel: 'email', status: 'sent', to: demo.users.cfo, instance: null, payload: { items: [{ instanceId: neighbour, day: '2026-11-22' }] }, at: firstChange, sentAt: firstChange, key: 'escalation:other' });
  await message({ kind: 'escalation', channel: 'email', status: 'sent', to: demo.users.admin, instance: neighbour, payload: { day: '2026-11-22' }, at: firstChange, sentAt: firstChange, key: 'escalation:neighbour' });
  // The first review request reached the approver two minutes after the upload.
  await t.superuser("UPDATE notifications SET status = 'sent', sent_at = $2 WHERE kind = 'review_requested' AND payload ->> 'version' = '1' AND instance_id = $1",
    [item, new Date(uploaded.getTime() + 2 * MINUTE)]);
});
afterAll(async () => {
  await t.drop();
});

const timeline = (id: string, tenantId = demo.tenantId) => t.db.withTenant(tenantId, (tx) => loadItemTimeline(tx, id));

const CHANGES = [
  'Due date moved from 20 Dec 2026 to 27 Dec 2026 by Asha Admin (extension: Notification 99/2026-Central Tax)',
  `Priya Preparer uploaded version 1 in Slack (challan.pdf, 120.0 KB, SHA-256 ${SHA_1})`,
  'Arjun Approver rejected version 1: Challan is for October, <b>not</b> November',
  `Priya Preparer uploaded version 2 in Slack (challan-nov.pdf, 1.2 MB, SHA-256 ${SHA_2})`,
  'Arjun Approver approved version 2 (filing reference ARN123)',
  'Evidence version 2 downloaded by Ravi Auditor, its SHA-256 checked',
  'Arjun Approver reopened it: The bank corrected the amount',
  'Arjun Approver marked it not applicable: Filed with the group return',
  'Acknowledged by Meera CFO: the escalation stops repeating',
];

describe('loadItemTimeline', () => {
  it('tells the item’s history in sentences with names, oldest first, the messages about it included', async () => {
    const texts = (await timeline(item)).map((l) => l.text);
    expect(texts.slice(0, 3)).toEqual([
      'Reminder to Priya Preparer by Slack could not be delivered',
      'Reminder sent to Priya Preparer by email, because Slack could not deliver it: Slack says the app is not in the item’s channel: invite @Compliance OS to it',
      'Escalated to Meera CFO by email',
    ]);
    expect(texts.filter((text) => CHANGES.includes(text))).toEqual(CHANGES);
    // Queued by the use cases and not sent yet (no dispatcher runs here); the first review request was sent, last of all.
    expect(texts).toEqual(expect.arrayContaining([
      'Notice of the new due date (27 Dec 2026) to Priya Preparer by email waiting to be sent',
      'Rejection notice to Priya Preparer by email waiting to be sent',
      'Review request for version 2 to Arjun Approver by email waiting to be sent',
      'Approval notice to Priya Preparer by email waiting to be sent',
      'Reopening notice to Priya Preparer by email waiting to be sent',
      'Not-applicable notice to Priya Preparer by email waiting to be sent',
    ]));
    expect(texts.at(-1)).toBe('Review request for version 1 sent to Arjun Approver by email');
    expect(texts).toHaveLength(3 + CHANGES.length + 6 + 1);
    // Names, never the emails the portal's actors are labelled with, nor ids or audit keys.
    expect(texts.join('\n')).not.toMatch(/@demo\.example|[0-9a-f]{8}-[0-9a-f]{4}-|instance\.|evidence\.|sizeBytes/);
  });

  it('dates every line in the tenant’s timezone, at the moment the chain or the outbox recorded', async () => {
    const lines = await timeline(item);
    expect(lines.map((l) => l.when)).toEqual(lines.map((l) => inKolkata(l.at)));
    expect(lines[0]!.at).toEqual(new Date(firstChange.getTime() - 2 * DAY));
    expect(lines[1]!.at).toEqual(new Date(firstChange.getTime() - 2 * DAY + MINUTE));
    expect(lines.find((l) => l.text.startsWith('Due date moved'))!.at).toEqual(firstChange);

    await t.superuser("UPDATE tenants SET timezone = 'America/New_York' WHERE id = $1", [demo.tenantId]);
    try {
      const zoned = await timeline(item);
      const newYork = (at: Date) => new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')!.value;
      expect(zoned.map((l) => l.when.slice(-3))).toEqual(zoned.map((l) => newYork(l.at)));
      expect(zoned[0]!.when).not.toBe(lines[0]!.when);
    } finally {
      await t.superuser("UPDATE tenants SET timezone = 'Asia/Kolkata' WHERE id = $1", [demo.tenantId]);
    }
  });

  it('reads it all in one statement', async () => {
    const sql: string[] = [];
    await t.db.withTenant(demo.tenantId, async (tx) => {
      const listen = (q: { sql: string }) => sql.push(q.sql);
      tx.trx.client.on('query', listen);
      try {
        await loadItemTimeline(tx, item);
      } finally {
        tx.trx.client.off('query', listen);
      }
    });
    expect(sql).toHaveLength(1);
  });

  it('finds no item of another tenant, nor a malformed id, with a message saying so', async () => {
    await expect(timeline(other.instanceId)).rejects.toMatchObject({ name: 'NotFoundError', message: expect.stringContaining('does not exist in your organisation') });
    await expect(timeline('not-an-id')).rejects.toMatchObject({ name: 'NotFoundError' });
    // The other tenant sees its own item, and nothing of the demo's.
    const theirs = (await timeline(other.instanceId, other.tenantId)).map((l) => l.text).join('\n');
    expect(theirs).not.toMatch(/Priya|Arjun|Meera|ARN123/);
  });
});

describe('the portal’s item page', () => {
  let portal: PortalServer;
  beforeAll(async () => {
    await setPassword(t.db, demo.tenantId, demo.users.admin);
    portal = await startPortalServer(t.url);
  });
  afterAll(async () => {
    await portal.close();
  });

  it('shows the timeline in sentences, HTML-escaped, instead of the audit keys', async () => {
    const admin = await portal.login('admin@demo.example', TEST_PASSWORD);
    const res = await admin.json<{ record: { params: { timeline: string } } }>(`/admin/api/resources/compliance_instances/records/${item}/show`);
    expect(res.status).toBe(200);
    const html = res.body.record.params.timeline;
    expect(html).toMatch(/^<ol><li><b>\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} IST<\/b> · Reminder to Priya Preparer by Slack could not be delivered<\/li>/);
    expect(html).toContain('Arjun Approver approved version 2 (filing reference ARN123)');
    expect(html).toContain('rejected version 1: Challan is for October, &#60;b&#62;not&#60;/b&#62; November');
    expect(html).not.toContain('<b>not');
    expect(html).not.toMatch(/instance\.submitted|UTC|evidenceVersion/);
  });
});
