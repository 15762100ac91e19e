import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { theTenant } from '../mothers/tenant-mother.js';
import { type TestDatabase } from '../support/db.js';
import { type DemoIds } from '../support/demo.js';
import { type ActionBody, callAction, type DemoPortal, type PortalClient, startDemoPortal } from '../support/portal.js';

/**
 * What the portal does with input people get wrong, over HTTP as the browser sends it: dates
 * that do not exist, malformed JSON, odd paging and filter parameters, weak passwords. Each is
 * answered with a message under the field (or a sane page), never a 500, and changes nothing.
 */

let t: TestDatabase;
let demo: DemoIds;
let admin: PortalClient;

let ctx: DemoPortal;
beforeAll(async () => {
  ctx = await startDemoPortal('admin');
  ({ t, demo, client: admin } = ctx);
});
afterAll(() => ctx.close());

const API = '/admin/api/resources';
const call = (pathname: string, body?: Record<string, unknown>) => callAction(admin, pathname, body);
async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.superuser(text, params)).rows as T[];
}
const fieldError = (body: ActionBody, field: string) => body.record?.errors[field]?.message;

describe('dates that do not exist in the calendar', () => {
  it('a holiday on 30 Feb 2026 is refused under its date field, and nothing is stored (not 2 Mar either)', async () => {
    const res = await call(`${API}/holidays/actions/new`, { holiday_date: '2026-02-30', name: 'Not a day' });
    expect(fieldError(res, 'holiday_date')).toBe('2026-02-30 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.');
    expect(res.notice?.type).toBe('error');
    expect(await sql("SELECT 1 FROM holidays WHERE name = 'Not a day' OR holiday_date = '2026-03-02'")).toEqual([]);

    // The same form with a real day stores that very day.
    const ok = await call(`${API}/holidays/actions/new`, { holiday_date: '2028-02-29', name: 'Leap day' });
    expect(ok.notice?.type).toBe('success');
    expect(await sql("SELECT to_char(holiday_date, 'YYYY-MM-DD') AS day FROM holidays WHERE name = 'Leap day'")).toEqual([{ day: '2028-02-29' }]);
  });

  it('an AGM on 31 Sep is refused under its date field and nothing is recorded', async () => {
    const res = await call(`${API}/entity_events/actions/new`, { entity_id: demo.entities.software, kind: 'agm', fiscal_year: 'FY2025-26', event_date: '2026-09-31' });
    expect(fieldError(res, 'event_date')).toBe('2026-09-31 is not a date in the calendar (September 2026 has 30 days). Use YYYY-MM-DD.');
    expect(await sql('SELECT 1 FROM entity_events WHERE entity_id = $1', [demo.entities.software])).toEqual([]);
  });

  it('a tracking start of 29 Feb 2026 is refused under its field and the tenant keeps its date', async () => {
    const before = await sql("SELECT to_char(tracking_start_date, 'YYYY-MM-DD') AS day FROM tenants WHERE id = $1", [demo.tenantId]);
    const res = await call(`${API}/tenants/records/${demo.tenantId}/edit`, { tracking_start_date: '2026-02-29' });
    expect(fieldError(res, 'tracking_start_date')).toBe('2026-02-29 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.');
    expect(await sql("SELECT to_char(tracking_start_date, 'YYYY-MM-DD') AS day FROM tenants WHERE id = $1", [demo.tenantId])).toEqual(before);
  });

  it('a list filtered from a day that does not exist says so (and lists nothing)', async () => {
    const res = await call(`${API}/holidays/actions/list?filters.holiday_date~~from=2026-02-30`);
    expect(res.notice).toEqual({ type: 'error', message: 'holiday_date: 2026-02-30 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.' });
    expect(res.records).toEqual([]);
  });

  it('a date filter reads YYYY-MM-DD as that day, and a timestamp as the day written in it (no time zone applied)', async () => {
    await call(`${API}/holidays/actions/new`, { holiday_date: '2027-10-31', name: 'Filter day one' });
    await call(`${API}/holidays/actions/new`, { holiday_date: '2027-11-01', name: 'Filter day two' });
    const days = async (from: string, to: string) => (await call(`${API}/holidays/actions/list?perPage=50&filters.name=Filter day&filters.holiday_date~~from=${encodeURIComponent(from)}&filters.holiday_date~~to=${encodeURIComponent(to)}`))
      .records!.map((r) => r.params.holiday_date);
    expect(await days('2027-11-01', '2027-11-01')).toEqual(['2027-11-01']);
    // What a browser on Indian time sends for local midnight of 1 Nov: the day written is 31 Oct, and 31 Oct it stays.
    expect(await days('2027-10-31T18:30:00Z', '2027-10-31T18:30:00.000Z')).toEqual(['2027-10-31']);
    expect(await days('2027-11-01T00:00:00+05:30', '2027-11-01T00:00:00+05:30')).toEqual(['2027-11-01']);
  });
});

describe('portal passwords', () => {
  const hash = async () => (await sql<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [demo.users.auditor]))[0]!.password_hash;

  it('12 spaces, a well-known password and one with the person’s email name are refused under the field; the old one stays', async () => {
    const before = await hash();
    const refusals: [string, RegExp][] = [
      [' '.repeat(12), /^use at least 12 characters \(spaces at the start or end do not count\)/],
      ['Password2026!', /^too close to a well-known password/],
      ['auditor for the demo group', /^do not use your email name \("auditor"\) in your password/],
    ];
    for (const [password, message] of refusals) {
      const res = await call(`${API}/users/records/${demo.users.auditor}/edit`, { password });
      expect(fieldError(res, 'password')).toMatch(message);
      expect(res.record?.params).not.toHaveProperty('password'); // a refused password is not sent back either
    }
    expect(await hash()).toBe(before);
  });

  it('a new person with a weak password is refused and not created', async () => {
    const res = await call(`${API}/users/actions/new`, { name: 'Weak Password', email: 'weak@demo.example', password: 'qwerty123456' });
    expect(fieldError(res, 'password')).toMatch(/^too close to a well-known password/);
    expect(await sql("SELECT 1 FROM users WHERE email = 'weak@demo.example'")).toEqual([]);
  });
});

describe('paging, sorting and filter parameters', () => {
  beforeAll(async () => {
    const pagingDays = theTenant(demo.tenantId);
    for (let day = 1; day <= 12; day++) pagingDays.withHoliday(`day${day}`, { date: `2027-03-${String(day).padStart(2, '0')}`, name: `Paging day ${day}` });
    await pagingDays.build(t.db);
  });
  const list = (query: string) => call(`${API}/holidays/actions/list?${query}`);

  it('a negative page or page size, a page size that is not a number and a huge page answer with a sane page, not a 500', async () => {
    const total = (await list('')).meta!.total;
    expect(total).toBeGreaterThan(10);
    expect((await list('page=-1')).records).toHaveLength(10); // the first page
    expect((await list('perPage=-5')).records).toHaveLength(10);
    expect((await list('perPage=abc')).records).toHaveLength(10); // not every row at once
    expect((await list('perPage=0.5')).records).toHaveLength(10);
    expect((await list('page=1e20')).records).toEqual([]);
    expect((await list('page=abc&perPage=3&sortBy=nope&direction=sideways')).records).toHaveLength(3);
  });

  it('a JSON column can be searched as the text it shows (it answered 500)', async () => {
    const res = await call(`${API}/entities/actions/list?filters.profile=tds_deductor`);
    const { rows } = await t.superuser("SELECT name FROM entities WHERE tenant_id = $1 AND profile ? 'tds_deductor' ORDER BY name", [demo.tenantId]);
    expect(rows.length).toBeGreaterThan(0);
    expect(res.records!.map((r) => r.params.name).sort()).toEqual(rows.map((r) => r.name));
  });

  it('a number filter that is not a number says so', async () => {
    const res = await call(`${API}/compliance_masters/actions/list?filters.library_version=abc`);
    expect(res.notice).toEqual({ type: 'error', message: 'library_version: "abc" is not a number.' });
    expect(res.records).toEqual([]);
  });

  it('a number too large for its column says so (PostgreSQL refuses it)', async () => {
    const res = await call(`${API}/compliance_masters/actions/list?filters.library_version=99999999999999999999`);
    expect(res.notice).toEqual({ type: 'error', message: 'A number is too large (or too small) for this field.' });
  });
});

describe('JSON typed into a field', () => {
  it('malformed JSON in an entity profile is refused under the field, saying it is not JSON and what to write; the profile stays', async () => {
    const before = await sql('SELECT profile FROM entities WHERE id = $1', [demo.entities.software]);
    const res = await call(`${API}/entities/records/${demo.entities.software}/edit`, { profile: '{"has_employees": tru' });
    expect(fieldError(res, 'profile')).toMatch(/^not valid JSON \(.+\): write it like \{"has_employees": true, "tds_deductor": true\}$/);
    expect(await sql('SELECT profile FROM entities WHERE id = $1', [demo.entities.software])).toEqual(before);
  });

  it('malformed JSON in a master’s rule and applicability is refused under each field; nothing is stored', async () => {
    const res = await call(`${API}/compliance_masters/actions/new`, {
      code: 'OWN_BROKEN_JSON', name: 'Broken JSON', category: 'Internal', law: 'Internal policy', authority: 'Board', frequency: 'monthly',
      rule_versions: '[{"effectiveFrom": "2020-04-01", rule: {}}]', applicability: '{entityTypes: ["company"]}', dates_checked: 'true',
    });
    expect(fieldError(res, 'rule_versions')).toMatch(/^not valid JSON \(.+\): write it like \[\{"effectiveFrom":"2017-07-01","rule":\{"kind":"after_period_end","months":1,"day":20\}\}\]$/);
    expect(fieldError(res, 'applicability')).toMatch(/^not valid JSON \(.+\): write it like \{"entityTypes":\["company"\]\}$/);
    expect(await sql("SELECT 1 FROM compliance_masters WHERE code = 'OWN_BROKEN_JSON'")).toEqual([]);
  });
});

describe('shipped holidays in the portal', () => {
  const shipped = async () => (await sql<{ id: string; name: string }>("SELECT id, name FROM holidays WHERE tenant_id IS NULL AND holiday_date = '2025-08-15' AND state IS NULL"))[0]!;
  const refusal = 'This holiday comes from a published government list (see its source) and changes only with a release.';

  it('lists the published holidays beside the tenant’s own, with their source', async () => {
    await call(`${API}/holidays/actions/new`, { holiday_date: '2025-08-14', name: 'Our own day' });
    const list = await call(`${API}/holidays/actions/list?filters.holiday_date~~from=2025-08-14&filters.holiday_date~~to=2025-08-15&perPage=50`);
    const rows = list.records!.map((r) => [r.params.holiday_date, r.params.state ?? '', r.params.name, r.params.tenant_id ?? null].join(' | ')).sort();
    expect(rows).toEqual([
      `2025-08-14 |  | Our own day | ${demo.tenantId}`,
      '2025-08-15 |  | Independence Day | ', // DoPT: every central office
      '2025-08-15 | KA | Independence Day | ',
      '2025-08-15 | MH | Independence Day; Parsi New Year (Shahenshahi) | ',
      '2025-08-15 | TG | Independence Day | ',
      '2025-08-15 | TN | Independence Day | ',
    ]);
    const show = await call(`${API}/holidays/records/${(await shipped()).id}/show`);
    expect(show.record!.params.source).toContain('DoPT O.M. No. 12/2/2023-JCA');
  });

  it('refuses to edit or delete a published holiday, saying why and what to do, and keeps it', async () => {
    const { id } = await shipped();
    const edit = await call(`${API}/holidays/records/${id}/edit`, { holiday_date: '2025-08-16', name: 'Moved' });
    expect(edit.notice).toEqual({ type: 'error', message: expect.stringContaining(refusal) });
    const remove = await call(`${API}/holidays/records/${id}/delete`, {});
    expect(remove.notice).toEqual({ type: 'error', message: expect.stringContaining(refusal) });
    expect(await sql("SELECT to_char(holiday_date, 'YYYY-MM-DD') AS day, name FROM holidays WHERE id = $1", [id])).toEqual([{ day: '2025-08-15', name: 'Independence Day' }]);
  });
});
