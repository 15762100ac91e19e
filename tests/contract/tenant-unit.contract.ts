import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ChainVerifier, type AuditEntryInput } from '../../core/audit/chain.js';
import type { NewEvidence, NotificationDraft, TenantUnit } from '../../core/ports/index.js';
import { aTenant, sha256Hex, type BuiltTenant } from '../mothers/tenant-mother.js';
import type { TenantUnitHarness } from './harness.js';

/**
 * What every TenantUnit (core/ports/tenant-unit.ts) must do, as a use case would notice it. The
 * same cases run against the PostgreSQL store (tests/integration/tenant-unit-contract.test.ts)
 * and the in-memory fake (tests/unit/tenant-unit-contract.test.ts), so a use-case test on the
 * fake proves what it would prove on the database.
 */

const AT = new Date('2026-11-26T06:00:00.000Z');
const LATER = new Date('2026-11-27T09:15:30.123Z');
const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** Each case gets a tenant of its own: two entities, a person per role, a leaver, three items. */
const contractTenant = () => aTenant(`contract-${randomBytes(5).toString('hex')}`)
  .withEntity('books', { name: 'Books Pvt Ltd' })
  .withEntity('branch', { name: 'Branch Pvt Ltd', state: 'KA' })
  .withPerson('owner', { name: 'Priya Preparer', roles: ['owner'] })
  .withPerson('approver', { name: 'Arjun Approver', roles: ['approver', { role: 'cfo', entity: 'branch' }] })
  .withPerson('admin', { name: 'Asha Admin', roles: ['tenant_admin'] })
  .withPerson('branchAdmin', { name: 'Bala Branch', roles: [{ role: 'tenant_admin', entity: 'branch' }] })
  .withPerson('cfo', { name: 'Meera CFO', roles: ['cfo'] })
  .withPerson('leaver', { name: 'Lata Leaver', roles: ['tenant_admin', 'cfo'], active: false })
  .withMaster('return', { code: 'OWN_RETURN', name: 'Own monthly return' })
  .withItem('item', { entity: 'books', master: 'return', periodKey: '2026-10', dueDate: '2026-11-20', owner: 'owner', approver: 'approver' })
  .withItem('next', { entity: 'books', master: 'return', periodKey: '2026-11', dueDate: '2026-12-20', owner: 'owner', approver: 'approver' })
  .withItem('branchItem', { entity: 'branch', master: 'return', periodKey: '2026-10', dueDate: '2026-11-20' });

/** A lone tenant: one admin, one item, nobody in any other role. */
const loneTenant = () => aTenant(`lone-${randomBytes(5).toString('hex')}`)
  .withEntity('solo').withPerson('admin', { roles: ['tenant_admin'] })
  .withMaster('return', { code: 'OWN_RETURN' })
  .withItem('item', { entity: 'solo', master: 'return', periodKey: '2026-10', dueDate: '2026-11-20' });

const file = (t: BuiltTenant, overrides: Partial<NewEvidence> = {}): NewEvidence => ({
  instanceId: t.id('item'), fileName: 'challan.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: sha256Hex(),
  storageKey: `${t.tenantId}/${sha256Hex()}`, uploadedBy: t.id('owner'), channel: 'slack', ...overrides,
});

const entry = (n: number, extra: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actor: { type: 'user', id: `person-${n}`, label: `Person ${n}` }, action: `test.step_${n}`, objectType: 'instance', objectId: `object-${n}`, ...extra,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function tenantUnitContract(storeName: string, harness: () => TenantUnitHarness): void {
  describe(`the tenant unit of work (${storeName})`, () => {
    const h = () => harness();
    const seed = () => h().seed(contractTenant());
    const run = <T>(t: BuiltTenant, work: (unit: TenantUnit) => Promise<T>) => h().transaction(t.tenantId, work);

    describe('instances', () => {
      it('locks an item and reads it as stored', async () => {
        const t = await seed();
        const unit = await run(t, async (u) => ({ tenantId: u.tenantId, timezone: u.timezone, item: await u.instances.lock(t.id('item')) }));
        expect(unit).toEqual({
          tenantId: t.tenantId, timezone: 'Asia/Kolkata',
          item: {
            id: t.id('item'), entityId: t.id('books'), masterId: t.id('return'), masterCode: 'OWN_RETURN', masterName: 'Own monthly return',
            periodKey: '2026-10', dueDate: '2026-11-20', status: 'pending', ownerUserId: t.id('owner'), approverUserId: t.id('approver'),
            filingReference: null, escalationAcknowledgedAt: null,
          },
        });
      });

      it("the unit carries its tenant's timezone", async () => {
        const t = await h().seed(loneTenant().inTimezone('Asia/Dubai'));
        expect(await run(t, async (u) => u.timezone)).toBe('Asia/Dubai');
      });

      it("finds nothing for an unknown id or another tenant's item, and refuses an id that is not a uuid", async () => {
        const [t, other] = await Promise.all([seed(), seed()]);
        expect(await run(t, (u) => u.instances.lock(NOWHERE))).toBeUndefined();
        expect(await run(t, (u) => u.instances.lock(other.id('item')))).toBeUndefined();
        await expect(run(t, (u) => u.instances.lock('not-a-uuid'))).rejects.toThrow(/invalid input syntax for type uuid/);
      });

      it('an update writes only the fields given (null clears), and every update counts a version', async () => {
        const t = await seed();
        const id = t.id('item');
        await run(t, (u) => u.instances.update(id, { status: 'submitted', submittedAt: AT, decidedAt: null, approvedLate: null, statusReason: null }));
        expect(await h().read.item(t.tenantId, id)).toEqual({
          status: 'submitted', filingReference: null, submittedAt: AT, decidedAt: null, approvedLate: null, statusReason: null,
          escalationAcknowledgedAt: null, escalationAcknowledgedBy: null, lockVersion: 1,
        });
        await run(t, (u) => u.instances.update(id, { status: 'approved', decidedAt: LATER, approvedLate: true, filingReference: 'ARN AA2711260012345', submittedAt: undefined }));
        await run(t, (u) => u.instances.update(id, { escalationAcknowledgedAt: LATER, escalationAcknowledgedBy: t.id('cfo') }));
        expect(await h().read.item(t.tenantId, id)).toEqual({
          status: 'approved', filingReference: 'ARN AA2711260012345', submittedAt: AT, decidedAt: LATER, approvedLate: true, statusReason: null,
          escalationAcknowledgedAt: LATER, escalationAcknowledgedBy: t.id('cfo'), lockVersion: 3,
        });
        expect(await run(t, (u) => u.instances.lock(id))).toMatchObject({ status: 'approved', filingReference: 'ARN AA2711260012345', escalationAcknowledgedAt: LATER });
      });

      it("an update of another tenant's item changes nothing; a stranger cannot be named as acknowledging", async () => {
        const [t, other] = await Promise.all([seed(), seed()]);
        await run(t, (u) => u.instances.update(other.id('item'), { status: 'approved' }));
        expect(await h().read.item(other.tenantId, other.id('item'))).toMatchObject({ status: 'pending', lockVersion: 0 });
        await expect(run(t, (u) => u.instances.update(t.id('item'), { escalationAcknowledgedAt: AT, escalationAcknowledgedBy: other.id('cfo') })))
          .rejects.toThrow(/violates foreign key constraint/);
        expect(await h().read.item(t.tenantId, t.id('item'))).toMatchObject({ escalationAcknowledgedAt: null, lockVersion: 0 });
      });

      it('what a read returns is a copy: changing it changes nothing stored', async () => {
        const t = await seed();
        await run(t, async (u) => {
          const item = (await u.instances.lock(t.id('item')))!;
          item.status = 'approved';
        });
        expect((await run(t, (u) => u.instances.lock(t.id('item'))))!.status).toBe('pending');
      });

      it('a lock waits for the transaction holding it, then sees what that transaction committed', async () => {
        const t = await seed();
        const id = t.id('item');
        const events: string[] = [];
        let release!: () => void;
        const held = new Promise<void>((resolve) => { release = resolve; });
        let firstLocked!: () => void;
        const locked = new Promise<void>((resolve) => { firstLocked = resolve; });
        const first = run(t, async (u) => {
          await u.instances.lock(id);
          events.push('first locked');
          firstLocked();
          await held;
          await u.instances.update(id, { status: 'submitted' });
          events.push('first wrote');
        });
        await locked;
        const second = run(t, async (u) => events.push(`second locked: ${(await u.instances.lock(id))!.status}`));
        await sleep(150);
        events.push('first released');
        release();
        await Promise.all([first, second]);
        expect(events).toEqual(['first locked', 'first released', 'first wrote', 'second locked: submitted']);
      });

      it('a transaction that fails leaves nothing behind: item, evidence, audit and outbox', async () => {
        const t = await seed();
        const id = t.id('item');
        await expect(run(t, async (u) => {
          await u.instances.lock(id);
          await u.instances.update(id, { status: 'submitted', submittedAt: AT });
          await u.evidence.add(file(t));
          await u.audit.append([entry(1)]);
          await u.outbox.enqueue([{ kind: 'review_requested', to: { kind: 'user', userId: t.id('approver') }, instanceId: id, dedupKey: 'rolled-back', payload: {} }]);
          throw new Error('the use case failed half way');
        })).rejects.toThrow('the use case failed half way');
        expect(await h().read.item(t.tenantId, id)).toMatchObject({ status: 'pending', submittedAt: null, lockVersion: 0 });
        expect(await h().read.evidence(t.tenantId, id)).toEqual([]);
        expect(await h().read.audit(t.tenantId)).toEqual([]);
        expect(await h().read.notifications(t.tenantId)).toEqual([]);
      });

      it('a unit used after its transaction ended is refused', async () => {
        const t = await seed();
        const leaked = await run(t, async (u) => u);
        await expect(leaked.instances.lock(t.id('item'))).rejects.toThrow(/Transaction query already complete/);
      });
    });

    describe('evidence', () => {
      it('has no latest version before the first upload', async () => {
        const t = await seed();
        expect(await run(t, (u) => u.evidence.latest(t.id('item')))).toBeUndefined();
      });

      it('each upload is the next version, pending; the latest is the newest; earlier pending versions become superseded', async () => {
        const t = await seed();
        const id = t.id('item');
        const first = await run(t, (u) => u.evidence.add(file(t, { fileName: 'v1.pdf', sourceRef: 'C0SLACK:1700000000.000100' })));
        expect(first).toEqual({ ...file(t, { fileName: 'v1.pdf' }), id: expect.any(String), sha256: first.sha256, storageKey: first.storageKey, version: 1, reviewStatus: 'pending' });
        await run(t, (u) => u.evidence.add(file(t, { fileName: 'v2.pdf', channel: 'portal' })));
        const third = await run(t, (u) => u.evidence.add(file(t, { fileName: 'v3.pdf' })));
        expect(third.version).toBe(3);
        expect(await run(t, (u) => u.evidence.latest(id))).toEqual(third);
        expect((await h().read.evidence(t.tenantId, id)).map((e) => [e.version, e.fileName, e.reviewStatus, e.sourceRef])).toEqual([
          [1, 'v1.pdf', 'superseded', 'C0SLACK:1700000000.000100'], [2, 'v2.pdf', 'superseded', null], [3, 'v3.pdf', 'pending', null],
        ]);
        expect((await run(t, (u) => u.evidence.add(file(t, { instanceId: t.id('next') })))).version).toBe(1);
      });

      it('a review records who decided, when and why; a rejected version stays rejected when a new one arrives', async () => {
        const t = await seed();
        const id = t.id('item');
        const v1 = await run(t, (u) => u.evidence.add(file(t)));
        await run(t, (u) => u.evidence.review(v1.id, { status: 'rejected', by: t.id('approver'), at: AT, reason: 'Challan is for September' }));
        const v2 = await run(t, (u) => u.evidence.add(file(t)));
        await run(t, (u) => u.evidence.review(v2.id, { status: 'approved', by: t.id('approver'), at: LATER }));
        expect((await h().read.evidence(t.tenantId, id)).map(({ version, reviewStatus, reviewedBy, reviewedAt, reviewReason }) => ({ version, reviewStatus, reviewedBy, reviewedAt, reviewReason }))).toEqual([
          { version: 1, reviewStatus: 'rejected', reviewedBy: t.id('approver'), reviewedAt: AT, reviewReason: 'Challan is for September' },
          { version: 2, reviewStatus: 'approved', reviewedBy: t.id('approver'), reviewedAt: LATER, reviewReason: null },
        ]);
        expect(await run(t, (u) => u.evidence.latest(id))).toMatchObject({ id: v2.id, reviewStatus: 'approved' });
      });

      it('approved evidence can never change: a second review is refused; a new upload leaves it approved', async () => {
        const t = await seed();
        const id = t.id('item');
        const v1 = await run(t, (u) => u.evidence.add(file(t)));
        await run(t, (u) => u.evidence.review(v1.id, { status: 'approved', by: t.id('approver'), at: AT }));
        await expect(run(t, (u) => u.evidence.review(v1.id, { status: 'rejected', by: t.id('admin'), at: LATER, reason: 'Changed my mind about it' })))
          .rejects.toThrow(/is approved and can no longer be changed/);
        await run(t, (u) => u.evidence.add(file(t)));
        expect((await h().read.evidence(t.tenantId, id)).map((e) => [e.version, e.reviewStatus, e.reviewedBy])).toEqual([[1, 'approved', t.id('approver')], [2, 'pending', null]]);
      });

      it("refuses evidence for another tenant's item, by another tenant's person, or of a malformed id; sees no other tenant's versions", async () => {
        const [t, other] = await Promise.all([seed(), seed()]);
        await run(other, (u) => u.evidence.add(file(other)));
        await expect(run(t, (u) => u.evidence.add(file(t, { instanceId: other.id('item') })))).rejects.toThrow(/violates foreign key constraint/);
        await expect(run(t, (u) => u.evidence.add(file(t, { uploadedBy: other.id('owner') })))).rejects.toThrow(/violates foreign key constraint/);
        await expect(run(t, (u) => u.evidence.latest('not-a-uuid'))).rejects.toThrow(/invalid input syntax for type uuid/);
        expect(await run(t, (u) => u.evidence.latest(other.id('item')))).toBeUndefined();
        expect(await h().read.evidence(t.tenantId, t.id('item'))).toEqual([]);
        expect((await h().read.evidence(other.tenantId, other.id('item'))).map((e) => e.version)).toEqual([1]);
      });
    });

    describe('audit', () => {
      it('appends entries to one chain per tenant, each linked to the one before, stored as given', async () => {
        const [t, other] = await Promise.all([seed(), seed()]);
        await run(t, (u) => u.audit.append([entry(1, { before: { status: 'pending' }, after: { at: AT, list: [1, 'two'], gone: undefined } }), entry(2)]));
        await run(other, (u) => u.audit.append([entry(9)]));
        await run(t, (u) => u.audit.append([]));
        await run(t, (u) => u.audit.append([entry(3, { actor: { type: 'system', id: 'job:send-reminders' } })]));
        const chain = await h().read.audit(t.tenantId);
        expect(chain.map(({ seq, actorType, actorId, actorLabel, action, objectType, objectId, before, after }) => ({ seq, actorType, actorId, actorLabel, action, objectType, objectId, before, after }))).toEqual([
          { seq: 1, actorType: 'user', actorId: 'person-1', actorLabel: 'Person 1', action: 'test.step_1', objectType: 'instance', objectId: 'object-1', before: { status: 'pending' }, after: { at: AT.toISOString(), list: [1, 'two'] } },
          { seq: 2, actorType: 'user', actorId: 'person-2', actorLabel: 'Person 2', action: 'test.step_2', objectType: 'instance', objectId: 'object-2', before: null, after: null },
          { seq: 3, actorType: 'system', actorId: 'job:send-reminders', actorLabel: null, action: 'test.step_3', objectType: 'instance', objectId: 'object-3', before: null, after: null },
        ]);
        const verifier = new ChainVerifier();
        chain.forEach((e) => verifier.add(e));
        expect(verifier.finish()).toBeNull();
        expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
        expect((await h().read.audit(other.tenantId)).map((e) => e.seq)).toEqual([1]);
      });
    });

    describe('outbox', () => {
      const draft = (t: BuiltTenant, overrides: Partial<NotificationDraft> = {}): NotificationDraft => ({
        kind: 'review_requested', to: { kind: 'user', userId: t.id('approver') }, instanceId: t.id('item'), dedupKey: 'review_requested:v1', payload: { version: 1 }, ...overrides,
      });

      it('queues one message per person, keyed by the dedup key and the person; the same key twice is sent once', async () => {
        const t = await seed();
        await run(t, (u) => u.outbox.enqueue([draft(t)]));
        await run(t, (u) => u.outbox.enqueue([draft(t, { payload: { version: 'again' } }), draft(t, { kind: 'approved', to: { kind: 'user', userId: t.id('owner') }, dedupKey: 'approved:v1' })]));
        await run(t, (u) => u.outbox.enqueue([]));
        expect(await h().read.notifications(t.tenantId)).toEqual([
          { kind: 'approved', recipientUserId: t.id('owner'), instanceId: t.id('item'), dedupKey: `approved:v1:${t.id('owner')}`, payload: { version: 1 } },
          { kind: 'review_requested', recipientUserId: t.id('approver'), instanceId: t.id('item'), dedupKey: `review_requested:v1:${t.id('approver')}`, payload: { version: 1 } },
        ]);
      });

      it("a message to a role reaches its active holders for the item's entity, and says to whom it was addressed", async () => {
        const t = await seed();
        const admins = { kind: 'role', role: 'tenant_admin', missing: 'owner' } as const;
        await run(t, (u) => u.outbox.enqueue([
          draft(t, { kind: 'reopened', to: admins, instanceId: t.id('branchItem'), dedupKey: 'branch' }),
          draft(t, { kind: 'reopened', to: admins, dedupKey: 'books' }),
          draft(t, { kind: 'escalation', to: { kind: 'role', role: 'cfo' }, instanceId: t.id('branchItem'), dedupKey: 'cfo' }),
        ]));
        const sent = (await h().read.notifications(t.tenantId)).map((n) => [n.dedupKey.split(':')[0], n.recipientUserId, n.payload.addressedTo]);
        expect(sent.sort()).toEqual([
          ['books', t.id('admin'), admins],
          ['branch', t.id('admin'), admins], ['branch', t.id('branchAdmin'), admins],
          ['cfo', t.id('approver'), { kind: 'role', role: 'cfo' }], ['cfo', t.id('cfo'), { kind: 'role', role: 'cfo' }],
        ].sort());
      });

      it('a role nobody holds falls to the tenant admins', async () => {
        const t = await h().seed(loneTenant());
        await run(t, (u) => u.outbox.enqueue([{ kind: 'escalation', to: { kind: 'role', role: 'cfo' }, instanceId: t.id('item'), dedupKey: 'esc', payload: {} }]));
        expect((await h().read.notifications(t.tenantId)).map((n) => n.recipientUserId)).toEqual([t.id('admin')]);
      });
    });

    describe('the acting person', () => {
      it('runs as a person with their roles, tenant-wide and per entity', async () => {
        const t = await seed();
        const actor = await h().runAsUser(t.tenantId, t.id('approver'), async (_u, a) => a);
        expect({ ...actor, roles: [...actor.roles].sort((a, b) => a.role.localeCompare(b.role)) }).toEqual({
          type: 'user', id: t.id('approver'), label: 'Arjun Approver',
          roles: [{ role: 'approver', entityId: null }, { role: 'cfo', entityId: t.id('branch') }],
        });
      });

      it("refuses a deactivated person and another tenant's person as unknown", async () => {
        const [t, other] = await Promise.all([seed(), seed()]);
        for (const userId of [t.id('leaver'), other.id('admin')]) {
          await expect(h().runAsUser(t.tenantId, userId, async () => 'ran')).rejects.toMatchObject({
            code: 'not_found', message: 'That user does not exist in this organisation or is deactivated.',
          });
        }
      });
    });
  });
}
