import { describe, expect, it } from '@jest/globals';
import { applies } from '../../core/engine/applicability.js';
import { dueDates, masterPeriods, statutoryDueDate } from '../../core/engine/due-date.js';
import { masterSchema } from '../../core/engine/master.js';
import { periodsOfFy } from '../../core/engine/periods.js';
import { ragOf } from '../../core/engine/rag.js';
import { DEFAULT_LADDER, planReminders, type PlannerInstance } from '../../core/engine/reminders.js';
import { nextStatus } from '../../core/engine/status.js';
import { buildSchedule, generationWindow } from '../../core/engine/schedule.js';
import type { ScheduleExtension } from '../../core/engine/relief.js';
import { libraryMaster } from '../../core/library/index.js';

describe('periods', () => {
  it('uses stable keys for every frequency of FY 2026-27', () => {
    expect(periodsOfFy('monthly', 2026).map((p) => p.key)).toEqual([
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03',
    ]);
    expect(periodsOfFy('quarterly', 2026)[2]).toEqual({ key: 'FY2026-27-Q3', start: '2026-10-01', end: '2026-12-31', fyStartYear: 2026, index: 3 });
    expect(periodsOfFy('half_yearly', 2026).map((p) => [p.key, p.start, p.end])).toEqual([
      ['FY2026-27-H1', '2026-04-01', '2026-09-30'], ['FY2026-27-H2', '2026-10-01', '2027-03-31'],
    ]);
    expect(periodsOfFy('annual', 2026)).toEqual([{ key: 'FY2026-27', start: '2026-04-01', end: '2027-03-31', fyStartYear: 2026, index: 1 }]);
    expect(periodsOfFy('fy_instalments', 2026).map((p) => p.key)).toEqual(['FY2026-27-I1', 'FY2026-27-I2', 'FY2026-27-I3', 'FY2026-27-I4']);
  });
});

describe('due-date rules as data', () => {
  const base = { code: 'OWN_RULE', name: 'Own rule', category: 'Other', law: 'Internal', authority: 'Board' };

  it('rejects a date that does not exist, naming the field', () => {
    const result = masterSchema.safeParse({
      ...base, frequency: 'one_off', ruleVersions: [{ effectiveFrom: '2026-01-01', rule: { kind: 'fixed_date', date: '2026-02-30' } }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['ruleVersions', 0, 'rule', 'date'], message: 'must be a real date, YYYY-MM-DD' });
  });

  it('rejects a rule kind that does not fit the frequency', () => {
    const result = masterSchema.safeParse({
      ...base, frequency: 'monthly', ruleVersions: [{ effectiveFrom: '2026-01-01', rule: { kind: 'after_event', event: 'agm', days: 30, defaultEvent: { months: 6, day: 30 } } }],
    });
    expect(result.error!.issues[0]!.message).toBe('a monthly obligation needs a rule of kind after_period_end or days_after_period_end, not after_event');
  });

  it('rejects two versions with the same effective date', () => {
    const rule = { kind: 'after_period_end', months: 1, day: 20 };
    const result = masterSchema.safeParse({ ...base, frequency: 'monthly', ruleVersions: [{ effectiveFrom: '2026-01-01', rule }, { effectiveFrom: '2026-01-01', rule }] });
    expect(result.error!.issues[0]!.message).toBe('two rule versions have the same effectiveFrom');
  });

  it('counts event-based dates from the recorded AGM, or from the statutory default', () => {
    const aoc4 = libraryMaster('ROC_AOC4')!;
    const { period, rule } = masterPeriods(aoc4, '2025-04-01', '2025-04-01')[0]!;
    expect(period.key).toBe('FY2025-26');
    expect(statutoryDueDate(rule, period, '2026-09-25')).toBe('2026-10-25');
    expect(statutoryDueDate(rule, period)).toBe('2026-10-30');
  });

  it('moves a next-working-day date past a weekend and a holiday, but never a fixed GST date', () => {
    const isHoliday = (d: string) => d === '2025-06-16';
    expect(dueDates({ statutory: '2025-06-15', policy: 'next_working_day', isHoliday })).toEqual({ statutory: '2025-06-15', working: '2025-06-17', effective: '2025-06-17' });
    expect(dueDates({ statutory: '2025-06-15', policy: 'none', isHoliday })).toEqual({ statutory: '2025-06-15', effective: '2025-06-15' });
  });

  it('applies an extension, then the holiday policy to the extended date', () => {
    // The extended date is Saturday 13 Dec 2025: the policy moves it to Monday 15 Dec.
    expect(dueDates({ statutory: '2025-10-31', extension: { date: '2025-12-13', reference: 'Circular 15/2025' }, policy: 'next_working_day' })).toEqual({
      statutory: '2025-10-31', extended: '2025-12-13', extensionReference: 'Circular 15/2025', working: '2025-12-15', effective: '2025-12-15',
    });
  });
});

describe('applicability', () => {
  const entity = { entityType: 'company', state: 'KA', gstMode: 'qrmp', profile: { tds_deductor: true } } as const;

  it('says why an obligation applies', () => {
    expect(applies(libraryMaster('GSTR3B_QRMP_X')!.applicability, entity)).toEqual({ applies: true, reason: 'GST filing mode is qrmp; KA is in GST state group X' });
    expect(applies(libraryMaster('TDS_DEPOSIT')!.applicability, entity)).toEqual({ applies: true, reason: 'tds deductor' });
  });

  it('leaves out what does not apply', () => {
    expect(applies(libraryMaster('GSTR3B_QRMP_Y')!.applicability, entity).applies).toBe(false);
    expect(applies(libraryMaster('PT_MH_MONTHLY')!.applicability, entity).applies).toBe(false);
    expect(applies(libraryMaster('LLP_FORM11')!.applicability, entity).applies).toBe(false);
    expect(applies(libraryMaster('ITR_AUDIT')!.applicability, { ...entity, profile: { transfer_pricing: true } }).applies).toBe(false);
    expect(applies(libraryMaster('ITR_TP')!.applicability, { ...entity, profile: { transfer_pricing: true } }).applies).toBe(true);
  });
});

describe('schedule', () => {
  it('covers the current FY from its start (and last FY\'s returns due in it) to the horizon', () => {
    expect(generationWindow('2026-11-26', 3)).toEqual({ periodsFrom: '2025-04-01', periodsTo: '2027-02-26', dueFrom: '2026-04-01' });
    expect(generationWindow('2026-11-26', 3, '2026-11-01').dueFrom).toBe('2026-11-01');
  });

  it('gives per-state dates when a state holiday moves a next-working-day date', () => {
    const tds = { ...libraryMaster('TDS_DEPOSIT')!, id: 'm1' };
    const rows = buildSchedule({
      masters: [tds],
      entities: [{ id: 'e1', state: 'MH', agmDates: {} }, { id: 'e2', state: 'KA', agmDates: {} }],
      holidays: [{ date: '2026-12-07', state: 'MH' }],
      extensions: new Map(),
      window: { periodsFrom: '2026-11-01', periodsTo: '2026-11-30', dueFrom: '2026-04-01' },
    });
    expect(rows.map((r) => [r.state, r.statutory, r.working])).toEqual([['MH', '2026-12-07', '2026-12-08'], ['KA', '2026-12-07', null]]);
  });
});

// GSTR-3B July 2025 → 27 Aug 2025 only in five MMR districts (CBIC, s.39(6), floods):
// https://www.gujaratimidday.com/amp/news/mumbai-news/article/gst-filing-extended-for-mumbai-thane-raigad-palghar-traders-due-to-floods-250700
describe('extensions scoped to places', () => {
  const gstr3b = { ...libraryMaster('GSTR3B_MONTHLY')!, id: 'm1' };
  const entities = [
    { id: 'thane', state: 'MH', district: 'Thane', agmDates: {} }, { id: 'pune', state: 'MH', district: 'Pune', agmDates: {} },
    { id: 'mh', state: 'MH', district: null, agmDates: {} }, { id: 'blr', state: 'KA', district: 'Thane', agmDates: {} },
  ];
  const floods = { date: '2025-08-27', reference: 'CBIC (floods)', own: false, states: ['MH'], districts: ['Mumbai City', 'Thane'] };
  const schedule = (extensions: [string, ScheduleExtension[]][]) => buildSchedule({
    masters: [gstr3b], entities, holidays: [], extensions: new Map(extensions),
    window: { periodsFrom: '2025-07-01', periodsTo: '2025-08-31', dueFrom: '2025-04-01' },
  }).map((r) => [r.periodKey, r.state, r.district, r.extended ?? r.statutory]);

  it('gives a row per place only to the period that has one: Thane, MH moves; Pune, MH without a district and a Karnataka "Thane" keep the date', () => {
    expect(schedule([['m1|2025-07', [floods]]])).toEqual([
      ['2025-07', 'MH', 'thane', '2025-08-27'], ['2025-07', 'MH', 'pune', '2025-08-20'], ['2025-07', 'MH', '', '2025-08-20'], ['2025-07', 'KA', 'thane', '2025-08-20'],
      ['2025-08', null, null, '2025-09-20'],
    ]);
  });

  it('keeps one row for everywhere when the extension names no place; the tenant\'s own wins over the library\'s, the narrower over the wider', () => {
    expect(schedule([['m1|2025-07', [{ date: '2025-08-25', reference: 'all', own: false }]]])[0]).toEqual(['2025-07', null, null, '2025-08-25']);
    const rows = schedule([['m1|2025-07', [floods, { date: '2025-08-22', reference: 'MH', own: false, states: ['MH'] }, { date: '2025-08-30', reference: 'own', own: true, districts: ['Pune'] }]]]);
    expect(rows.slice(0, 4).map((r) => r[3])).toEqual(['2025-08-27', '2025-08-30', '2025-08-22', '2025-08-20']);
  });
});

describe('status machine', () => {
  it('allows the documented transitions', () => {
    expect(nextStatus('pending', 'submit')).toBe('submitted');
    expect(nextStatus('rejected', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'approve')).toBe('approved');
    expect(nextStatus('submitted', 'reject')).toBe('rejected');
    expect(nextStatus('pending', 'mark_not_applicable')).toBe('not_applicable');
    expect(nextStatus('approved', 'reopen')).toBe('pending');
  });

  it('refuses the rest, saying what state the item is in', () => {
    expect(() => nextStatus('approved', 'approve')).toThrow('This item is already approved, so it cannot be approved.');
    expect(() => nextStatus('pending', 'approve')).toThrow('This item is waiting for evidence, so it cannot be approved.');
    expect(() => nextStatus('approved', 'submit')).toThrow(/already approved/);
    expect(() => nextStatus('submitted', 'mark_not_applicable')).toThrow(/submitted and waiting for review/);
  });
});

describe('RAG across midnight IST', () => {
  const todayIst = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });

  it('turns an item due 20 Nov red at 00:00 IST on 21 Nov, not before', () => {
    expect(ragOf('pending', '2026-11-20', todayIst('2026-11-20T18:29:59Z'), 7)).toBe('amber'); // 23:59:59 IST on the 20th
    expect(ragOf('pending', '2026-11-20', todayIst('2026-11-20T18:30:00Z'), 7)).toBe('red'); // 00:00 IST on the 21st
  });

  it('uses the amber window boundary inclusively', () => {
    expect(ragOf('pending', '2026-11-27', '2026-11-20', 7)).toBe('amber');
    expect(ragOf('pending', '2026-11-28', '2026-11-20', 7)).toBe('green');
  });

  it('is amber when rejected, green when closed', () => {
    expect(ragOf('rejected', '2027-01-31', '2026-11-20', 7)).toBe('amber');
    expect(ragOf('approved', '2026-01-01', '2026-11-20', 7)).toBe('green');
    expect(ragOf('not_applicable', '2026-01-01', '2026-11-20', 7)).toBe('green');
    expect(ragOf('submitted', '2026-11-19', '2026-11-20', 7)).toBe('red');
  });
});

describe('reminder planner', () => {
  const item = (over: Partial<PlannerInstance> = {}): PlannerInstance => ({
    id: 'i1', dueDate: '2026-11-20', status: 'pending', ownerUserId: 'owner', approverUserId: 'approver', escalationAcknowledged: false, noticeDays: [3], remindedFor: null, escalatedFor: null, ...over,
  });
  // 10:00 IST on a given date
  const at = (date: string) => new Date(`${date}T04:30:00Z`);
  const plan = (i: PlannerInstance, date: string) => planReminders([i], DEFAULT_LADDER, at(date)).map((r) => [r.rung, r.recipient, r.dedupKey]);

  it('reminds the owner from T-3, once (same key every day until due)', () => {
    expect(plan(item(), '2026-11-16')).toEqual([]);
    expect(plan(item(), '2026-11-17')).toEqual([['due_soon', { kind: 'user', userId: 'owner' }, 'due_soon:i1:2026-11-17']]);
    expect(plan(item(), '2026-11-19')).toEqual([['due_soon', { kind: 'user', userId: 'owner' }, 'due_soon:i1:2026-11-17']]);
  });

  it('plans a rung only when it is newer than what was queued for the item', () => {
    expect(plan(item({ remindedFor: '2026-11-17' }), '2026-11-19')).toEqual([]);
    expect(plan(item({ remindedFor: '2026-11-17', status: 'submitted' }), '2026-11-20')).toEqual([['due_today', { kind: 'user', userId: 'approver' }, 'due_today:i1:2026-11-20']]);
    expect(plan(item({ remindedFor: '2026-11-20', status: 'submitted' }), '2026-11-20')).toEqual([]);
    expect(plan(item({ escalatedFor: '2026-11-23' }), '2026-11-24')).toEqual([]);
    expect(plan(item({ escalatedFor: '2026-11-23' }), '2026-11-25')).toEqual([['escalation', { kind: 'role', role: 'cfo' }, 'escalation:i1:2026-11-25']]);
  });

  it('tells the approver on the due day', () => {
    expect(plan(item({ status: 'submitted' }), '2026-11-20')).toEqual([['due_today', { kind: 'user', userId: 'approver' }, 'due_today:i1:2026-11-20']]);
  });

  it('escalates to the CFO from 3 days overdue, repeating every 2 days until acknowledged', () => {
    expect(plan(item(), '2026-11-22')).toEqual([]);
    expect(plan(item(), '2026-11-23')).toEqual([['escalation', { kind: 'role', role: 'cfo' }, 'escalation:i1:2026-11-23']]);
    expect(plan(item(), '2026-11-24')).toEqual([['escalation', { kind: 'role', role: 'cfo' }, 'escalation:i1:2026-11-23']]);
    expect(plan(item(), '2026-11-25')).toEqual([['escalation', { kind: 'role', role: 'cfo' }, 'escalation:i1:2026-11-25']]);
    expect(plan(item({ escalationAcknowledged: true }), '2026-11-27')).toEqual([]);
  });

  it('tells the tenant admin when nobody is named', () => {
    expect(plan(item({ ownerUserId: null }), '2026-11-18')).toEqual([
      ['due_soon', { kind: 'role', role: 'tenant_admin', missing: 'owner' }, 'due_soon:i1:2026-11-17'],
    ]);
  });

  it('sends nothing outside working hours or for closed items', () => {
    expect(planReminders([item()], DEFAULT_LADDER, new Date('2026-11-17T14:00:00Z'))).toEqual([]); // 19:30 IST
    expect(plan(item({ status: 'approved' }), '2026-11-25')).toEqual([]);
  });

  it('never plans two reminders with the same key', () => {
    const many = Array.from({ length: 50 }, (_, n) => item({ id: `i${n}`, dueDate: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}` }));
    const keys = planReminders(many, DEFAULT_LADDER, at('2026-11-20')).map((r) => r.dedupKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(20);
  });
});
