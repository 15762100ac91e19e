import { describe, expect, it } from '@jest/globals';
import { sweepReminders } from '../../core/use-cases/sweep-reminders.js';
import { enqueueWeeklyDigests, isoWeekLabel } from '../../core/use-cases/weekly-digests.js';
import { engineState, inMemoryEngineUnit, type EngineState } from '../support/in-memory-engine.js';

const item = (id: string, dueDate: string, extra: Partial<EngineState['open'][number]> = {}) => ({
  id, entityId: 'e-1', dueDate, status: 'pending' as const, ownerUserId: 'owner-1', approverUserId: 'approver-1', escalationAcknowledged: false, ...extra,
});

describe('the reminder sweep', () => {
  // 26 Nov 2026, 11:00 IST: T-3 is 29 Nov.
  const NOW = new Date('2026-11-26T05:30:00Z');
  const setUp = () => engineState({ open: [item('due-29', '2026-11-29'), item('due-30', '2026-11-30'), item('late', '2026-11-20')] });

  it('plans the ladder for the items in reach and queues each reminder once', async () => {
    const state = setUp();
    const first = await sweepReminders(inMemoryEngineUnit(state), {}, NOW);
    expect(first).toEqual({ open: 2, planned: 2, enqueued: 2 });
    expect(state.outbox.map((d) => [d.kind, d.instanceId, d.to])).toEqual([
      ['due_soon', 'due-29', { kind: 'user', userId: 'owner-1' }],
      ['escalation', null, { kind: 'role', role: 'cfo' }],
    ]);
    expect(state.outbox[1]!.payload).toEqual({ items: [{ instanceId: 'late', day: '2026-11-25' }] });
    // Each rung is recorded on its item as queued: the same sweep again plans nothing.
    expect(await sweepReminders(inMemoryEngineUnit(state), {}, NOW)).toEqual({ open: 2, planned: 0, enqueued: 0 });
  });

  it('escalates three overdue items in one message listing the three', async () => {
    const state = engineState({ open: [item('a', '2026-11-10'), item('b', '2026-11-12'), item('c', '2026-11-20')] });
    expect(await sweepReminders(inMemoryEngineUnit(state), {}, NOW)).toEqual({ open: 3, planned: 3, enqueued: 1 });
    expect(state.outbox).toHaveLength(1);
    expect((state.outbox[0]!.payload.items as { instanceId: string }[]).map((i) => i.instanceId)).toEqual(['a', 'b', 'c']);
  });

  it("never escalates an item due before the tenant's tracking start", async () => {
    const state = engineState({ open: [item('before', '2026-10-20'), item('after', '2026-11-20')] });
    state.ladder = { ...state.ladder, trackingStart: '2026-11-01' };
    await sweepReminders(inMemoryEngineUnit(state), {}, NOW);
    expect((state.outbox[0]!.payload.items as { instanceId: string }[]).map((i) => i.instanceId)).toEqual(['after']);
  });

  it("gives an annual filing weeks of notice and a monthly one days, and opens the item's thread when its notice begins", async () => {
    // 26 Nov + 30 days = 26 Dec.
    const state = engineState({
      open: [item('annual', '2026-12-26', { masterId: 'aoc4' }), item('monthly', '2026-12-26', { masterId: 'gstr3b' }), item('annual-later', '2026-12-27', { masterId: 'aoc4' })],
      masterNotices: [
        { masterId: 'aoc4', frequency: 'annual', masterDays: null, tenantDays: null },
        { masterId: 'gstr3b', frequency: 'monthly', masterDays: null, tenantDays: null },
      ],
      threadsEnabled: true,
    });
    await sweepReminders(inMemoryEngineUnit(state), {}, NOW);
    expect(state.outbox.map((d) => [d.kind, d.instanceId, d.dedupKey])).toEqual([
      ['thread_opened', 'annual', 'thread_opened:annual'],
      ['due_soon', 'annual', 'due_soon:annual:2026-11-26'],
    ]);
  });

  it("follows the tenant's own schedule for a master over the master's and the default", async () => {
    const state = engineState({
      open: [item('gst', '2026-12-06', { masterId: 'gstr3b' })],
      masterNotices: [{ masterId: 'gstr3b', frequency: 'monthly', masterDays: [5], tenantDays: [10] }],
    });
    await sweepReminders(inMemoryEngineUnit(state), {}, NOW);
    expect(state.outbox.map((d) => d.dedupKey)).toEqual(['due_soon:gst:2026-11-26']);
    const masterOnly = engineState({ open: [item('gst', '2026-12-06', { masterId: 'gstr3b' })], masterNotices: [{ masterId: 'gstr3b', frequency: 'monthly', masterDays: [5], tenantDays: null }] });
    await sweepReminders(inMemoryEngineUnit(masterOnly), {}, NOW);
    expect(masterOnly.outbox).toEqual([]);
  });

  it('a dry run says what would go out and what went already, and queues nothing', async () => {
    const state = setUp();
    state.queued.add(`due_soon:due-29:2026-11-26`);
    const result = await sweepReminders(inMemoryEngineUnit(state), { dryRun: true }, NOW);
    expect(result).toMatchObject({ open: 2, planned: 2, enqueued: 0 });
    expect(result.preview!.map((p) => [p.kind, p.instanceId, p.alreadyQueued])).toEqual([['due_soon', 'due-29', true], ['escalation', 'late', false]]);
    expect(state.outbox).toEqual([]);
  });

  it('outside the working hours of the tenant nothing is planned', async () => {
    expect(await sweepReminders(inMemoryEngineUnit(setUp()), {}, new Date('2026-11-26T15:00:00Z'))).toEqual({ open: 2, planned: 0, enqueued: 0 });
  });
});

describe('the weekly digest', () => {
  // Monday 30 Nov 2026, 09:10 IST.
  const NOW = new Date('2026-11-30T03:40:00Z');
  const setUp = () => engineState({
    cfoGrants: [{ userId: 'cfo-all', entityId: null }, { userId: 'cfo-b', entityId: 'e-b' }],
    rag: [{ entityId: 'e-a', entityName: 'Alpha', red: 1, amber: 2, green: 3 }, { entityId: 'e-b', entityName: 'Bravo', red: 0, amber: 1, green: 0 }],
    digestItems: [
      { entityId: 'e-a', entityName: 'Alpha', registration: null, code: 'TDS_DEPOSIT', name: 'TDS deposit', periodKey: '2026-10', dueDate: '2026-11-07', open: true },
      { entityId: 'e-b', entityName: 'Bravo', registration: null, code: 'GSTR1_MONTHLY', name: 'GSTR-1', periodKey: '2026-11', dueDate: '2026-12-07', open: true },
      { entityId: 'e-b', entityName: 'Bravo', registration: null, code: 'PF_ECR', name: 'EPF contribution and ECR', periodKey: '2026-10', dueDate: '2026-11-15', open: false, approvedLateAt: new Date('2026-11-25T10:00:00Z') },
      { entityId: 'e-a', entityName: 'Alpha', registration: null, code: 'ESI', name: 'ESI contribution', periodKey: '2026-09', dueDate: '2026-10-15', open: false, approvedLateAt: new Date('2026-11-20T10:00:00Z') },
    ],
  });

  it("gives each CFO one digest of the entities they cover, the week's by the tenant's calendar", async () => {
    const state = setUp();
    expect(await enqueueWeeklyDigests(inMemoryEngineUnit(state), NOW)).toBe(2);
    expect(isoWeekLabel('Asia/Kolkata', NOW)).toBe('2026-W49');
    const digest = (userId: string) => state.outbox.find((d) => d.to.kind === 'user' && d.to.userId === userId)!;
    expect(digest('cfo-all')).toMatchObject({ kind: 'weekly_digest', instanceId: null, dedupKey: 'weekly_digest:2026-W49', payload: { week: '2026-W49' } });
    expect(digest('cfo-all').payload.lines).toEqual([
      'Status by entity (red / amber / green):', '  Alpha: 1 / 2 / 3', '  Bravo: 0 / 1 / 0',
      '', 'Overdue:', '  7 Nov 2026  TDS deposit · Alpha · Oct 2026',
      '', 'Due in the next 7 days:', '  7 Dec 2026  GSTR-1 · Bravo · Nov 2026',
      // Approved late on 20 Nov is more than 7 days before the clock's Monday.
      '', 'Approved late in the last 7 days:', '  15 Nov 2026  EPF contribution and ECR · Bravo · Oct 2026',
    ]);
    expect(digest('cfo-b').payload.lines).toEqual([
      'Status by entity (red / amber / green):', '  Bravo: 0 / 1 / 0',
      '', 'Overdue:', '  none',
      '', 'Due in the next 7 days:', '  7 Dec 2026  GSTR-1 · Bravo · Nov 2026',
      '', 'Approved late in the last 7 days:', '  15 Nov 2026  EPF contribution and ECR · Bravo · Oct 2026',
    ]);
  });

  it('a second run the same week queues nothing new', async () => {
    const state = setUp();
    await enqueueWeeklyDigests(inMemoryEngineUnit(state), NOW);
    expect(await enqueueWeeklyDigests(inMemoryEngineUnit(state), new Date('2026-11-30T10:00:00Z'))).toBe(0);
  });
});
