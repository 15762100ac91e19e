import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CARD_ACTIONS } from '../../bot/teams/ids.js';
import { MIN_REASON_LENGTH } from '../../core/use-cases/review-evidence.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { teamsConversations } from '../../infra/stores/teams-conversations.js';
import { bindTeamsTenant } from '../../infra/stores/teams-tenants.js';
import { aTenant } from '../mothers/tenant-mother.js';
import { DEMO_CLOCK_AT, DEMO_NOW, demoDatabase, instanceId, type DemoIds } from '../support/demo.js';
import {
  BOT_APP_ID, cardActionActivity, cardOf, cardText, executeActions, postCardAction, startFakeTeams, type ActivityPlace, type FakeTeams,
} from '../support/fake-teams.js';
import { sha256Hex } from '../support/fixtures.js';
import { TEST_SECRET_BOX, fakeTeamsSettings, startTeamsServer } from '../support/teams.js';
import { until } from '../support/wait.js';
import type { TestDatabase } from '../support/db.js';

/*
 * Decisions on Teams cards: signed adaptiveCard/action invokes against the real composition root,
 * the connector faked at HTTP. What people notice: the card they pressed answers (the outcome, or
 * why not), the item's state in the database, its root card updated in place for everyone.
 */

const AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
const CHANNEL = '19:mfg@thread.tacv2';
const ROOT = { gst: '1764000900001', pf: '1764000900002', tds: '1764000900003', pt: '1764000900004' } as const;
const REVIEW_REQUEST = { gst: '1764000910001', pf: '1764000910002', tds: '1764000910003', pt: '1764000910004' } as const;
const PERSON = {
  owner: { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000001', name: 'Priya Preparer' },
  approver: { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000002', name: 'Arjun Approver' },
  cfo: { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000003', name: 'Chitra CFO' },
  admin: { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000004', name: 'Asha Admin' },
  viewer: { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000006', name: 'Vikram Viewer' },
  stranger: { aadObjectId: '0a1b2c3d-1111-4222-8333-0000000000ff', name: 'Someone New' },
} as const;
type Who = keyof typeof PERSON;

const demoDb = demoDatabase();
let t: TestDatabase;
let demo: DemoIds;
let fake: FakeTeams;
let app: Awaited<ReturnType<typeof startTeamsServer>>;
const items = {} as Record<keyof typeof ROOT, { id: string; evidenceId: string }>;

const inChannel = (who: Who): ActivityPlace => ({
  serviceUrl: fake.url, aadTenantId: AAD, from: PERSON[who], teamId: CHANNEL,
  conversation: { id: `${CHANNEL};messageid=${ROOT.gst}`, conversationType: 'channel' },
});
const press = (who: Who, data: Record<string, unknown>, on?: string) => postCardAction(app.url, cardActionActivity(inChannel(who), data, on));
const reviewOf = (key: keyof typeof ROOT) => ({ instanceId: items[key].id, evidenceId: items[key].evidenceId, version: 1 });
const row = (id: string) => t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').where({ id }).first());
const auditCount = async () => (await t.superuser<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
const answerText = (body: { value: unknown }) => cardText(body.value);
/** The buttons a card shows (its refresh is no button). */
const buttonsOf = (body: { value: unknown }) => executeActions((body.value as { actions?: unknown }).actions).map((b) => b.title);
const fileMeta = () => ({ fileName: 'proof.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: sha256Hex(), storageKey: `k/${sha256Hex()}` });

beforeAll(async () => {
  ({ t, demo } = demoDb);
  fake = await startFakeTeams();
  await bindTeamsTenant(t.db, TEST_SECRET_BOX, { tenantId: demo.tenantId, aadTenantId: AAD, appId: BOT_APP_ID, appPassword: null });
  await t.db.withTenant(demo.tenantId, async ({ trx }) => {
    for (const who of ['owner', 'approver', 'cfo', 'admin', 'viewer'] as const) await trx('users').where({ id: demo.users[who] }).update({ teams_user_id: PERSON[who].aadObjectId });
    await trx('entities').where({ id: demo.entities.manufacturing }).update({ teams_channel_id: CHANNEL });
  });
  await teamsConversations(t.db).remember(demo.tenantId, {
    conversationId: CHANNEL, conversationType: 'channel', aadTenantId: AAD, serviceUrl: fake.url, userId: null, reference: { conversation: { id: CHANNEL } },
  });
  const codes = { gst: 'GSTR3B_MONTHLY', pf: 'PF_ECR', tds: 'TDS_DEPOSIT', pt: 'GSTR1_MONTHLY' } as const;
  for (const [key, code] of Object.entries(codes) as [keyof typeof ROOT, string][]) {
    const id = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, code, '2026-11');
    // GSTR-1 is uploaded by the admin, who may also approve: but never their own upload.
    const { evidence } = await runAsUser(t.db, demo.tenantId, key === 'pt' ? demo.users.admin : demo.users.owner, (u, a) => submitEvidence(u, a, { instanceId: id, channel: 'teams', file: fileMeta() }, DEMO_NOW));
    // As the outbox leaves it: the root card in the channel, the review request in its reply chain.
    await t.db.withTenant(demo.tenantId, async ({ trx }) => {
      await trx('compliance_instances').where({ id }).update({ teams_conversation_id: CHANNEL, teams_activity_id: ROOT[key] });
      await trx('notifications').where({ instance_id: id, kind: 'review_requested' }).update({ channel: 'teams', status: 'sent', provider_ref: REVIEW_REQUEST[key] });
    });
    items[key] = { id, evidenceId: evidence.id };
  }
  app = await startTeamsServer(t.url, fakeTeamsSettings(fake), undefined, { CLOCK_AT: DEMO_CLOCK_AT });
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe('per-person views of the root card (refresh)', () => {
  const refresh = (who: Who) => press(who, { action: CARD_ACTIONS.refresh, instanceId: items.gst.id }, ROOT.gst);

  it('the approver sees Approve and Reject on the submitted item, the preparer Upload proof, anyone else a read-only card', async () => {
    const approver = await refresh('approver');
    expect(approver.status).toBe(200);
    expect(approver.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5' } });
    expect(buttonsOf(approver.body)).toEqual(['Approve version 1', 'Approve', 'Reject']);
    expect(buttonsOf((await refresh('owner')).body)).toEqual(['Upload proof']);
    const viewer = await refresh('viewer');
    expect(buttonsOf(viewer.body)).toEqual([]);
    expect(answerText(viewer.body)).toContain('Submitted, awaiting approval');
    expect(buttonsOf((await refresh('stranger')).body)).toEqual([]);
  });

  it('the card keeps asking for each view: its refresh names the preparer and approver', async () => {
    const { body } = await refresh('viewer');
    expect((body.value as { refresh: unknown }).refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: CARD_ACTIONS.refresh, data: { action: CARD_ACTIONS.refresh, instanceId: items.gst.id } },
      userIds: [`8:orgid:${PERSON.owner.aadObjectId}`, `8:orgid:${PERSON.approver.aadObjectId}`],
    });
  });
});

describe('refusals change nothing and say why on the card', () => {
  it("the uploader's own Approve is refused (segregation of duties), whatever their roles", async () => {
    const before = await auditCount();
    const { body } = await press('admin', { action: CARD_ACTIONS.approveEvidence, ...reviewOf('pt') }, REVIEW_REQUEST.pt);
    expect(body.statusCode).toBe(200);
    expect(answerText(body)).toContain('You uploaded this evidence, so someone else has to approve it (segregation of duties).');
    expect((await row(items.pt.id)).status).toBe('submitted');
    expect(await auditCount()).toBe(before);
  });

  it(`a reason shorter than ${MIN_REASON_LENGTH} characters is shown back, with what was typed`, async () => {
    const { body } = await press('approver', { action: CARD_ACTIONS.rejectEvidence, ...reviewOf('pf'), reason: 'bad' }, REVIEW_REQUEST.pf);
    expect(answerText(body)).toContain(`Please give a reason for rejecting (at least ${MIN_REASON_LENGTH} characters)`);
    const reason = JSON.stringify(body.value).match(/"id":"reason"[^}]*"value":"([^"]*)"/);
    expect(reason?.[1]).toBe('bad');
    expect((await row(items.pf.id)).status).toBe('submitted');
  });

  it('a stale version is refused: a newer one was uploaded', async () => {
    const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (u, a) => submitEvidence(u, a, { instanceId: items.tds.id, channel: 'teams', file: fileMeta() }, DEMO_NOW));
    const { body } = await press('approver', { action: CARD_ACTIONS.approveEvidence, ...reviewOf('tds') }, REVIEW_REQUEST.tds);
    expect(answerText(body)).toContain('A newer version was uploaded (version 2). Review that one instead.');
    expect((await row(items.tds.id)).status).toBe('submitted');
    items.tds.evidenceId = evidence.id;
  });

  it('the viewer may not decide (wrong role)', async () => {
    const { body } = await press('viewer', { action: CARD_ACTIONS.approveEvidence, ...reviewOf('tds'), version: 2 }, REVIEW_REQUEST.tds);
    expect(answerText(body)).toContain('You cannot approve this item: it needs the approver or tenant\\_admin role for this entity.');
    expect((await row(items.tds.id)).status).toBe('submitted');
  });

  it("an item id from another tenant inside the card's data is not found, and nothing of it changes", async () => {
    const other = await aTenant('other-co').withEntity('books').withPerson('owner', { roles: ['owner'] }).withMaster('own', { code: 'OWN_RETURN' })
      .withItem('i', { entity: 'books', master: 'own', periodKey: '2026-01', dueDate: '2026-02-20', owner: 'owner', status: 'submitted' }).build(t.db);
    const otherId = other.id('i');
    const { body } = await press('approver', { action: CARD_ACTIONS.markNotApplicable, instanceId: otherId, reason: 'Not ours to decide at all', card: 'root' }, ROOT.gst);
    expect(answerText(body)).toContain('That compliance item does not exist in your organisation.');
    const status = await t.superuser<{ status: string }>('SELECT status FROM compliance_instances WHERE id = $1', [otherId]);
    expect(status.rows).toEqual([{ status: 'submitted' }]);
  });

  it('a card whose data was tampered with (not the shape our cards send) is answered as such, and nothing runs', async () => {
    const audits = await auditCount();
    const { status, body } = await press('approver', { action: CARD_ACTIONS.approveEvidence, ...reviewOf('gst'), instanceId: 'x'.repeat(500) }, REVIEW_REQUEST.gst);
    expect([status, body.statusCode]).toEqual([200, 200]);
    expect(answerText(body)).toContain('That button did not come from a Compliance OS card as it was sent. Nothing was done');
    expect((await row(items.gst.id)).status).toBe('submitted');
    expect(await auditCount()).toBe(audits);
  });

  it('someone Compliance OS does not know is told whom to ask', async () => {
    const { body } = await press('stranger', { action: CARD_ACTIONS.approveEvidence, ...reviewOf('gst') }, REVIEW_REQUEST.gst);
    expect(answerText(body)).toContain('Compliance OS does not know your Teams account yet. Ask your compliance admin to add you');
    expect((await row(items.gst.id)).status).toBe('submitted');
  });
});

describe('decisions', () => {
  it('Approve on the review request: the card says approved, the item is approved, its root card is updated in place and the request shows the outcome', async () => {
    const { status, body } = await press('approver', { action: CARD_ACTIONS.approveEvidence, ...reviewOf('gst') }, REVIEW_REQUEST.gst);
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(answerText(body)).toBe('✅ Version 1 approved by <at>you</at>. The evidence is now frozen.');
    expect(buttonsOf(body)).toEqual([]);
    expect((await row(items.gst.id)).status).toBe('approved');
    const [update] = await until(() => { const u = fake.updates(CHANNEL, ROOT.gst); return u.length ? u : undefined; });
    expect(cardText(cardOf(update))).toContain('✅ **Approved**');
    // The root as everyone sees it: read-only, each viewer's buttons come with their refresh.
    expect(buttonsOf({ value: cardOf(update) })).toEqual([]);
    const [closed] = await until(() => { const u = fake.updates(`${CHANNEL};messageid=${ROOT.gst}`, REVIEW_REQUEST.gst); return u.length ? u : undefined; });
    expect(cardText(cardOf(closed))).toBe('✅ Version 1 approved by <at>you</at>. The evidence is now frozen.');
    expect(cardOf(closed).msteams?.entities).toEqual([{ type: 'mention', text: '<at>you</at>', mentioned: { id: PERSON.approver.aadObjectId } }]);
  });

  it('a second Approve changes nothing (and writes nothing)', async () => {
    const before = await auditCount();
    const { body } = await press('approver', { action: CARD_ACTIONS.approveEvidence, ...reviewOf('gst') }, REVIEW_REQUEST.gst);
    expect(answerText(body)).toContain('This item is already approved');
    expect((await row(items.gst.id)).status).toBe('approved');
    expect(await auditCount()).toBe(before);
  });

  it('Approve with a filing reference on the root card: answered with the root card as the approver now sees it', async () => {
    const { body } = await press('approver', { action: CARD_ACTIONS.approveWithReference, ...reviewOf('tds'), evidenceId: items.tds.evidenceId, version: 2, filingReference: ' CHLN-2026-11-0042 ', card: 'root' }, ROOT.tds);
    expect(answerText(body)).toContain('✅ Version 2 approved by <at>you</at>');
    expect(answerText(body)).toContain('✅ **Approved** · ref CHLN-2026-11-0042');
    // Closed now: the approver may reopen it.
    expect(buttonsOf(body)).toEqual(['Reopen']);
    expect(await row(items.tds.id)).toMatchObject({ status: 'approved', filing_reference: 'CHLN-2026-11-0042' });
  });

  it('Reject with a reason: rejected, and the reason is on the request in the thread', async () => {
    const { body } = await press('approver', { action: CARD_ACTIONS.rejectEvidence, ...reviewOf('pf'), reason: '  The ECR is for October, not November  ' }, REVIEW_REQUEST.pf);
    expect(answerText(body)).toBe('❌ Version 1 rejected by <at>you</at>. Reason: The ECR is for October, not November');
    expect(await row(items.pf.id)).toMatchObject({ status: 'rejected', status_reason: 'The ECR is for October, not November' });
    await until(() => fake.updates(`${CHANNEL};messageid=${ROOT.pf}`, REVIEW_REQUEST.pf)[0]);
  });

  it('Not applicable (with a reason) on the root card of a rejected item: marked, and said in its thread', async () => {
    const { body } = await press('approver', { action: CARD_ACTIONS.markNotApplicable, instanceId: items.pf.id, reason: 'No employees on the payroll in November', card: 'root' }, ROOT.pf);
    expect(answerText(body)).toContain('➖ Marked not applicable by <at>you</at>. Reason: No employees on the payroll in November');
    expect((await row(items.pf.id)).status).toBe('not_applicable');
    const reply = await until(() => fake.replies(CHANNEL, ROOT.pf).find((r) => cardText(cardOf(r)).includes('Marked not applicable')));
    expect(cardText(cardOf(reply))).toContain('Reason: No employees on the payroll in November');
  });

  it('Reopen (approver) with a reason: pending again, and the thread is told', async () => {
    const { body } = await press('approver', { action: CARD_ACTIONS.reopen, instanceId: items.tds.id, reason: 'The challan was for the wrong TAN', card: 'root' }, ROOT.tds);
    expect(answerText(body)).toContain('🔄 Reopened by <at>you</at>. Reason: The challan was for the wrong TAN');
    expect((await row(items.tds.id)).status).toBe('pending');
    await until(() => fake.replies(CHANNEL, ROOT.tds).find((r) => cardText(cardOf(r)).includes('Reopened by')));
  });

  it('Reopen by the preparer is refused: only the approver or a tenant admin may', async () => {
    const { body } = await press('owner', { action: CARD_ACTIONS.reopen, instanceId: items.gst.id, reason: 'I want to change the file', card: 'root' }, ROOT.gst);
    expect(answerText(body)).toContain('You cannot reopen this item: only its approver or a tenant admin can.');
    expect((await row(items.gst.id)).status).toBe('approved');
  });
});

describe('escalations', () => {
  it("Acknowledge (the CFO, in a batch): the card stays, the repeats stop, and it is on the audit trail; pressed again it says so", async () => {
    const overdue = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-10');
    const cfoChat: ActivityPlace = { ...inChannel('cfo'), conversation: { id: 'a:1personal-cfo', conversationType: 'personal' }, teamId: undefined };
    const first = await postCardAction(app.url, cardActionActivity(cfoChat, { action: CARD_ACTIONS.acknowledgeEscalation, instanceId: overdue, batch: 1 }));
    expect(first.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '✅ Acknowledged by you. Escalations for this item have stopped.' });
    const acked = await row(overdue);
    expect(acked).toMatchObject({ escalation_acknowledged_by: demo.users.cfo });
    // The product's clock (CLOCK_AT), not the machine's.
    expect(Math.abs(new Date(acked.escalation_acknowledged_at).getTime() - new Date(DEMO_CLOCK_AT).getTime())).toBeLessThan(60_000);
    const audit = await t.superuser<{ action: string }>("SELECT action FROM audit_log WHERE object_id = $1 AND action = 'escalation.acknowledged'", [overdue]);
    expect(audit.rows).toHaveLength(1);
    const again = await postCardAction(app.url, cardActionActivity(cfoChat, { action: CARD_ACTIONS.acknowledgeEscalation, instanceId: overdue }));
    expect(cardText(again.body.value)).toBe('✅ Already acknowledged: the escalations had stopped.');
  });

  it('Acknowledge by the viewer is refused and stops nothing', async () => {
    const overdue = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-10');
    const other = await t.db.withTenant(demo.tenantId, ({ trx }) => trx('compliance_instances').whereNull('escalation_acknowledged_at').whereNot({ id: overdue }).first('id'));
    const { body } = await press('viewer', { action: CARD_ACTIONS.acknowledgeEscalation, instanceId: other.id });
    expect(cardText(body.value)).toContain('You cannot acknowledge this escalation');
    expect((await row(other.id)).escalation_acknowledged_at).toBeNull();
  });
});
