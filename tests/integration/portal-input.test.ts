import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest, type DemoIds } from '../support/demo.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

/**
 * What the portal does with input people get wrong, over HTTP as the browser sends it: dates
 * that do not exist, malformed JSON, odd paging and filter parameters, weak passwords. Each is
 * answered with a message under the field (or a sane page), never a 500, and changes nothing.
 */

interface ActionBody {
  record?: { params: Record<string, unknown>; errors: Record<string, { message: string }> };
  records?: { params: Record<string, unknown> }[];
  meta?: { total: number };
  notice?: { message: string; type: 'success' | 'error' };
}

let t: TestDatabase;
let demo: DemoIds;
let portal: PortalServer;
let admin: PortalClient;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url);
  admin = await portal.login('admin@demo.example', TEST_PASSWORD);
});
afterAll(async () => {
  await portal.close();
  await t.drop();
});

const API = '/admin/api/resources';
/** An action's answer; the portal must answer 200 (AdminJS reports refusals in the body). */
async function call(pathname: string, body?: Record<string, unknown>): Promise<ActionBody> {
  const res = await admin.json<ActionBody>(pathname, body);
  expect(res.status).toBe(200);
  return res.body;
}
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
