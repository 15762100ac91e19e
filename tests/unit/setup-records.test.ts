import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../core/engine/access.js';
import { nextDueDates } from '../../core/engine/calendar.js';
import { masterSchema, type MasterInput } from '../../core/engine/master.js';
import { ForbiddenError, ValidationError } from '../../core/errors.js';
import {
  entityEventSchema, entitySchema, holidaySchema, isValidTimezone, newTenantSchema, parseRecord, reassignSchema,
  registrationSchema, roleAssignmentSchema, tenantSettingsSchema, userSchema,
} from '../../core/setup/records.js';
import { reassignmentNotices } from '../../core/use-cases/reassign.js';
import { authoriseSetupChange, type SetupChange } from '../../core/use-cases/setup-records.js';

/** The ValidationError parseRecord throws, for assertions on it. */
function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, but the input was accepted');
}

const fieldsOf = (error: ValidationError) => (error.details as { fields: Record<string, string> }).fields;

describe('registration records', () => {
  const entity_id = '6f1c2b9e-4a53-4c1e-9d2a-3b8f7e6a5d4c';
  it('reads a GSTIN\'s state from its first two digits and keeps its filing mode', () => {
    expect(parseRecord(registrationSchema, { entity_id, kind: 'gstin', number: ' 29aaacd1234f1z3 ', gst_mode: 'qrmp', district: '' }))
      .toEqual({ entity_id, kind: 'gstin', number: '29AAACD1234F1Z3', state: 'KA', gst_mode: 'qrmp', district: null, is_active: true });
  });

  it('refuses a malformed GSTIN, saying what a GSTIN looks like', () => {
    const short = refusal(() => parseRecord(registrationSchema, { entity_id, kind: 'gstin', number: '27AAACD1234F1Z', gst_mode: 'monthly' }));
    expect(fieldsOf(short)).toEqual({ number: 'a GSTIN has 15 characters, this one has 14 (e.g. 27AAACD1234F1Z5)' });
    const shape = refusal(() => parseRecord(registrationSchema, { entity_id, kind: 'gstin', number: '27AAACD1234F1Y5', gst_mode: 'monthly' }));
    expect(fieldsOf(shape).number).toContain('the 10-character PAN, an entity number, Z and a check character');
    const state = refusal(() => parseRecord(registrationSchema, { entity_id, kind: 'gstin', number: '99AAACD1234F1Z5', gst_mode: 'monthly' }));
    expect(fieldsOf(state)).toEqual({ number: '99 is not a GST state code (01–38, e.g. 27 for Maharashtra)' });
  });

  it('refuses a GSTIN whose state disagrees with the one typed, or with no filing mode', () => {
    const error = refusal(() => parseRecord(registrationSchema, { entity_id, kind: 'gstin', number: '27AAACD1234F1Z5', state: 'KA' }));
    expect(fieldsOf(error)).toEqual({
      state: 'a GSTIN starting 27 is registered in Maharashtra, not Karnataka: leave the state empty or correct the GSTIN',
      gst_mode: 'choose how this GSTIN files: monthly, qrmp, composition or isd',
    });
  });

  it('checks a TAN\'s shape, and wants the state of a PT registration', () => {
    expect(fieldsOf(refusal(() => parseRecord(registrationSchema, { entity_id, kind: 'tan', number: 'MUM12345E' }))))
      .toEqual({ number: 'a TAN is 4 letters, 5 digits, 1 letter (e.g. MUMD12345E)' });
    expect(parseRecord(registrationSchema, { entity_id, kind: 'tan', number: 'mumd12345e' })).toMatchObject({ number: 'MUMD12345E', state: null, gst_mode: null });
    expect(fieldsOf(refusal(() => parseRecord(registrationSchema, { entity_id, kind: 'pt', number: '27123456789P' }))))
      .toEqual({ state: 'give the state this registration is in (e.g. MH)' });
  });
});

describe('entity records', () => {
  const entity = { name: 'Acme Mfg', legal_name: 'Acme Manufacturing Private Limited', entity_type: 'company', state: 'MH', gst_mode: 'monthly' };

  it('accepts lower-case PAN and state and stores them upper-case; GSTINs are not written on the entity (they are registrations)', () => {
    const parsed = parseRecord(entitySchema, { ...entity, pan: ' aaacd1234f ', gstins: ['27aaacd1234f1z5'], state: 'ka', profile: '{"has_employees":true}' });
    expect(parsed).toMatchObject({ pan: 'AAACD1234F', state: 'KA', profile: { has_employees: true }, is_active: true });
    expect(parsed).not.toHaveProperty('gstins');
  });

  it('treats empty optional fields as no value', () => {
    const parsed = parseRecord(entitySchema, { ...entity, pan: '', cin: '', profile: '', slack_channel_id: '' });
    expect(parsed.pan).toBeUndefined();
    expect(parsed.cin).toBeUndefined();
    expect(parsed.profile).toEqual({});
  });

  it('takes a Teams channel as its conversation id, and says where to find it when given anything else', () => {
    expect(parseRecord(entitySchema, { ...entity, teams_channel_id: ' 19:a1b2c3d4e5f6@thread.tacv2 ' }).teams_channel_id).toBe('19:a1b2c3d4e5f6@thread.tacv2');
    const error = refusal(() => parseRecord(entitySchema, { ...entity, teams_channel_id: 'GST filings' }));
    expect(fieldsOf(error).teams_channel_id).toMatch(/^a Teams channel id looks like 19:…@thread\.tacv2 \(in Teams: the channel → ⋯ → Get link to channel/);
  });

  it('refuses a malformed PAN and a place that is no state, with messages that say what to give', () => {
    const error = refusal(() => parseRecord(entitySchema, { ...entity, pan: 'AAAC1234F', state: 'Bombay' }));
    expect(fieldsOf(error)).toEqual({
      pan: 'a PAN is 5 letters, 4 digits, 1 letter (e.g. AAACD1234F)',
      state: '"Bombay" is not a state or union territory of India: choose one from the list (e.g. Maharashtra)',
    });
    expect(fieldsOf(refusal(() => parseRecord(entitySchema, { ...entity, state: 'XX' }))).state).toContain('"XX" is not a state');
    expect(fieldsOf(refusal(() => parseRecord(entitySchema, { ...entity, state: '' }))).state).toBe('choose the state or union territory');
  });

  it('takes a state by its name as well as its code, and stores the code', () => {
    expect(parseRecord(entitySchema, { ...entity, state: 'Gujarat' }).state).toBe('GJ');
    expect(parseRecord(entitySchema, { ...entity, state: ' tamil nadu ' }).state).toBe('TN');
    expect(parseRecord(entitySchema, { ...entity, state: 'gj' }).state).toBe('GJ');
    expect(parseRecord(registrationSchema, { entity_id: '6f1c2b9e-4a53-4c1e-9d2a-3b8f7e6a5d4c', kind: 'pt', number: '27123456789P', state: 'Maharashtra' }).state).toBe('MH');
  });

  it('refuses a Slack channel id that is not one', () => {
    const error = refusal(() => parseRecord(entitySchema, { ...entity, slack_channel_id: '#compliance' }));
    expect(fieldsOf(error).slack_channel_id).toContain('C0123ABCD');
  });

  it('refuses an unknown profile flag', () => {
    const error = refusal(() => parseRecord(entitySchema, { ...entity, profile: '{"has_elephants":true}' }));
    expect(Object.keys(fieldsOf(error))).toEqual(['profile']);
    expect(fieldsOf(error).profile).toContain('unknown profile flag(s) has_elephants; the flags are has_employees,');
  });

  it('takes the flags the newer obligations need (TCS, ISD, job work, LWF, small company)', () => {
    const profile = '{"tcs_collector":true,"isd_registration":true,"job_work":true,"lwf_registered":true,"small_company":false}';
    expect(parseRecord(entitySchema, { ...entity, profile }).profile).toEqual({ tcs_collector: true, isd_registration: true, job_work: true, lwf_registered: true, small_company: false });
  });
});

describe('dates', () => {
  it('refuses a date that does not exist in the calendar (2026-02-30) and accepts 29 Feb of a leap year', () => {
    const error = refusal(() => parseRecord(holidaySchema, { holiday_date: '2026-02-30', name: 'Not a day' }));
    expect(fieldsOf(error)).toEqual({ holiday_date: '2026-02-30 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.' });
    expect(parseRecord(holidaySchema, { holiday_date: '2028-02-29', name: 'Leap day' }).holiday_date).toBe('2028-02-29');
  });

  it('takes a date only as the text typed: a Date object (already rolled over, or moved by a time zone) is refused', () => {
    // new Date('2026-02-30') is 2 March: accepting it would store a day nobody typed.
    const error = refusal(() => parseRecord(holidaySchema, { holiday_date: new Date('2026-02-30'), name: 'Rolled over' }));
    expect(fieldsOf(error)).toEqual({ holiday_date: 'give the date as text, YYYY-MM-DD (e.g. 2026-09-30)' });
  });

  it('refuses other date spellings', () => {
    for (const date of ['30/09/2026', '2026-9-30', '2026-13-01']) {
      const error = refusal(() => parseRecord(entityEventSchema, { entity_id: '6b0c7a64-6a9c-4d3e-9a5e-0c1d2e3f4a5b', kind: 'agm', fiscal_year: 'FY2025-26', event_date: date }));
      expect(Object.keys(fieldsOf(error))).toEqual(['event_date']);
    }
  });

  it('a holiday with an empty state applies to every state; a state is stored as its code, typed by name or code', () => {
    expect(parseRecord(holidaySchema, { holiday_date: '2026-10-02', name: 'Gandhi Jayanti', state: '' }).state).toBeUndefined();
    expect(parseRecord(holidaySchema, { holiday_date: '2026-11-09', name: 'Diwali', state: 'mh' }).state).toBe('MH');
    expect(parseRecord(holidaySchema, { holiday_date: '2026-05-01', name: 'Gujarat Day', state: 'Gujarat' }).state).toBe('GJ');
  });

  it('refuses a holiday in a state India does not have, saying what to choose', () => {
    const error = refusal(() => parseRecord(holidaySchema, { holiday_date: '2026-05-01', name: 'Made up', state: 'ZZ' }));
    expect(fieldsOf(error)).toEqual({ state: '"ZZ" is not a state or union territory of India: choose one from the list (e.g. Maharashtra)' });
  });
});

describe('tenant settings', () => {
  const settings = {
    name: 'Acme Group', timezone: 'Asia/Kolkata', amber_window_days: '7', reminder_days_before: '3', escalation_after_days: '3',
    escalation_repeat_days: '2', working_hours_start: '9', working_hours_end: '18', generation_horizon_months: '3',
  };

  it('accepts form strings and coerces the numbers', () => {
    expect(parseRecord(tenantSettingsSchema, settings)).toMatchObject({ amber_window_days: 7, working_hours_start: 9, working_hours_end: 18 });
  });

  it('checks the time zone against the IANA database', () => {
    expect(isValidTimezone('Asia/Kolkata')).toBe(true);
    expect(isValidTimezone('Europe/London')).toBe(true);
    expect(isValidTimezone('India/Mumbai')).toBe(false);
    expect(isValidTimezone('IST+5:30')).toBe(false);
    const error = refusal(() => parseRecord(tenantSettingsSchema, { ...settings, timezone: 'India/Mumbai' }));
    expect(fieldsOf(error)).toEqual({ timezone: 'not a time zone: use an IANA name such as Asia/Kolkata' });
  });

  it('refuses working hours that end before (or when) they start, under the end field', () => {
    for (const [start, end] of [['18', '9'], ['9', '9']]) {
      const error = refusal(() => parseRecord(tenantSettingsSchema, { ...settings, working_hours_start: start, working_hours_end: end }));
      expect(fieldsOf(error)).toEqual({ working_hours_end: 'working hours must end after they start' });
    }
  });

  it('refuses a tracking start date that does not exist', () => {
    const error = refusal(() => parseRecord(tenantSettingsSchema, { ...settings, tracking_start_date: '2026-02-30' }));
    expect(Object.keys(fieldsOf(error))).toEqual(['tracking_start_date']);
  });

  it('a new tenant needs a slug of lower-case letters, digits and dashes', () => {
    expect(parseRecord(newTenantSchema, { ...settings, slug: 'acme-group' }).slug).toBe('acme-group');
    const error = refusal(() => parseRecord(newTenantSchema, { ...settings, slug: 'Acme Group' }));
    expect(fieldsOf(error)).toEqual({ slug: 'lower-case letters, digits and - (e.g. acme-group)' });
  });
});

describe('people and roles', () => {
  it('stores an email trimmed and lower-cased', () => {
    expect(parseRecord(userSchema, { email: ' Priya.Shah@Example.COM ', name: 'Priya Shah' }).email).toBe('priya.shah@example.com');
  });

  it('takes a Teams account as the Entra object id Teams names people by (lower-cased), and nothing else', () => {
    const person = { email: 'priya@x.in', name: 'Priya Shah' };
    expect(parseRecord(userSchema, { ...person, teams_user_id: '1F2E3D4C-5B6A-4789-8ABC-DEF012345678' }).teams_user_id).toBe('1f2e3d4c-5b6a-4789-8abc-def012345678');
    expect(fieldsOf(refusal(() => parseRecord(userSchema, { ...person, teams_user_id: 'priya@x.in' }))).teams_user_id)
      .toMatch(/^a Teams person is named by their Microsoft Entra object id, a GUID/);
  });

  it('refuses a bad email, a short name and a short password together', () => {
    const error = refusal(() => parseRecord(userSchema, { email: 'priya@', name: 'P', password: 'short' }));
    expect(fieldsOf(error)).toEqual({
      email: 'not an email address',
      name: expect.any(String),
      password: 'use at least 12 characters (spaces at the start or end do not count); a few words of your own make a good one',
    });
  });

  it('holds a portal password to the policy: 12 spaces, a well-known one, one with the email name are refused under password', () => {
    const person = { email: 'priya.shah@example.com', name: 'Priya Shah' };
    expect(fieldsOf(refusal(() => parseRecord(userSchema, { ...person, password: ' '.repeat(12) }))).password).toMatch(/^use at least 12 characters/);
    expect(fieldsOf(refusal(() => parseRecord(userSchema, { ...person, password: 'Password@2026' }))).password).toMatch(/^too close to a well-known password/);
    expect(fieldsOf(refusal(() => parseRecord(userSchema, { ...person, password: 'Priya.Shah of Pune 7' })))).toEqual({
      password: 'do not use your email name ("priya.shah") in your password: choose words of your own',
    });
    expect(parseRecord(userSchema, { ...person, password: 'mango tiger quartz 41' }).password).toBe('mango tiger quartz 41');
  });

  it('an empty password means "keep the current one"', () => {
    expect(parseRecord(userSchema, { email: 'a@x.in', name: 'Asha', password: '' }).password).toBeUndefined();
  });

  it('refuses the platform admin role for a tenant person', () => {
    const error = refusal(() => parseRecord(roleAssignmentSchema, { user_id: '6b0c7a64-6a9c-4d3e-9a5e-0c1d2e3f4a5b', role: 'platform_admin' }));
    expect(Object.keys(fieldsOf(error))).toEqual(['role']);
  });

  it('reassigning accepts people by id and an empty choice as none', () => {
    expect(parseRecord(reassignSchema, { owner_user_id: '6b0c7a64-6a9c-4d3e-9a5e-0c1d2e3f4a5b', approver_user_id: '' })).toEqual({ owner_user_id: '6b0c7a64-6a9c-4d3e-9a5e-0c1d2e3f4a5b' });
    expect(fieldsOf(refusal(() => parseRecord(reassignSchema, { owner_user_id: 'Priya' })))).toEqual({ owner_user_id: 'choose a preparer' });
  });
});

describe('parseRecord', () => {
  it('throws core ValidationError naming every bad field, first message per field, in its message and details', () => {
    const error = refusal(() => parseRecord(holidaySchema, { holiday_date: '2026-02-30', name: '' }));
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(fieldsOf(error))).toEqual(['holiday_date', 'name']);
    expect(error.message).toContain('holiday_date: 2026-02-30 is not a date in the calendar');
    expect(error.message).toContain('; name: ');
  });

  it('returns the parsed value when the input is valid', () => {
    expect(parseRecord(holidaySchema, { holiday_date: '2026-10-02', name: ' Gandhi Jayanti ' })).toEqual({ holiday_date: '2026-10-02', name: 'Gandhi Jayanti' });
  });
});

describe('authoriseSetupChange', () => {
  const ENTITY_A = 'aaaaaaaa-0000-4000-8000-000000000001';
  const ENTITY_B = 'bbbbbbbb-0000-4000-8000-000000000002';
  const actor = (roles: Actor['roles'], type: Actor['type'] = 'user'): Actor => ({ type, id: 'u-1', label: 'admin@x.in', roles });
  const tenantAdmin = actor([{ role: 'tenant_admin', entityId: null }]);
  const entityAdmin = actor([{ role: 'tenant_admin', entityId: ENTITY_A }]);
  const platformAdmin = actor([{ role: 'platform_admin', entityId: null }], 'platform_user');
  const change = (over: Partial<SetupChange> = {}): SetupChange => ({ objectType: 'holiday', op: 'create', objectId: 'h-1', entityId: null, ...over });

  it('lets a tenant admin change tenant setup and returns the audit entry to write', () => {
    const entry = authoriseSetupChange(tenantAdmin, change({ objectType: 'role_assignment', op: 'update', before: { role: 'owner' }, after: { role: 'approver' } }));
    expect(entry).toEqual({
      actor: { type: 'user', id: 'u-1', label: 'admin@x.in' },
      action: 'role_assignment.updated',
      objectType: 'role_assignment',
      objectId: 'h-1',
      before: { role: 'owner' },
      after: { role: 'approver' },
    });
    expect(authoriseSetupChange(tenantAdmin, change({ op: 'delete' })).action).toBe('holiday.deleted');
    expect(authoriseSetupChange(tenantAdmin, change({ entityId: ENTITY_B })).action).toBe('holiday.created');
  });

  it('lets an entity-scoped tenant admin change only their own entity’s records', () => {
    expect(authoriseSetupChange(entityAdmin, change({ objectType: 'assignment', entityId: ENTITY_A })).action).toBe('assignment.created');
    expect(() => authoriseSetupChange(entityAdmin, change({ objectType: 'assignment', entityId: ENTITY_B }))).toThrow(ForbiddenError);
    // Tenant-wide records (holidays, people) are not theirs to change.
    expect(() => authoriseSetupChange(entityAdmin, change({ entityId: null }))).toThrow(ForbiddenError);
  });

  it('refuses auditors, owners and everyone else without the tenant admin role', () => {
    for (const role of ['auditor', 'owner', 'approver', 'cfo', 'viewer'] as const) {
      expect(() => authoriseSetupChange(actor([{ role, entityId: null }]), change())).toThrow(/You cannot create this holiday/);
    }
    expect(() => authoriseSetupChange(actor([]), change())).toThrow(ForbiddenError);
  });

  it('keeps platform-only changes (tenants) to platform admins', () => {
    expect(() => authoriseSetupChange(tenantAdmin, change({ objectType: 'tenant', op: 'delete', platformOnly: true })))
      .toThrow('You cannot delete this tenant: only a platform admin can.');
    expect(authoriseSetupChange(platformAdmin, change({ objectType: 'tenant', op: 'delete', platformOnly: true }))).toMatchObject({
      action: 'tenant.deleted', actor: { type: 'platform_user', id: 'u-1' },
    });
  });

  it('refuses changes to the shared statutory library, even for a platform admin', () => {
    for (const who of [tenantAdmin, platformAdmin]) {
      expect(() => authoriseSetupChange(who, change({ objectType: 'master', op: 'update', sharedLibrary: true }))).toThrow(/changes only with a release/);
    }
  });

  it('never puts a password hash or an encrypted token on the audit chain', () => {
    const entry = authoriseSetupChange(tenantAdmin, change({
      objectType: 'user', op: 'update',
      before: { email: 'a@x.in', password_hash: '$2a$10$old' },
      after: { email: 'a@x.in', name: 'Asha', password_hash: '$2a$10$new', bot_token_encrypted: 'cipher' },
    }));
    expect(entry.before).toEqual({ email: 'a@x.in' });
    expect(entry.after).toEqual({ email: 'a@x.in', name: 'Asha' });
    expect(JSON.stringify(entry)).not.toContain('$2a$10$');
  });
});

describe('nextDueDates (the preview before saving a master)', () => {
  const monthly: MasterInput = {
    code: 'OWN_MONTHLY', name: 'Own monthly return', category: 'Other', law: 'Internal', authority: 'Board', frequency: 'monthly',
    ruleVersions: [{ effectiveFrom: '2017-07-01', rule: { kind: 'after_period_end', months: 1, day: 20 } }],
  };

  it('"20th of the following month" from 26 Nov 2026: 12 dates from 20 Dec 2026 (Nov’s return), 20 Nov 2026 already passed', () => {
    const rows = nextDueDates(masterSchema.parse(monthly), '2026-11-26');
    expect(rows.map((r) => [r.periodKey, r.workingDueDate])).toEqual([
      ['2026-11', '2026-12-20'], ['2026-12', '2027-01-20'], ['2027-01', '2027-02-20'], ['2027-02', '2027-03-20'],
      ['2027-03', '2027-04-20'], ['2027-04', '2027-05-20'], ['2027-05', '2027-06-20'], ['2027-06', '2027-07-20'],
      ['2027-07', '2027-08-20'], ['2027-08', '2027-09-20'], ['2027-09', '2027-10-20'], ['2027-10', '2027-11-20'],
    ]);
  });

  it('includes a date due today', () => {
    const rows = nextDueDates(masterSchema.parse(monthly), '2026-11-20');
    expect(rows[0]).toMatchObject({ periodKey: '2026-10', statutoryDueDate: '2026-11-20', workingDueDate: '2026-11-20' });
    expect(rows).toHaveLength(12);
  });

  it('moves weekend dates under "next working day" and keeps the statutory date', () => {
    const rows = nextDueDates(masterSchema.parse({ ...monthly, holidayPolicy: 'next_working_day' }), '2026-11-26', 3);
    // 20 Dec 2026 is a Sunday, 20 Feb 2027 a Saturday.
    expect(rows.map((r) => [r.statutoryDueDate, r.workingDueDate])).toEqual([
      ['2026-12-20', '2026-12-21'], ['2027-01-20', '2027-01-20'], ['2027-02-20', '2027-02-22'],
    ]);
  });

  it('stops at the four-year horizon: an annual master shows the dates it has', () => {
    const rows = nextDueDates(masterSchema.parse({ ...monthly, code: 'OWN_ANNUAL', frequency: 'annual', ruleVersions: [{ effectiveFrom: '2017-07-01', rule: { kind: 'after_period_end', months: 6, day: 30 } }] }), '2026-11-26');
    expect(rows.map((r) => r.workingDueDate)).toEqual(['2027-09-30', '2028-09-30', '2029-09-30', '2030-09-30', '2031-09-30']);
  });

  it('a one-off obligation in the past gives no dates', () => {
    const once = masterSchema.parse({ ...monthly, code: 'OWN_ONCE', frequency: 'one_off', ruleVersions: [{ effectiveFrom: '2017-07-01', rule: { kind: 'fixed_date', date: '2026-03-31' } }] });
    expect(nextDueDates(once, '2026-11-26')).toEqual([]);
  });
});

describe('reassignmentNotices', () => {
  const at = new Date('2026-11-26T06:00:00Z');
  it('tells each newly named person their role, and nobody who kept theirs or was removed', () => {
    expect(reassignmentNotices('i1', { ownerUserId: 'u1', approverUserId: 'u2' }, { ownerUserId: 'u3', approverUserId: 'u2' }, at)).toEqual([
      { kind: 'assigned', to: { kind: 'user', userId: 'u3' }, instanceId: 'i1', dedupKey: `assigned:i1:preparer:u3:${at.getTime()}`, payload: { as: 'preparer' } },
    ]);
    expect(reassignmentNotices('i1', { ownerUserId: 'u1', approverUserId: null }, { ownerUserId: null, approverUserId: 'u4' }, at).map((d) => [d.to, d.payload])).toEqual([
      [{ kind: 'user', userId: 'u4' }, { as: 'approver' }],
    ]);
    expect(reassignmentNotices('i1', { ownerUserId: 'u1', approverUserId: 'u2' }, { ownerUserId: 'u1', approverUserId: 'u2' }, at)).toEqual([]);
  });
});
