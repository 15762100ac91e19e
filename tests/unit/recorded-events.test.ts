import { describe, expect, it } from '@jest/globals';
import { labelFor } from '../../core/engine/labels.js';
import { buildSchedule, type ScheduleEntity } from '../../core/engine/schedule.js';
import { libraryMaster } from '../../core/library/index.js';
import { entityEventSchema, parseRecord } from '../../core/setup/records.js';

// DIR3_KYC_UPDATE — substituted r.12A (G.S.R. 943(E), 31 Dec 2025, in force 31 Mar 2026): update
// mobile, e-mail or address within 30 days of the change (india-compliance-rules.md §6.1):
// https://www.caclubindia.com/articles/din-kyc-once-in-3-years-instead-of-every-year-54574.asp
// https://finin2min.com/din-kyc-now-once-in-3-years-w-e-f-31-march-2026
// FORM_15CA_CB — before the remittance; Forms 145/146 from 1 Apr 2026 (§6.2, §6.3):
// https://taxsocial.pro/article/old-vs-new-income-tax-forms-complete-mapping-of-what-changes-from-april-2026
const kycUpdate = { ...libraryMaster('DIR3_KYC_UPDATE')!, id: 'kyc' };
const remittanceForms = { ...libraryMaster('FORM_15CA_CB')!, id: 'fca' };
const WINDOW = { periodsFrom: '2025-04-01', periodsTo: '2027-02-26', dueFrom: '2026-04-01' };

const entity = (events: ScheduleEntity['events']): ScheduleEntity => ({ id: 'e1', state: 'KA', agmDates: {}, events });
const schedule = (events: ScheduleEntity['events'], window = WINDOW) =>
  buildSchedule({ masters: [kycUpdate, remittanceForms], entities: [entity(events)], holidays: [], extensions: new Map(), window })
    .map((r) => [r.masterId, r.entityId, r.periodKey, r.periodStart, r.statutory]);

describe('obligations counted from each recorded event', () => {
  it('a director\'s details changed on 10 Jan 2027: DIR-3-KYC-Web update due 9 Feb 2027', () => {
    expect(schedule([{ id: 'ev1', kind: 'director_details_changed', date: '2027-01-10' }])).toEqual([['kyc', 'e1', 'EVENT-ev1', '2027-01-10', '2027-02-09']]);
  });

  it('a remittance on 15 Jan 2027: Forms 15CA/15CB due that same day', () => {
    expect(schedule([{ id: 'ev2', kind: 'foreign_remittance', date: '2027-01-15' }])).toEqual([['fca', 'e1', 'EVENT-ev2', '2027-01-15', '2027-01-15']]);
  });

  it('two changes in one FY owe two updates; the other kind of event owes none of them', () => {
    expect(schedule([
      { id: 'a', kind: 'director_details_changed', date: '2026-06-05' },
      { id: 'b', kind: 'director_details_changed', date: '2026-06-20' },
      { id: 'c', kind: 'foreign_remittance', date: '2026-06-20' },
    ])).toEqual([
      ['kyc', 'e1', 'EVENT-a', '2026-06-05', '2026-07-05'],
      ['kyc', 'e1', 'EVENT-b', '2026-06-20', '2026-07-20'],
      ['fca', 'e1', 'EVENT-c', '2026-06-20', '2026-06-20'],
    ]);
  });

  it('a recorded event beyond the period window is still scheduled (its item is re-dated when the event moves); one due before dueFrom is not', () => {
    expect(schedule([{ id: 'far', kind: 'foreign_remittance', date: '2028-05-02' }])).toEqual([['fca', 'e1', 'EVENT-far', '2028-05-02', '2028-05-02']]);
    expect(schedule([{ id: 'old', kind: 'foreign_remittance', date: '2026-03-10' }])).toEqual([]);
  });

  it('a change before the substituted r.12A came into force (31 Mar 2026) owes no update', () => {
    expect(schedule([{ id: 'x', kind: 'director_details_changed', date: '2026-03-30' }], { ...WINDOW, dueFrom: '2026-01-01' })).toEqual([]);
  });

  it('names Forms 15CA/15CB for a remittance up to 31 Mar 2026 and Forms 145/146 from 1 Apr 2026, the period by its date', () => {
    expect(labelFor(remittanceForms, { key: 'EVENT-x', end: '2026-03-31' })).toMatchObject({ title: expect.stringContaining('(Form 15CA / 15CB)'), law: 'Income-tax Act, 1961', period: '31 Mar 2026' });
    expect(labelFor(remittanceForms, { key: 'EVENT-x', end: '2026-04-01' })).toMatchObject({ title: expect.stringContaining('(Form 145 / 146)'), law: 'Income-tax Act, 2025', period: '1 Apr 2026' });
  });
});

describe('recording an entity event', () => {
  const entityId = '00000000-0000-4000-8000-000000000001';
  it('files an event other than the AGM under its date\'s FY, whatever was typed', () => {
    expect(parseRecord(entityEventSchema, { entity_id: entityId, kind: 'foreign_remittance', event_date: '2027-01-15', fiscal_year: 'FY2020-21', description: 'Fee to Acme' }))
      .toMatchObject({ fiscal_year: 'FY2026-27', description: 'Fee to Acme' });
  });
  it('still needs the FY an AGM was held for', () => {
    expect(() => parseRecord(entityEventSchema, { entity_id: entityId, kind: 'agm', event_date: '2026-09-15' })).toThrow(/financial year the AGM was held for/);
  });
  it('refuses a kind it does not know, naming the kinds', () => {
    expect(() => parseRecord(entityEventSchema, { entity_id: entityId, kind: 'board_meeting', event_date: '2026-09-15' })).toThrow(/agm, director_details_changed, foreign_remittance/);
  });
});
