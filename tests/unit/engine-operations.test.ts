import { describe, expect, it } from '@jest/globals';
import { systemActor, type Actor } from '../../core/engine/access.js';
import { libraryMaster } from '../../core/library/index.js';
import type { StoredMaster } from '../../core/engine/schedule.js';
import type { DateChange, LibraryStore } from '../../core/ports/index.js';
import { applicableMasters } from '../../core/use-cases/applicable-masters.js';
import { applyExtension, previewExtension } from '../../core/use-cases/apply-extension.js';
import { assignApplicableMasters } from '../../core/use-cases/assign-applicable-masters.js';
import { generateInstances, workAssignedNotices } from '../../core/use-cases/generate-instances.js';
import { redateOpenItems } from '../../core/use-cases/redate-open-items.js';
import { redatePendingExtensions } from '../../core/use-cases/redate-pending-extensions.js';
import { syncLibrary } from '../../core/use-cases/sync-library.js';
import { engineState, inMemoryEngineUnit, type EngineState } from '../support/in-memory-engine.js';

const NOW = new Date('2026-11-26T06:00:00Z');
const admin: Actor = { type: 'user', id: 'admin-1', label: 'Asha', roles: [{ role: 'tenant_admin', entityId: null }] };
const owner: Actor = { type: 'user', id: 'owner-1', roles: [{ role: 'owner', entityId: null }] };
const entityAdmin = (entityId: string): Actor => ({ type: 'user', id: 'admin-2', roles: [{ role: 'tenant_admin', entityId }] });

const master = (code: string, id = `m-${code}`): StoredMaster => ({ ...libraryMaster(code)!, id });
const change = (instanceId: string, masterId: string, ownerUserId: string | null = 'owner-1'): DateChange => ({
  instanceId, masterId, periodKey: '2026-11', ownerUserId, oldDueDate: '2026-12-20', newDueDate: '2026-12-27',
  statutoryDueDate: '2026-12-20', extendedDueDate: '2026-12-27', extensionReference: 'Notification 9/2026',
});

describe('re-dating open items', () => {
  it('audits each moved item with its old and new date and tells its owner (the admin when nobody owns it)', async () => {
    const state = engineState({ stale: [change('i-1', 'm-a'), change('i-2', 'm-a', null), change('i-3', 'm-b')] });
    const moved = await redateOpenItems(inMemoryEngineUnit(state), admin, { masterIds: ['m-a'] });
    expect(moved.map((m) => m.instanceId)).toEqual(['i-1', 'i-2']);
    expect(state.stale.map((m) => m.instanceId)).toEqual(['i-3']);
    expect(state.audit).toEqual([1, 2].map((n) => ({
      actor: { type: 'user', id: 'admin-1', label: 'Asha' }, action: 'instance.due_date_changed', objectType: 'instance', objectId: `i-${n}`,
      before: { dueDate: '2026-12-20' }, after: { dueDate: '2026-12-27', statutoryDueDate: '2026-12-20', extendedDueDate: '2026-12-27', reference: 'Notification 9/2026' },
    })));
    expect(state.outbox.map((d) => [d.kind, d.to, d.dedupKey])).toEqual([
      ['due_date_changed', { kind: 'user', userId: 'owner-1' }, 'due_date_changed:i-1:2026-12-27'],
      ['due_date_changed', { kind: 'role', role: 'tenant_admin', missing: 'owner' }, 'due_date_changed:i-2:2026-12-27'],
    ]);
  });

  it('writes nothing when no item moves', async () => {
    const state = engineState();
    expect(await redateOpenItems(inMemoryEngineUnit(state), admin)).toEqual([]);
    expect(state.audit).toEqual([]);
    expect(state.outbox).toEqual([]);
  });
});

describe('generating items', () => {
  it("as of the tenant's own today: 01:00 IST on 27 Nov is 27 Nov, though UTC still says 26 Nov", async () => {
    const state = engineState({ generates: { created: 4, overdue: 0, scheduleRows: 2, newWork: [] }, generation: { horizonMonths: 3, trackingStartDate: '2026-11-01' } });
    const result = await generateInstances(inMemoryEngineUnit(state), admin, {}, new Date('2026-11-26T19:30:00Z'));
    expect(result.window).toEqual({ periodsFrom: '2025-04-01', periodsTo: '2027-02-27', dueFrom: '2026-11-01' });
    expect(state.audit).toEqual([{
      actor: { type: 'user', id: 'admin-1', label: 'Asha' }, action: 'instances.generated', objectType: 'tenant', objectId: 'tenant-1',
      after: { asOf: '2026-11-27', created: 4, overdue: 0, periodsFrom: '2025-04-01', periodsTo: '2027-02-27', dueFrom: '2026-11-01' },
    }]);
  });

  it('a run that creates nothing is not audited nor told to anyone; a given day wins over the clock', async () => {
    const state = engineState();
    const result = await generateInstances(inMemoryEngineUnit(state), admin, { asOf: '2026-04-01' }, NOW);
    expect(result).toMatchObject({ created: 0, window: { periodsTo: '2026-07-01' } });
    expect(state.audit).toEqual([]);
    expect(state.outbox).toEqual([]);
  });

  it('tells each person named on new items once, under a key that names the run by its items', async () => {
    const newWork = [
      { userId: 'owner-1', count: 12, nearestDue: '2026-12-07', items: [{ instanceId: 'i-2', as: 'owner' as const }, { instanceId: 'i-1', as: 'both' as const }] },
      { userId: 'approver-1', count: 1, nearestDue: '2026-12-07', items: [{ instanceId: 'i-2', as: 'approver' as const }] },
    ];
    const state = engineState({ generates: { created: 13, overdue: 0, scheduleRows: 2, newWork } });
    await generateInstances(inMemoryEngineUnit(state), admin, { asOf: '2026-11-27' }, NOW);
    expect(state.outbox.map((d) => [d.kind, d.to, d.instanceId, d.payload])).toEqual([
      ['work_assigned', { kind: 'user', userId: 'owner-1' }, null, { count: 12, nearestDue: '2026-12-07', items: newWork[0]!.items }],
      ['work_assigned', { kind: 'user', userId: 'approver-1' }, null, { count: 1, nearestDue: '2026-12-07', items: newWork[1]!.items }],
    ]);
    expect(state.outbox[0]!.dedupKey).toMatch(/^work_assigned:owner-1:2026-11-27:[0-9a-f]{16}$/);
    // The same items in another order are the same run; other items another.
    const again = workAssignedNotices([{ ...newWork[0]!, items: [...newWork[0]!.items].reverse() }], '2026-11-27');
    expect(again[0]!.dedupKey).toBe(state.outbox[0]!.dedupKey);
    expect(workAssignedNotices([{ ...newWork[0]!, items: [{ instanceId: 'i-3', as: 'owner' }] }], '2026-11-27')[0]!.dedupKey).not.toBe(state.outbox[0]!.dedupKey);
  });
});

describe('assigning applicable masters', () => {
  const entity = { id: 'e-1', name: 'Acme', entityType: 'company' as const, state: 'MH', gstMode: 'monthly' as const, profile: { has_employees: true, pf_registered: true }, registrations: [] };
  const setUp = () => engineState({
    entities: [entity], masters: [master('PF_ECR'), master('GSTR1_MONTHLY'), master('GSTR1_QRMP'), master('PT_MH_MONTHLY')],
    assignments: new Map([['e-1|m-GSTR1_MONTHLY', 'assignment-old']]),
    defaults: new Map([['owner|e-1', 'owner-1'], ['approver|e-1', 'approver-1']]),
  });

  it('lists every master, applicable ones first with the reason, and what is assigned already', async () => {
    const list = await applicableMasters(inMemoryEngineUnit(setUp()), { entityId: 'e-1' });
    expect(list.map((a) => [a.code, a.applies, a.assigned])).toEqual([
      ['GSTR1_MONTHLY', true, true], ['PF_ECR', true, false], ['GSTR1_QRMP', false, false], ['PT_MH_MONTHLY', false, false],
    ]);
    expect(list.find((a) => a.code === 'PF_ECR')!.reason).toBe('pf registered; no PF establishment code recorded: items for the entity until one is');
  });

  it('judges a master owed per GSTIN on each GSTIN: a monthly one in MH and a QRMP one in KA bring both GSTR-1s, each naming its GSTIN', async () => {
    const gstin = (id: string, number: string, state: string, gstMode: 'monthly' | 'qrmp') => ({ id, entityId: 'e-1', kind: 'gstin' as const, number, state, gstMode, isActive: true });
    const withGstins = { ...entity, registrations: [gstin('r-1', '27AAACD1234F1Z5', 'MH', 'monthly'), gstin('r-2', '29AAACD1234F1Z3', 'KA', 'qrmp'), { ...gstin('r-3', '07AAACD1234F1Z9', 'DL', 'qrmp'), isActive: false }] };
    const state = engineState({ entities: [withGstins], masters: [master('GSTR1_MONTHLY'), master('GSTR1_QRMP'), master('GSTR3B_QRMP_Y')] });
    const list = await applicableMasters(inMemoryEngineUnit(state), { entityId: 'e-1' });
    expect(list.map((a) => [a.code, a.applies, a.reason])).toEqual([
      ['GSTR1_MONTHLY', true, '27AAACD1234F1Z5: GST filing mode is monthly'],
      ['GSTR1_QRMP', true, '29AAACD1234F1Z3: GST filing mode is qrmp'],
      // Only the inactive DL GSTIN would be in group Y.
      ['GSTR3B_QRMP_Y', false, undefined],
    ]);
  });

  it('assigns the unassigned applicable ones to the default people, one audit entry each', async () => {
    const state = setUp();
    const added = await assignApplicableMasters(inMemoryEngineUnit(state), admin, { entityId: 'e-1' });
    expect(added.map((a) => [a.code, a.assigned])).toEqual([['PF_ECR', true]]);
    const id = state.assignments.get('e-1|m-PF_ECR')!;
    expect(state.assignedPeople.get(id)).toEqual({ ownerUserId: 'owner-1', approverUserId: 'approver-1' });
    expect(state.audit).toEqual([expect.objectContaining({
      action: 'assignment.created', objectType: 'assignment', objectId: id,
      after: { entityId: 'e-1', code: 'PF_ECR', reason: expect.stringContaining('pf registered'), ownerUserId: 'owner-1', approverUserId: 'approver-1' },
    })]);
  });

  it('names the people given instead of the defaults; a second run assigns nothing', async () => {
    const state = setUp();
    const unit = inMemoryEngineUnit(state);
    await assignApplicableMasters(unit, entityAdmin('e-1'), { entityId: 'e-1', ownerUserId: 'o-9', approverUserId: 'a-9' });
    expect(state.assignedPeople.get(state.assignments.get('e-1|m-PF_ECR')!)).toEqual({ ownerUserId: 'o-9', approverUserId: 'a-9' });
    expect(await assignApplicableMasters(unit, admin, { entityId: 'e-1' })).toEqual([]);
    expect(state.audit).toHaveLength(1);
  });

  it('refuses an owner, and an admin of another entity, before anything is written', async () => {
    for (const actor of [owner, entityAdmin('e-2')]) {
      const state = setUp();
      await expect(assignApplicableMasters(inMemoryEngineUnit(state), actor, { entityId: 'e-1' })).rejects.toThrow('You cannot assign obligations to this entity');
      expect(state.assignments.size).toBe(1);
      expect(state.audit).toEqual([]);
    }
  });

  it('says so when the entity is not in the organisation', async () => {
    await expect(applicableMasters(inMemoryEngineUnit(setUp()), { entityId: 'e-9' })).rejects.toThrow('That entity does not exist in your organisation.');
  });
});

describe('extensions', () => {
  const input = { code: 'GSTR3B_MONTHLY', periodKey: '2026-11', extendedDueDate: '2026-12-27', reference: '  Notification 9/2026  ' };
  const setUp = (): EngineState => engineState({
    masters: [master('GSTR3B_MONTHLY', 'm-3b'), master('PF_ECR', 'm-pf')], items: new Set(['m-3b|2026-11']),
    stale: [change('i-1', 'm-3b'), change('i-2', 'm-pf')],
  });

  it('records the extension as of the clock, moves its open items and audits the extension after them', async () => {
    const state = setUp();
    const moved = await applyExtension(inMemoryEngineUnit(state), admin, input, NOW);
    expect(moved.map((m) => m.instanceId)).toEqual(['i-1']);
    expect(state.extensions).toEqual([{
      masterId: 'm-3b', periodKey: '2026-11', kind: 'extension', extendedDueDate: '2026-12-27', reference: 'Notification 9/2026', note: null, states: null, districts: null, appliedAt: NOW,
    }]);
    expect(state.audit.map((a) => a.action)).toEqual(['instance.due_date_changed', 'extension.applied']);
    expect(state.audit[1]).toMatchObject({ objectType: 'master', objectId: 'm-3b', after: { code: 'GSTR3B_MONTHLY', reference: 'Notification 9/2026', moved: 1 } });
    expect(state.outbox).toHaveLength(1);
  });

  it('audits the places as stored (normalised), not as typed', async () => {
    const state = setUp();
    await applyExtension(inMemoryEngineUnit(state), admin, { ...input, states: ['mh', ' KA', 'KA'], districts: [' Thane '] }, NOW);
    const stored = state.extensions[0]!;
    expect(state.audit[1]!.after).toMatchObject({ states: stored.states, districts: stored.districts });
    expect(stored.states).not.toContain('mh');
  });

  it('a preview lists the same moves and leaves nothing behind', async () => {
    const state = setUp();
    const moved = await previewExtension(inMemoryEngineUnit(state), admin, input, NOW);
    expect(moved.map((m) => m.instanceId)).toEqual(['i-1']);
    expect(state.extensions).toEqual([]);
    expect(state.stale).toHaveLength(2);
    expect(state.audit).toEqual([]);
    expect(state.outbox).toEqual([]);
  });

  it.each([
    ['an owner', owner, input, 'You cannot apply a due-date extension'],
    ['an entity admin', entityAdmin('e-1'), input, 'You cannot apply a due-date extension'],
    ['a day that does not exist', admin, { ...input, extendedDueDate: '2026-02-30' }, '2026-02-30 is not a real date: use YYYY-MM-DD.'],
    ['no reference', admin, { ...input, reference: ' ab ' }, 'Give the notification or circular'],
    ['an unknown code', admin, { ...input, code: 'NOPE' }, 'No obligation with code NOPE'],
    ['a period without items', admin, { ...input, periodKey: '2031-01' }, 'No GSTR3B_MONTHLY item for period 2031-01'],
    ['a state by name', admin, { ...input, states: ['Maharashtra'] }, 'states: a two-letter state code (e.g. MH, KA). Leave it empty for every state.'],
    ['an unknown kind', admin, { ...input, kind: 'holiday' as never }, 'Kind "holiday" is not one of extension, fee_waiver'],
  ])('refuses %s, in preview and apply alike, and changes nothing', async (_case, actor, given, message) => {
    for (const run of [applyExtension, previewExtension]) {
      const state = setUp();
      await expect(run(inMemoryEngineUnit(state), actor, given, NOW)).rejects.toThrow(message);
      expect(state.extensions).toEqual([]);
      expect(state.audit).toEqual([]);
    }
  });

  it('the daily pass re-dates pending extensions and changed library masters, then marks them applied', async () => {
    const state = setUp();
    state.extensions = [{ masterId: 'm-3b', periodKey: '2026-11', kind: 'extension', extendedDueDate: '2026-12-27', reference: 'N 9', note: null, states: null, districts: null, appliedAt: null }];
    const jobActor = systemActor('job:apply-extensions');
    const moved = await redatePendingExtensions(inMemoryEngineUnit(state), jobActor, { changedMasterIds: ['m-x'] }, NOW);
    expect(moved.map((m) => m.instanceId)).toEqual(['i-1']);
    expect(state.redated).toEqual([{ masterIds: ['m-3b', 'm-x'] }]);
    expect(state.extensions[0]!.appliedAt).toEqual(NOW);
  });

  it('with nothing pending, the daily pass re-dates every open item (holidays may have changed)', async () => {
    const state = setUp();
    await redatePendingExtensions(inMemoryEngineUnit(state), systemActor('job'), { changedMasterIds: ['m-x'] }, NOW);
    expect(state.redated).toEqual([{}]);
    expect(state.stale).toEqual([]);
  });
});

describe('library sync', () => {
  const library = (changedMasterIds: string[], holidays = { inserted: 0, removed: 0, renamed: 0 }): LibraryStore => ({
    sync: async (masters) => ({ masters: { inserted: [], updated: ['PF_ECR'], unchanged: masters.length - 1 }, extensions: { inserted: 0, updated: 0, removed: 0, unchanged: 0 }, changedMasterIds }),
    syncHolidays: async (shipped) => ({ ...holidays, unchanged: shipped.length - holidays.inserted - holidays.renamed }),
  });
  const tenants = { a: engineState({ stale: [change('a-1', 'm-pf'), change('a-2', 'm-3b')] }), b: engineState({ stale: [change('b-1', 'm-pf')] }) };
  const deps = (changed: string[]) => ({
    library: library(changed),
    tenants: { active: async () => [{ id: 'a', timezone: 'Asia/Kolkata' }, { id: 'b', timezone: 'Asia/Kolkata' }] },
    work: { inTenant: async <T>(id: string, work: (unit: ReturnType<typeof inMemoryEngineUnit>) => Promise<T>) => work(inMemoryEngineUnit(tenants[id as 'a' | 'b'], { tenantId: id, timezone: 'Asia/Kolkata' })) },
  });

  it('re-dates, tenant by tenant, the open items of changed masters only', async () => {
    const result = await syncLibrary(deps(['m-pf']));
    expect(result.moved).toBe(2);
    expect(tenants.a.stale.map((c) => c.instanceId)).toEqual(['a-2']);
    expect(tenants.b.audit[0]).toMatchObject({ actor: { type: 'system', id: 'library-sync' }, objectId: 'b-1' });
  });

  it('re-dates every open item of every tenant when a shipped holiday was added or removed, as a holiday edit does', async () => {
    const fresh = { a: engineState({ stale: [change('a-1', 'm-pf'), change('a-2', 'm-3b')] }), b: engineState({ stale: [change('b-1', 'm-pf')] }) };
    for (const holidays of [{ inserted: 1, removed: 0, renamed: 0 }, { inserted: 0, removed: 1, renamed: 0 }]) {
      const state = { a: engineState({ stale: [...fresh.a.stale] }), b: engineState({ stale: [...fresh.b.stale] }) };
      const result = await syncLibrary({
        ...deps([]), library: library([], holidays),
        work: { inTenant: async (id, work) => work(inMemoryEngineUnit(state[id as 'a' | 'b'], { tenantId: id, timezone: 'Asia/Kolkata' })) },
      });
      expect(result.moved).toBe(3);
      expect(state.a.audit.map((e) => e.objectId)).toEqual(['a-1', 'a-2']);
    }
  });

  it('moves nothing when shipped holidays were only renamed', async () => {
    const opened: string[] = [];
    const result = await syncLibrary({ ...deps([]), library: library([], { inserted: 0, removed: 0, renamed: 2 }), work: { inTenant: async (id, work) => (opened.push(id), work(inMemoryEngineUnit(engineState()))) } });
    expect(result).toMatchObject({ moved: 0, holidays: { renamed: 2 } });
    expect(opened).toEqual([]);
  });

  it('opens no tenant when nothing changed', async () => {
    const opened: string[] = [];
    const d = deps([]);
    const result = await syncLibrary({ ...d, work: { inTenant: async (id, work) => (opened.push(id), work(inMemoryEngineUnit(engineState()))) } });
    expect(result.moved).toBe(0);
    expect(opened).toEqual([]);
  });
});
