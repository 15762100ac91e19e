import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueryResultRow } from 'pg';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import { submitEvidence } from '../../core/use-cases/submit-evidence.js';
import { approveEvidence } from '../../core/use-cases/review-evidence.js';
import { theTenant } from '../mothers/tenant-mother.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DEMO_NOW, instanceId, seedDemoForTest, type DemoIds } from '../support/demo.js';
import { createTenantWithEverything, type TenantFixture } from '../support/fixtures.js';
import { setPassword, startPortalServer, TEST_PASSWORD, type PortalClient, type PortalServer } from '../support/portal.js';

/** What the portal's actions answer (AdminJS's record JSON, plus the preview-and-confirm protocol). */
interface ActionBody {
  record?: {
    id?: string;
    params: Record<string, unknown>;
    errors: Record<string, { message: string }>;
    baseError: { message: string; type?: string } | null;
  };
  preview?: { message: string; columns: string[]; rows: string[][]; blocked?: boolean };
  done?: string;
  notice?: { message: string; type: 'success' | 'error' };
}

// One database and one signed-in tenant admin for the file; tests run in order and some build on the one
// before (re-importing the same file, saving after the dates preview). verifyChain tampers, so it runs last.
let t: TestDatabase;
let demo: DemoIds;
let other: TenantFixture;
let portal: PortalServer;
let admin: PortalClient;

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await seedDemoForTest(t.db);
  // A second tenant with a row in every table: nothing of it may show up in the demo admin's results.
  other = await createTenantWithEverything(t.db, 'other');
  await setPassword(t.db, demo.tenantId, demo.users.admin);
  portal = await startPortalServer(t.url);
  admin = await portal.login('admin@demo.example', TEST_PASSWORD);
});
afterAll(async () => {
  await portal.close();
  await t.drop();
});

const resourceAction = async (resource: string, action: string, body: Record<string, unknown>) => {
  const res = await admin.json<ActionBody>(`/admin/api/resources/${resource}/actions/${action}`, body);
  expect(res.status).toBe(200);
  return res.body;
};
const recordAction = async (resource: string, id: string, action: string, body: Record<string, unknown>) => {
  const res = await admin.json<ActionBody>(`/admin/api/resources/${resource}/records/${id}/${action}`, body);
  expect(res.status).toBe(200);
  return res.body;
};

/** One value from SQL as the superuser (row-level security does not apply). */
async function sqlValue<T = string>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await t.superuser(sql, params);
  return Object.values(rows[0] ?? {})[0] as T;
}
/** The one row a query must find, as the superuser. */
async function oneRow(sql: string, params: unknown[] = []): Promise<QueryResultRow> {
  const { rows } = await t.superuser(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql}`);
  return rows[0]!;
}
const countOf = async (sql: string, params: unknown[] = []) => Number(await sqlValue(sql, params));
const auditCount = () => countOf('SELECT count(*) FROM audit_log WHERE tenant_id = $1', [demo.tenantId]);
const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;

describe('importUsers', () => {
  const users = () => countOf('SELECT count(*) FROM users WHERE tenant_id = $1', [demo.tenantId]);
  const importUsers = (mode: 'preview' | 'apply', csv: string) => resourceAction('users', 'importUsers', { mode, csv });

  it('a bad email on one row: the preview names its row and column, and apply imports nobody', async () => {
    // Spreadsheet rows: the header is row 1, so the third person is on row 4.
    const csv = 'email,name,role\nneha@demo.example,Neha Nair,owner\nomar@demo.example,Omar Khan,approver\nnot-an-email,Pooja Pillai,viewer\n';
    const before = await users();
    const auditBefore = await auditCount();

    const preview = await importUsers('preview', csv);
    expect(preview.preview).toMatchObject({ blocked: true, columns: ['Row', 'Column', 'Problem'], rows: [['4', 'email', 'not an email address']] });
    expect(preview.preview!.message).toContain('Nothing was imported: 1 problem(s)');

    const applied = await importUsers('apply', csv);
    expect(applied.done).toBeUndefined();
    expect(applied.notice).toEqual({ type: 'error', message: 'row 4 email: not an email address' });
    expect(await users()).toBe(before);
    expect(await countOf("SELECT count(*) FROM users WHERE email IN ('neha@demo.example', 'omar@demo.example')")).toBe(0);
    expect(await auditCount()).toBe(auditBefore);
  });

  const valid = [
    'email,name,role,entity,slack_user_id',
    'Neha@Demo.example,Neha Nair,owner,,U0NEHA001',
    'omar@demo.example,Omar Khan,approver,Demo Manufacturing,',
    '"pooja@demo.example","Pillai, Pooja",auditor,,',
  ].join('\r\n');

  it('a valid file imports every person with their role and scope, each on the audit chain with the admin as actor', async () => {
    const before = await users();
    const preview = await importUsers('preview', valid);
    expect(preview.preview).toMatchObject({ message: '3 row(s) ready to import.', columns: ['Row', 'Email', 'Name', 'Role', 'Scope'] });
    expect(preview.preview!.blocked).toBeFalsy();
    expect(preview.preview!.rows).toEqual([
      ['2', 'neha@demo.example', 'Neha Nair', 'owner', 'whole tenant'],
      ['3', 'omar@demo.example', 'Omar Khan', 'approver', 'Demo Manufacturing'],
      ['4', 'pooja@demo.example', 'Pillai, Pooja', 'auditor', 'whole tenant'],
    ]);
    expect(await users()).toBe(before); // a preview changes nothing

    const applied = await importUsers('apply', valid);
    expect(applied.done).toBe('Imported 3 row(s).');
    expect(await users()).toBe(before + 3);

    const { rows: imported } = await t.superuser(
      `SELECT u.id, u.tenant_id, u.email, u.name, u.slack_user_id, u.password_hash, r.role, r.entity_id
       FROM users u JOIN role_assignments r ON r.tenant_id = u.tenant_id AND r.user_id = u.id
       WHERE u.email IN ('neha@demo.example', 'omar@demo.example', 'pooja@demo.example') ORDER BY u.email`);
    expect(imported.map((u) => [u.tenant_id, u.email, u.name, u.slack_user_id, u.password_hash, u.role, u.entity_id])).toEqual([
      [demo.tenantId, 'neha@demo.example', 'Neha Nair', 'U0NEHA001', null, 'owner', null],
      [demo.tenantId, 'omar@demo.example', 'Omar Khan', null, null, 'approver', demo.entities.manufacturing],
      [demo.tenantId, 'pooja@demo.example', 'Pillai, Pooja', null, null, 'auditor', null],
    ]);

    const { rows: audit } = await t.superuser(
      "SELECT actor_type, actor_id, object_id, after FROM audit_log WHERE tenant_id = $1 AND action = 'user.created' AND object_id = ANY ($2) ORDER BY seq",
      [demo.tenantId, imported.map((u) => u.id)]);
    expect(audit).toHaveLength(3);
    for (const entry of audit) {
      expect(entry).toMatchObject({ actor_type: 'user', actor_id: demo.users.admin });
      expect(JSON.stringify(entry.after)).not.toContain('password');
    }
    expect(audit.map((a) => [a.after.email, a.after.role, a.after.importedFromRow])).toEqual([
      ['neha@demo.example', 'owner', 2], ['omar@demo.example', 'approver', 3], ['pooja@demo.example', 'auditor', 4],
    ]);
  });

  it('importing the same file again is refused row by row (already a person) and imports nobody', async () => {
    const before = await users();
    const preview = await importUsers('preview', valid);
    expect(preview.preview!.blocked).toBe(true);
    expect(preview.preview!.rows).toEqual([
      ['2', 'email', 'neha@demo.example is already a person in this organisation'],
      ['2', 'slack_user_id', 'U0NEHA001 is already linked to another person'],
      ['3', 'email', 'omar@demo.example is already a person in this organisation'],
      ['4', 'email', 'pooja@demo.example is already a person in this organisation'],
    ]);
    const applied = await importUsers('apply', valid);
    expect(applied.done).toBeUndefined();
    expect(applied.notice?.type).toBe('error');
    expect(applied.notice?.message).toContain('row 2 email: neha@demo.example is already a person');
    expect(await users()).toBe(before);
  });

  it('the same email twice in one file is refused on the second row', async () => {
    const preview = await importUsers('preview', 'email,name,role\nqadir@demo.example,Qadir Ali,owner\nQADIR@demo.example,Qadir A,viewer');
    expect(preview.preview!.rows).toEqual([['3', 'email', '"qadir@demo.example" is already on row 2']]);
  });

  it('the same Slack member id twice is refused on the second row before anything is written', async () => {
    const csv = 'email,name,role,slack_user_id\nravi.k@demo.example,Ravi Kumar,owner,U0SAME001\nsita@demo.example,Sita Rao,owner,U0SAME001';
    const before = await users();
    const auditBefore = await auditCount();
    const preview = await importUsers('preview', csv);
    expect(preview.preview!.rows).toEqual([['3', 'slack_user_id', '"U0SAME001" is already on row 2']]);
    const applied = await importUsers('apply', csv);
    expect(applied.done).toBeUndefined();
    expect(applied.notice?.message).toContain('row 3 slack_user_id');
    expect(await users()).toBe(before);
    expect(await countOf("SELECT count(*) FROM users WHERE email = 'ravi.k@demo.example'")).toBe(0);
    expect(await auditCount()).toBe(auditBefore);
  });
});

describe('importMasters', () => {
  const header = 'code,name,category,law,authority,frequency,rule_versions';
  const monthlyRule = JSON.stringify([{ effectiveFrom: '2020-04-01', rule: { kind: 'after_period_end', months: 1, day: 10 } }]);
  const halfYearlyRule = JSON.stringify([{ effectiveFrom: '2020-04-01', rule: { kind: 'after_period_end', months: 0, day: 15 } }]);
  const importMasters = (mode: 'preview' | 'apply', csv: string) => resourceAction('compliance_masters', 'importMasters', { mode, csv });
  const ownMasters = () => countOf('SELECT count(*) FROM compliance_masters WHERE tenant_id = $1', [demo.tenantId]);

  it('a bad frequency or broken rule JSON on any row: problems by row and column, nothing imported', async () => {
    const csv = [
      header,
      `OWN_BOARD_MINUTES,Board minutes filed,Corporate,Internal policy,Company secretary,monthly,${cell(monthlyRule)}`,
      `OWN_FORTNIGHTLY,Fortnightly stock report,Internal,Internal policy,Bank,fortnightly,${cell(monthlyRule)}`,
      `OWN_BROKEN_RULE,Broken rule,Internal,Internal policy,Bank,monthly,"[{effectiveFrom: 2020-04-01"`,
    ].join('\n');
    const before = await ownMasters();
    const preview = await importMasters('preview', csv);
    expect(preview.preview!.blocked).toBe(true);
    const problems = preview.preview!.rows.map(([row, column]) => [row, column]);
    expect(problems).toContainEqual(['3', 'frequency']);
    expect(problems).toContainEqual(['4', 'rule_versions']);
    expect(problems.some(([row]) => row === '2')).toBe(false);

    const applied = await importMasters('apply', csv);
    expect(applied.done).toBeUndefined();
    expect(applied.notice?.type).toBe('error');
    expect(applied.notice?.message).toMatch(/row 3 frequency: .*row 4 rule_versions: /);
    expect(await ownMasters()).toBe(before);
    expect(await countOf("SELECT count(*) FROM compliance_masters WHERE code = 'OWN_BOARD_MINUTES'")).toBe(0);
  });

  it('a valid file adds the masters to the tenant’s own library, audited', async () => {
    const csv = [
      header,
      `OWN_BOARD_MINUTES,Board minutes filed,Corporate,Internal policy,Company secretary,monthly,${cell(monthlyRule)}`,
      `LWF_GOA,Labour welfare fund (Goa),Labour,Goa LWF Act 1986,GLWB,half_yearly,${cell(halfYearlyRule)}`,
    ].join('\n');
    const preview = await importMasters('preview', csv);
    expect(preview.preview!.rows).toEqual([['2', 'OWN_BOARD_MINUTES', 'Board minutes filed', 'monthly'], ['3', 'LWF_GOA', 'Labour welfare fund (Goa)', 'half_yearly']]);

    const applied = await importMasters('apply', csv);
    expect(applied.done).toBe('Imported 2 row(s).');
    const { rows } = await t.superuser("SELECT id, tenant_id, code, frequency, rule_versions FROM compliance_masters WHERE code IN ('OWN_BOARD_MINUTES', 'LWF_GOA') ORDER BY code");
    expect(rows.map((r) => [r.tenant_id, r.code, r.frequency])).toEqual([[demo.tenantId, 'LWF_GOA', 'half_yearly'], [demo.tenantId, 'OWN_BOARD_MINUTES', 'monthly']]);
    expect(rows[1]!.rule_versions).toMatchObject(JSON.parse(monthlyRule));
    expect(await countOf("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'master.created' AND actor_id = $2 AND object_id = ANY ($3)",
      [demo.tenantId, demo.users.admin, rows.map((r) => r.id)])).toBe(2);

    // The codes are now taken in this tenant's library.
    const again = await importMasters('preview', csv);
    expect(again.preview!.rows).toEqual([['2', 'code', 'OWN_BOARD_MINUTES already exists in your library'], ['3', 'code', 'LWF_GOA already exists in your library']]);
  });
});

describe('importHolidays', () => {
  const importHolidays = (mode: 'preview' | 'apply', csv: string) => resourceAction('holidays', 'importHolidays', { mode, csv });
  const holidays = () => countOf('SELECT count(*) FROM holidays WHERE tenant_id = $1', [demo.tenantId]);

  it('a date that does not exist (30 Feb) is refused with its row number, and nothing is imported', async () => {
    const csv = 'holiday_date,name,state\n2026-10-02,Gandhi Jayanti,\n2026-02-30,Not a day,MH\n';
    const before = await holidays();
    const preview = await importHolidays('preview', csv);
    expect(preview.preview).toMatchObject({ blocked: true, rows: [['3', 'holiday_date', '2026-02-30 is not a date in the calendar (February 2026 has 28 days). Use YYYY-MM-DD.']] });
    const applied = await importHolidays('apply', csv);
    expect(applied.done).toBeUndefined();
    expect(applied.notice?.message).toContain('row 3 holiday_date: 2026-02-30 is not a date in the calendar');
    expect(await holidays()).toBe(before);
  });

  it('a valid file imports every holiday, state-wide or for every state, and moves next-working-day items off them', async () => {
    const before = await holidays();
    // TDS for October is due Saturday 7 Nov, so on the next working day, Monday 9 Nov: a holiday on the 9th in MH moves it
    // past Maharashtra's shipped 10 Nov (Bali Pratipada) and 11 Nov (Bhaubeej) to the 12th there.
    const mh = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'TDS_DEPOSIT', '2026-10');
    const ka = await instanceId(t.db, demo.tenantId, demo.entities.software, 'TDS_DEPOSIT', '2026-10');
    const due = (id: string) => sqlValue("SELECT to_char(due_date, 'YYYY-MM-DD') FROM compliance_instances WHERE id = $1", [id]);
    expect([await due(mh), await due(ka)]).toEqual(['2026-11-09', '2026-11-09']);
    const applied = await importHolidays('apply', 'holiday_date,name,state\n2026-10-02,Gandhi Jayanti,\n2026-11-09,Diwali (Balipratipada),mh\n');
    expect(applied.done).toBe('Imported 2 row(s).');
    expect(await holidays()).toBe(before + 2);
    const { rows } = await t.superuser("SELECT to_char(holiday_date, 'YYYY-MM-DD') AS d, state FROM holidays WHERE tenant_id = $1 AND holiday_date IN ('2026-10-02', '2026-11-09') ORDER BY 1", [demo.tenantId]);
    expect(rows).toEqual([{ d: '2026-10-02', state: null }, { d: '2026-11-09', state: 'MH' }]);
    expect([await due(mh), await due(ka)]).toEqual(['2026-11-12', '2026-11-09']);
    expect(await countOf("SELECT count(*) FROM audit_log WHERE action = 'instance.due_date_changed' AND object_id = $1 AND actor_id = $2", [mh, demo.users.admin])).toBe(1);
  });
});

describe('tenant obligations (compliance_masters new / edit)', () => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const ownMaster = {
    code: 'OWN_MIS_REPORT', name: 'Monthly MIS to the bank', category: 'Banking', law: 'Loan covenant', authority: 'Lender',
    frequency: 'monthly', rule_versions: JSON.stringify([{ effectiveFrom: '2017-07-01', rule: { kind: 'after_period_end', months: 1, day: 20 } }]),
    holiday_policy: 'none', applicability: '', is_active: 'true',
  };

  /** "20th of the following month", worked out by hand from today in India: the 12 dates from today on, as the portal prints them. */
  function expectedDates(): string[] {
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date()).split('-').map(Number) as [number, number, number];
    let month = y * 12 + (m - 1) + (d > 20 ? 1 : 0); // the first 20th on or after today
    const dates: string[] = [];
    for (let i = 0; i < 12; i++, month++) {
      const period = month - 1;
      const key = `${Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, '0')}`;
      dates.push(`${key} → 20 ${MONTHS[month % 12]} ${Math.floor(month / 12)}`);
    }
    return dates;
  }

  it('the first save is refused with the next 12 due dates under the rule; nothing is stored', async () => {
    const auditBefore = await auditCount();
    const res = await resourceAction('compliance_masters', 'new', ownMaster);
    expect(res.record!.errors.rule_versions!.message).toBe(`Next 12 due dates: ${expectedDates().join(' · ')}`);
    expect(res.record!.errors.dates_checked!.message).toBe('tick after checking the due dates above');
    expect(res.notice?.type).toBe('error');
    expect(await countOf("SELECT count(*) FROM compliance_masters WHERE code = 'OWN_MIS_REPORT'")).toBe(0);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('a broken rule is refused under the rule field without a dates preview', async () => {
    const res = await resourceAction('compliance_masters', 'new', { ...ownMaster, rule_versions: '[{"effectiveFrom":"2017-07-01","rule":{"kind":"after_event"}}]', dates_checked: 'true' });
    expect(Object.keys(res.record!.errors)).toEqual(['rule_versions']);
    expect(res.record!.errors.rule_versions!.message).not.toContain('Next 12 due dates');
    expect(await countOf("SELECT count(*) FROM compliance_masters WHERE code = 'OWN_MIS_REPORT'")).toBe(0);
  });

  it('saved again with "dates checked", it is stored in the tenant’s library and audited', async () => {
    const res = await resourceAction('compliance_masters', 'new', { ...ownMaster, dates_checked: 'true' });
    expect(res.record!.errors).toEqual({});
    expect(res.notice?.type).toBe('success');
    const { rows } = await t.superuser("SELECT id, tenant_id, name, frequency, rule_versions FROM compliance_masters WHERE code = 'OWN_MIS_REPORT'");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_id: demo.tenantId, name: 'Monthly MIS to the bank', frequency: 'monthly', rule_versions: JSON.parse(ownMaster.rule_versions) });
    expect(await countOf("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'master.created' AND object_id = $2 AND actor_id = $3",
      [demo.tenantId, rows[0]!.id, demo.users.admin])).toBe(1);
  });

  it('a shared library master (no tenant) cannot be edited: refused and unchanged', async () => {
    const library = await oneRow("SELECT id, name, rule_versions, updated_at FROM compliance_masters WHERE tenant_id IS NULL AND code = 'GSTR3B_MONTHLY'");
    const auditBefore = await auditCount();
    const res = await recordAction('compliance_masters', library.id, 'edit', {
      code: 'GSTR3B_MONTHLY', name: 'Renamed by a tenant', category: 'GST', law: 'CGST Act', authority: 'GSTN', frequency: 'monthly',
      rule_versions: JSON.stringify([{ effectiveFrom: '2017-07-01', rule: { kind: 'after_period_end', months: 1, day: 28 } }]), dates_checked: 'true',
    });
    expect(res.record!.baseError).toMatchObject({ type: 'ForbiddenError' });
    expect(res.notice?.type).toBe('error');
    const after = await oneRow('SELECT name, rule_versions, updated_at FROM compliance_masters WHERE id = $1', [library.id]);
    expect(after).toEqual({ name: library.name, rule_versions: library.rule_versions, updated_at: library.updated_at });
    expect(await auditCount()).toBe(auditBefore);
  });
});

describe('assignApplicable on a new entity', () => {
  it('preview lists applicable masters with reasons and changes nothing; apply assigns them and generates items, audited', async () => {
    const created = await resourceAction('entities', 'new', {
      name: 'Demo Logistics', legal_name: 'Demo Logistics Private Limited', entity_type: 'company', state: 'KA', gst_mode: 'monthly',
      profile: '{"has_employees":true,"pf_registered":true}',
    });
    expect(created.record!.errors).toEqual({});
    const entityId = created.record!.id!;
    expect(await sqlValue('SELECT tenant_id FROM entities WHERE id = $1', [entityId])).toBe(demo.tenantId);
    const assignments = () => countOf('SELECT count(*) FROM assignments WHERE entity_id = $1', [entityId]);
    const items = () => countOf('SELECT count(*) FROM compliance_instances WHERE entity_id = $1', [entityId]);

    const preview = await recordAction('entities', entityId, 'assignApplicable', { mode: 'preview' });
    const rows = preview.preview!.rows;
    const willBe = rows.filter((r) => r[4] === 'will be');
    expect(preview.preview!.message).toMatch(new RegExp(`^${willBe.length} applicable obligation\\(s\\) will be assigned; \\d+ item\\(s\\) will be made, `));
    expect(preview.preview!.blocked).toBe(false);
    // No registrations recorded yet: what is owed per one is the entity's until it is.
    expect(rows.find((r) => r[0] === 'PF_ECR')).toEqual(['PF_ECR', 'EPF contribution and ECR', 'applies', 'pf registered; no PF establishment code recorded: items for the entity until one is', 'will be']);
    expect(rows.find((r) => r[0] === 'GSTR3B_MONTHLY')).toEqual(expect.arrayContaining(['applies', 'GST filing mode is monthly; no GSTIN recorded: items for the entity until one is', 'will be']));
    expect(rows.find((r) => r[0] === 'ESI')).toEqual(['ESI', 'ESIC contribution', 'does not apply', '', '']);
    expect(rows.find((r) => r[0] === 'LLP_FORM11')?.[2]).toBe('does not apply');
    expect([await assignments(), await items()]).toEqual([0, 0]);

    const tenantItemsBefore = await countOf('SELECT count(*) FROM compliance_instances WHERE tenant_id = $1', [demo.tenantId]);
    const applied = await recordAction('entities', entityId, 'assignApplicable', { mode: 'apply' });
    const generatedNow = await countOf('SELECT count(*) FROM compliance_instances WHERE tenant_id = $1', [demo.tenantId]) - tenantItemsBefore;
    expect(await assignments()).toBe(willBe.length);
    expect(await items()).toBeGreaterThan(0);
    expect(applied.done).toMatch(new RegExp(`^Assigned ${willBe.length} obligation\\(s\\); ${generatedNow} item\\(s\\) generated, \\d+ of them overdue\\.$`));

    const assignedCodes = (await t.superuser('SELECT m.code FROM assignments a JOIN compliance_masters m ON m.id = a.master_id WHERE a.entity_id = $1 ORDER BY 1', [entityId])).rows.map((r) => r.code);
    expect(assignedCodes).toEqual(willBe.map((r) => r[0]).sort());
    const itemCodes = (await t.superuser('SELECT DISTINCT m.code FROM compliance_instances i JOIN compliance_masters m ON m.id = i.master_id WHERE i.entity_id = $1', [entityId])).rows.map((r) => r.code);
    expect(itemCodes.every((code) => assignedCodes.includes(code))).toBe(true);
    expect(itemCodes).toContain('GSTR3B_MONTHLY');

    expect(await countOf("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'assignment.created' AND actor_id = $2 AND after->>'entityId' = $3",
      [demo.tenantId, demo.users.admin, entityId])).toBe(willBe.length);
    expect(await countOf("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'instances.generated' AND actor_id = $2", [demo.tenantId, demo.users.admin])).toBe(1);

    // Everything applicable is assigned now: a second preview has nothing to confirm.
    const again = await recordAction('entities', entityId, 'assignApplicable', { mode: 'preview' });
    expect(again.preview).toMatchObject({ message: 'Every applicable obligation is already assigned.', blocked: true });
  });
});

describe('assignApplicable for an entity registered where the library has no obligation', () => {
  it('says profession tax in Mizoram is not tracked, and how to track it', async () => {
    const created = await resourceAction('entities', 'new', {
      name: 'Demo Aizawl', legal_name: 'Demo Aizawl Private Limited', entity_type: 'company', state: 'MZ', gst_mode: 'monthly',
      profile: '{"has_employees":true,"pt_registered":true}',
    });
    expect(created.record!.errors).toEqual({});
    const preview = await recordAction('entities', created.record!.id!, 'assignApplicable', { mode: 'preview' });
    expect(preview.preview!.message).toContain('Not tracked: Profession tax in MZ: the entity is registered there, but no profession tax obligation for MZ is in the library yet');
    expect(preview.preview!.message).toContain('Obligation library → Create new');
  });
});

describe('registrations', () => {
  const tdsItems = () => t.superuser(
    `SELECT i.id, i.period_key, i.registration_id FROM compliance_instances i JOIN compliance_masters m ON m.id = i.master_id
     WHERE i.entity_id = $1 AND m.code = 'TDS_DEPOSIT' ORDER BY i.period_key, i.id`, [demo.entities.advisors]).then((r) => r.rows);

  it('a TAN added to an entity takes over its TDS items (none made twice) and names them, audited', async () => {
    const before = await tdsItems();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((i) => i.registration_id === null)).toBe(true);
    const auditBefore = await countOf('SELECT count(*) FROM audit_log WHERE tenant_id = $1', [demo.tenantId]);
    const owedPerTan = await countOf(`SELECT count(*) FROM compliance_instances i JOIN compliance_masters m ON m.id = i.master_id
      WHERE i.entity_id = $1 AND m.owed_per = 'tan'`, [demo.entities.advisors]);
    const created = await resourceAction('registrations', 'new', { entity_id: demo.entities.advisors, kind: 'tan', number: 'mumd12345e' });
    expect(created.record!.errors).toEqual({});
    const tanId = created.record!.id!;
    expect(await oneRow('SELECT tenant_id, number, state, gst_mode FROM registrations WHERE id = $1', [tanId]))
      .toEqual({ tenant_id: demo.tenantId, number: 'MUMD12345E', state: null, gst_mode: null });
    const after = await tdsItems();
    // Every item it had is the TAN's now; generation (as of the portal's today) may add later periods, never one twice.
    expect(after.filter((i) => before.some((b) => b.id === i.id)).map((i) => i.registration_id)).toEqual(before.map(() => tanId));
    expect(new Set(after.map((i) => i.period_key)).size).toBe(after.length);
    expect(after.every((i) => i.registration_id === tanId)).toBe(true);
    const actions = (await t.superuser('SELECT action FROM audit_log WHERE tenant_id = $1 AND seq > $2 ORDER BY seq', [demo.tenantId, auditBefore])).rows.map((r) => r.action);
    expect(actions[0]).toBe('registration.created');
    // Its TDS deposits, returns and certificates alike.
    expect(actions.filter((a) => a === 'instance.registration_set')).toHaveLength(owedPerTan);
  });

  it('a GSTIN in a group-Y state brings GSTR-3B (group Y) for it: assigned to the entity\'s people, its items named by it', async () => {
    const assigned = (code: string) => t.superuser(
      `SELECT a.reason, a.owner_user_id FROM assignments a JOIN compliance_masters m ON m.id = a.master_id WHERE a.entity_id = $1 AND m.code = $2`,
      [demo.entities.software, code]).then((r) => r.rows);
    expect(await assigned('GSTR3B_QRMP_Y')).toEqual([]);
    const created = await resourceAction('registrations', 'new', { entity_id: demo.entities.software, kind: 'gstin', number: '07AACCD5678K1Z9', gst_mode: 'qrmp' });
    expect(created.record!.errors).toEqual({});
    expect(await oneRow('SELECT state FROM registrations WHERE id = $1', [created.record!.id])).toEqual({ state: 'DL' });
    const [y] = await assigned('GSTR3B_QRMP_Y');
    expect(y!.reason).toBe('07AACCD5678K1Z9: GST filing mode is qrmp; DL is in GST state group Y');
    expect(y!.owner_user_id).toBe((await assigned('GSTR3B_QRMP_X'))[0]!.owner_user_id);
    const byGstin = (await t.superuser(
      `SELECT m.code, r.number, count(*)::int AS n FROM compliance_instances i JOIN compliance_masters m ON m.id = i.master_id
       JOIN registrations r ON r.id = i.registration_id WHERE i.entity_id = $1 AND m.code LIKE 'GSTR3B_QRMP_%' GROUP BY 1, 2 ORDER BY 1, 2`,
      [demo.entities.software])).rows.map((r) => [r.code, r.number]);
    expect(byGstin).toEqual([['GSTR3B_QRMP_X', '29AACCD5678K1Z3'], ['GSTR3B_QRMP_Y', '07AACCD5678K1Z9']]);
  });

  it('refuses a malformed GSTIN under its field, and another PAN\'s GSTIN with the reason, storing nothing', async () => {
    const count = () => countOf('SELECT count(*) FROM registrations WHERE tenant_id = $1', [demo.tenantId]);
    const before = await count();
    const malformed = await resourceAction('registrations', 'new', { entity_id: demo.entities.software, kind: 'gstin', number: '29AACCD5678K1Z', gst_mode: 'qrmp' });
    expect(malformed.record!.errors).toEqual({ number: { message: 'a GSTIN has 15 characters, this one has 14 (e.g. 27AAACD1234F1Z5)' } });
    const foreign = await resourceAction('registrations', 'new', { entity_id: demo.entities.software, kind: 'gstin', number: '29AABCD1234F1Z5', gst_mode: 'qrmp' });
    expect(foreign.record!.baseError!.message).toContain("GSTIN 29AABCD1234F1Z5 carries the PAN AABCD1234F, but the entity's PAN is AACCD5678K: check the GSTIN or the entity's PAN");
    expect(await count()).toBe(before);
  });

  it('refuses another tenant\'s entity for a registration', async () => {
    const res = await resourceAction('registrations', 'new', { entity_id: other.entityId, kind: 'tan', number: 'DELO12345F' });
    expect(res.record!.errors).not.toEqual({});
    expect(await countOf('SELECT count(*) FROM registrations WHERE number = $1', ['DELO12345F'])).toBe(0);
  });
});

describe('applyNew: a government extension', () => {
  const input = { code: 'GSTR3B_MONTHLY', period_key: '2026-11', extended_due_date: '2026-12-27', reference: 'Notification 17/2026-CT' };
  const dates = (id: string) => oneRow(
    `SELECT status, to_char(statutory_due_date, 'YYYY-MM-DD') AS statutory, to_char(extended_due_date, 'YYYY-MM-DD') AS extended,
            extension_reference, to_char(due_date, 'YYYY-MM-DD') AS due FROM compliance_instances WHERE id = $1`, [id]);
  const openItems = () => countOf(
    `SELECT count(*) FROM compliance_instances i JOIN compliance_masters m ON m.id = i.master_id
     WHERE i.tenant_id = $1 AND m.code = 'GSTR3B_MONTHLY' AND i.period_key = '2026-11' AND i.status IN ('pending', 'submitted', 'rejected')`, [demo.tenantId]);

  it('preview lists the open items with old and new dates and changes nothing; apply moves them, keeps the statutory date, audited', async () => {
    const item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-11');
    const closed = await instanceId(t.db, demo.tenantId, demo.entities.advisors, 'GSTR3B_MONTHLY', '2026-11');
    await t.superuser("UPDATE compliance_instances SET status = 'not_applicable', status_reason = 'no supplies this month' WHERE id = $1", [closed]);
    expect(await dates(item)).toEqual({ status: 'pending', statutory: '2026-12-20', extended: null, extension_reference: null, due: '2026-12-20' });
    const auditBefore = await auditCount();
    const open = await openItems();
    expect(open).toBeGreaterThan(0);

    const preview = await resourceAction('due_date_overrides', 'applyNew', { mode: 'preview', ...input });
    expect(preview.preview).toMatchObject({ message: `${open} open item(s) will move:`, columns: ['Item', 'Due now', 'Due after'], blocked: false });
    expect(preview.preview!.rows).toHaveLength(open);
    // Each item by its name, as the items list names it: no code, no period key.
    for (const [name, ...days] of preview.preview!.rows) {
      expect(name).toMatch(/^GSTR-3B \(monthly\) — summary return and tax payment · .+ · Nov 2026$/);
      expect(days).toEqual(['20 Dec 2026', '27 Dec 2026']);
    }
    expect(preview.preview!.rows.map(([name]) => name)).toContain('GSTR-3B (monthly) — summary return and tax payment · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026');
    expect((await dates(item)).due).toBe('2026-12-20');
    expect(await countOf('SELECT count(*) FROM due_date_overrides WHERE tenant_id = $1', [demo.tenantId])).toBe(0);
    expect(await auditCount()).toBe(auditBefore);

    const applied = await resourceAction('due_date_overrides', 'applyNew', { mode: 'apply', ...input });
    expect(applied.done).toBe(`Extension applied: ${open} open item(s) moved; their owners are told.`);
    expect(await dates(item)).toEqual({ status: 'pending', statutory: '2026-12-20', extended: '2026-12-27', extension_reference: 'Notification 17/2026-CT', due: '2026-12-27' });
    // A closed item keeps its dates.
    expect(await dates(closed)).toMatchObject({ status: 'not_applicable', extended: null, due: '2026-12-20' });

    const { rows: audit } = await t.superuser(
      "SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = 'instance.due_date_changed' AND object_id = $2", [demo.tenantId, item]);
    expect(audit).toEqual([{
      actor_id: demo.users.admin,
      before: { dueDate: '2026-12-20' },
      after: { dueDate: '2026-12-27', statutoryDueDate: '2026-12-20', extendedDueDate: '2026-12-27', reference: 'Notification 17/2026-CT' },
    }]);
    expect(await countOf("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'instance.due_date_changed' AND after->>'reference' = 'Notification 17/2026-CT'", [demo.tenantId])).toBe(open);
    expect(await countOf("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'extension.applied' AND actor_id = $2", [demo.tenantId, demo.users.admin])).toBe(1);

    // Applied once, nothing is left to move.
    const again = await resourceAction('due_date_overrides', 'applyNew', { mode: 'preview', ...input });
    expect(again.preview).toMatchObject({ rows: [], blocked: true });
  });

  it('an unknown period is refused and nothing is recorded', async () => {
    const audits = await auditCount();
    const res = await resourceAction('due_date_overrides', 'applyNew', { mode: 'apply', ...input, period_key: '2031-01' });
    expect(res.done).toBeUndefined();
    expect(res.notice?.type).toBe('error');
    expect(res.notice?.message).toContain('No GSTR3B_MONTHLY item for period 2031-01');
    expect(await countOf("SELECT count(*) FROM due_date_overrides WHERE period_key = '2031-01'")).toBe(0);
    expect(await auditCount()).toBe(audits);
  });
});

describe('fee waivers in the portal', () => {
  type List = { records: { params: Record<string, unknown> }[] };

  it('lists the shipped fee waivers with their kind beside the extensions (MCA GC 08/2025 for MGT-7 FY 2024-25)', async () => {
    const { status, body } = await admin.json<List>('/admin/api/resources/due_date_overrides/actions/list?perPage=500&filters.kind=fee_waiver');
    expect(status).toBe(200);
    expect(body.records.length).toBeGreaterThanOrEqual(4);
    expect(body.records.every((r) => r.params.kind === 'fee_waiver')).toBe(true);
    expect(body.records.map((r) => [r.params.period_key, r.params.extended_due_date, r.params.reference]))
      .toContainEqual(['FY2024-25', '2026-01-31', 'MCA General Circular 08/2025']);
    const all = await admin.json<List>('/admin/api/resources/due_date_overrides/actions/list?perPage=500');
    expect(new Set(all.body.records.map((r) => r.params.kind))).toEqual(new Set(['extension', 'fee_waiver']));
  });

  it("a tenant's own fee waiver moves no item: the item page keeps its dates and RAG and shows the waiver", async () => {
    const item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'GSTR3B_MONTHLY', '2026-12');
    const show = async () => (await admin.json<{ record: { params: Record<string, unknown> } }>(`/admin/api/resources/compliance_instances/records/${item}/show`)).body.record.params;
    const before = await show();
    expect(before.fee_waiver).toBeUndefined();
    const input = { code: 'GSTR3B_MONTHLY', period_key: '2026-12', kind: 'fee_waiver', extended_due_date: '2027-01-31', reference: 'Notification 99/2026-CT' };
    const preview = await resourceAction('due_date_overrides', 'applyNew', { mode: 'preview', ...input });
    expect(preview.preview).toMatchObject({ message: expect.stringContaining('A fee waiver moves no due date'), blocked: false });
    const applied = await resourceAction('due_date_overrides', 'applyNew', { mode: 'apply', ...input });
    expect(applied.done).toBe('Fee waiver recorded: the items keep their due dates and show the waiver beside them.');
    const after = await show();
    expect(after.fee_waiver).toBe('No additional fee until 31 Jan 2027 (Notification 99/2026-CT)');
    for (const column of ['statutory_due_date', 'extended_due_date', 'working_due_date', 'due_date', 'rag']) expect(after[column]).toEqual(before[column]);
    expect(await countOf("SELECT count(*) FROM due_date_overrides WHERE tenant_id = $1 AND kind = 'fee_waiver'", [demo.tenantId])).toBe(1);
  });
});

describe('reassigning an item through edit', () => {
  const state = (id: string) => oneRow(
    "SELECT owner_user_id, approver_user_id, status, to_char(due_date, 'YYYY-MM-DD') AS due FROM compliance_instances WHERE id = $1", [id]);

  it('changes the owner, audited with before and after; status and dates sent along are ignored', async () => {
    const item = await instanceId(t.db, demo.tenantId, demo.entities.software, 'PF_ECR', '2026-11');
    const before = await state(item);
    expect(before.status).toBe('pending');
    expect(before.owner_user_id).not.toBe(demo.users.cfo);

    const res = await recordAction('compliance_instances', item, 'edit', {
      owner_user_id: demo.users.cfo, approver_user_id: before.approver_user_id ?? '', status: 'approved', due_date: '2030-01-01',
    });
    expect(res.record!.errors).toEqual({});
    expect(res.notice?.type).toBe('success');
    expect(await state(item)).toEqual({ ...before, owner_user_id: demo.users.cfo });
    // The new preparer is told; the approver, unchanged, is not.
    const { rows: told } = await t.superuser("SELECT recipient_user_id, payload FROM notifications WHERE instance_id = $1 AND kind = 'assigned'", [item]);
    expect(told).toEqual([{ recipient_user_id: demo.users.cfo, payload: { as: 'preparer' } }]);

    const { rows: audit } = await t.superuser(
      "SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = 'instance.updated' AND object_id = $2", [demo.tenantId, item]);
    expect(audit).toEqual([{
      actor_id: demo.users.admin,
      before: expect.objectContaining({ owner_user_id: before.owner_user_id, status: 'pending' }),
      after: expect.objectContaining({ owner_user_id: demo.users.cfo, status: 'pending' }),
    }]);
  });

  it('an edit that names only the owner keeps the approver', async () => {
    const item = await instanceId(t.db, demo.tenantId, demo.entities.software, 'PF_ECR', '2026-11');
    const before = await state(item);
    expect(before.approver_user_id).not.toBeNull();
    const res = await recordAction('compliance_instances', item, 'edit', { owner_user_id: demo.users.owner });
    expect(res.notice?.type).toBe('success');
    expect(await state(item)).toEqual({ ...before, owner_user_id: demo.users.owner });
  });

  it('refuses someone who is not a person of this organisation, and changes nothing', async () => {
    const item = await instanceId(t.db, demo.tenantId, demo.entities.software, 'PF_ECR', '2026-11');
    const before = await state(item);
    const res = await recordAction('compliance_instances', item, 'edit', { owner_user_id: other.userId, approver_user_id: before.approver_user_id ?? '' });
    expect(res.notice?.type).toBe('error');
    expect(await state(item)).toEqual(before);
  });
});

describe('evidence download', () => {
  it('streams the exact stored bytes as an attachment for the tenant’s evidence, and 404 for another tenant’s', async () => {
    // Bytes that would not survive a text round trip.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0xe2, 0x82]), Buffer.from('\nchallan\n')]);
    const item = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'PF_ECR', '2026-11');
    const key = `${demo.tenantId}/${item}/portal-actions-download`;
    await portal.runtime.services.storage.put(key, Readable.from([bytes]), 'application/pdf');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (unit, actor) => submitEvidence(unit, actor, {
      instanceId: item, channel: 'portal', file: { fileName: 'ECR challan Nov 2026.pdf', contentType: 'application/pdf', sizeBytes: bytes.length, sha256, storageKey: key },
    }, new Date()));

    const res = await admin.get(`/admin/evidence/${evidence.id}/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ECR challan Nov 2026.pdf"; filename*=UTF-8''ECR%20challan%20Nov%202026.pdf`);
    expect(res.headers.get('x-evidence-sha256')).toBe(sha256);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    expect(await countOf("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND action = 'evidence.downloaded' AND object_id = $2 AND actor_id = $3",
      [demo.tenantId, evidence.id, demo.users.admin])).toBe(1);

    const foreign = await admin.get(`/admin/evidence/${other.evidenceId}/download`);
    expect(foreign.status).toBe(404);
  });
});

describe('dashboard', () => {
  it('shows the tenant’s RAG totals and per-entity counts, equal to the RAG worked out in SQL', async () => {
    const res = await admin.json<{ kind: string; dashboard: { totals: Record<string, number>; entities: { name: string; red: number; amber: number; green: number }[] } }>('/admin/api/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('tenant');
    // The rule from ARCHITECTURE §5, written out independently: closed → green; open past due → red;
    // rejected, or open and due within the amber window → amber; otherwise green.
    const { rows } = await t.superuser(
      `WITH d AS (SELECT (now() AT TIME ZONE timezone)::date AS today, amber_window_days AS amber FROM tenants WHERE id = $1),
       r AS (
         SELECT e.name, CASE
           WHEN i.status IN ('approved', 'not_applicable') THEN 'green'
           WHEN i.due_date < d.today THEN 'red'
           WHEN i.status = 'rejected' OR i.due_date <= d.today + d.amber THEN 'amber'
           ELSE 'green' END AS rag
         FROM compliance_instances i JOIN entities e ON e.id = i.entity_id CROSS JOIN d WHERE i.tenant_id = $1)
       SELECT name, count(*) FILTER (WHERE rag = 'red')::int AS red, count(*) FILTER (WHERE rag = 'amber')::int AS amber,
              count(*) FILTER (WHERE rag = 'green')::int AS green
       FROM r GROUP BY name ORDER BY name`, [demo.tenantId]);
    const sum = (colour: 'red' | 'amber' | 'green') => rows.reduce((n, r) => n + r[colour], 0);
    expect(res.body.dashboard.totals).toEqual({ red: sum('red'), amber: sum('amber'), green: sum('green') });
    expect(sum('red')).toBeGreaterThan(0);
    expect(sum('green')).toBeGreaterThan(0);
    expect(res.body.dashboard.entities.map((e) => ({ name: e.name, red: e.red, amber: e.amber, green: e.green })).sort((a, b) => a.name.localeCompare(b.name)))
      .toEqual(rows.map((r) => ({ name: r.name, red: r.red, amber: r.amber, green: r.green })));
    expect(res.body.dashboard.entities.map((e) => e.name)).not.toContain('other Pvt Ltd');
  });
});

describe('retry a notification', () => {
  it('puts a dead notification back in the queue, due now; a sent one cannot be retried', async () => {
    const insert = (status: string, key: string) => oneRow(
      `INSERT INTO notifications (tenant_id, channel, kind, recipient_user_id, dedup_key, status, attempts, next_attempt_at, last_error, sent_at)
       VALUES ($1, 'email', 'reminder', $2, $3, $4, 8, now() + interval '1 day', 'mailbox full', CASE WHEN $4 = 'sent' THEN now() END) RETURNING id`,
      [demo.tenantId, demo.users.owner, key, status]);
    const dead = (await insert('dead', 'portal-actions:dead')).id as string;
    const sent = (await insert('sent', 'portal-actions:sent')).id as string;
    const row = (id: string) => oneRow('SELECT status, attempts, next_attempt_at <= now() AS due FROM notifications WHERE id = $1', [id]);

    const retried = await recordAction('notifications', dead, 'retry', { mode: 'apply' });
    expect(retried.notice).toEqual({ type: 'success', message: 'Queued again: it will be sent within seconds.' });
    expect(await row(dead)).toEqual({ status: 'pending', attempts: 0, due: true });

    const refused = await admin.json<ActionBody>(`/admin/api/resources/notifications/records/${sent}/retry`, { mode: 'apply' });
    expect(refused.body.record?.baseError).toMatchObject({ type: 'ForbiddenError' });
    expect(refused.body.notice?.type).toBe('error');
    expect(await row(sent)).toEqual({ status: 'sent', attempts: 8, due: false });
  });
});

describe('reopen an item', () => {
  it('puts an item approved by mistake back to pending with a reason, audited as the admin; approved evidence stays frozen', async () => {
    const item = await instanceId(t.db, demo.tenantId, demo.entities.software, 'PF_ECR', '2026-10');
    const file = { fileName: 'ecr-oct.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: 'c'.repeat(64), storageKey: `${demo.tenantId}/${item}/reopen` };
    const { evidence } = await runAsUser(t.db, demo.tenantId, demo.users.owner, (unit, actor) => submitEvidence(unit, actor, { instanceId: item, channel: 'portal', file }, DEMO_NOW));
    await runAsUser(t.db, demo.tenantId, demo.users.approver, (unit, actor) => approveEvidence(unit, actor, { instanceId: item, evidenceId: evidence.id }, DEMO_NOW));
    const state = () => oneRow('SELECT i.status, i.status_reason, e.review_status FROM compliance_instances i JOIN evidence e ON e.instance_id = i.id WHERE i.id = $1', [item]);

    const preview = await recordAction('compliance_instances', item, 'reopen', { mode: 'preview', reason: 'The ECR was for September' });
    expect(preview.preview!.message).toBe('This item goes back to pending, with the reason "The ECR was for September"; its preparer is told.');
    expect((await state()).status).toBe('approved');

    const short = await admin.json<ActionBody>(`/admin/api/resources/compliance_instances/records/${item}/reopen`, { mode: 'apply', reason: 'oops' });
    expect(short.body.notice?.type).toBe('error');
    expect(short.body.notice?.message).toContain('at least 10 characters');
    expect((await state()).status).toBe('approved');

    const done = await recordAction('compliance_instances', item, 'reopen', { mode: 'apply', reason: 'The ECR was for September' });
    expect(done.notice).toEqual({ type: 'success', message: 'Reopened: the item is pending again and its preparer has been told.' });
    expect(await state()).toEqual({ status: 'pending', status_reason: 'The ECR was for September', review_status: 'approved' });
    const audit = await oneRow("SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND object_id = $2 AND action = 'instance.reopened'", [demo.tenantId, item]);
    expect(audit).toEqual({ actor_id: demo.users.admin, before: { status: 'approved' }, after: { status: 'pending', reason: 'The ECR was for September' } });

    // Pending now: nothing to reopen.
    const again = await admin.json<ActionBody>(`/admin/api/resources/compliance_instances/records/${item}/reopen`, { mode: 'apply', reason: 'The ECR was for September' });
    expect(again.body.notice?.type).toBe('error');
  });
});

describe('people', () => {
  it('setting a portal password stores only its hash, and neither goes back to the browser', async () => {
    const res = await recordAction('users', demo.users.auditor, 'edit', { password: 'a brand new long password' });
    expect(res.notice?.type).toBe('success');
    const params = JSON.stringify(res.record!.params);
    expect(params).not.toContain('password_hash');
    expect(params).not.toContain('a brand new long password');
    const stored = await sqlValue('SELECT password_hash FROM users WHERE id = $1', [demo.users.auditor]);
    expect(stored).toMatch(/^\$2[aby]\$10\$/);
    expect((await portal.attempt('auditor@demo.example', 'a brand new long password')).status).toBe(302);
  });
});

describe('AGM dates', () => {
  it('recording an entity’s AGM moves its open items counted from it (MGT-7: 60 days after the AGM), audited', async () => {
    const mgt7 = await instanceId(t.db, demo.tenantId, demo.entities.software, 'ROC_MGT7', 'FY2025-26');
    // No AGM recorded yet: the statutory default (30 Sep) + 60 days.
    expect(await sqlValue("SELECT to_char(due_date, 'YYYY-MM-DD') FROM compliance_instances WHERE id = $1", [mgt7])).toBe('2026-11-29');
    const res = await resourceAction('entity_events', 'new', { entity_id: demo.entities.software, kind: 'agm', fiscal_year: 'FY2025-26', event_date: '2026-09-15' });
    expect(res.notice?.type).toBe('success');
    expect(await sqlValue("SELECT to_char(due_date, 'YYYY-MM-DD') FROM compliance_instances WHERE id = $1", [mgt7])).toBe('2026-11-14');
    const audit = await oneRow("SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = 'instance.due_date_changed' AND object_id = $2", [demo.tenantId, mgt7]);
    expect(audit).toMatchObject({ actor_id: demo.users.admin, before: { dueDate: '2026-11-29' }, after: { dueDate: '2026-11-14' } });
  });
});

describe('an entity moving state', () => {
  it('brings the new state’s holidays to its open next-working-day items, and back', async () => {
    const tds = await instanceId(t.db, demo.tenantId, demo.entities.advisors, 'TDS_DEPOSIT', '2026-11');
    const due = () => sqlValue("SELECT to_char(due_date, 'YYYY-MM-DD') FROM compliance_instances WHERE id = $1", [tds]);
    expect(await due()).toBe('2026-12-07');
    await theTenant(demo.tenantId).withHoliday('karnataka', { date: '2026-12-07', state: 'KA', name: 'Karnataka test holiday' }).build(t.db);
    expect(await due()).toBe('2026-12-07'); // Demo Advisors is in MH
    expect((await recordAction('entities', demo.entities.advisors, 'edit', { state: 'KA' })).notice?.type).toBe('success');
    expect(await due()).toBe('2026-12-08');
    expect((await recordAction('entities', demo.entities.advisors, 'edit', { state: 'MH' })).notice?.type).toBe('success');
    expect(await due()).toBe('2026-12-07');
  });
});

describe('a registration moving state', () => {
  it('brings its new state\'s holidays to the next-working-day items owed per it, and back', async () => {
    const pf = await instanceId(t.db, demo.tenantId, demo.entities.manufacturing, 'PF_ECR', '2026-11');
    const due = () => sqlValue("SELECT to_char(due_date, 'YYYY-MM-DD') FROM compliance_instances WHERE id = $1", [pf]);
    expect(await due()).toBe('2026-12-15');
    const created = await resourceAction('registrations', 'new', { entity_id: demo.entities.manufacturing, kind: 'pf', number: 'MHBAN0012345000', state: 'MH' });
    expect(created.record!.errors).toEqual({});
    expect(await sqlValue('SELECT registration_id FROM compliance_instances WHERE id = $1', [pf])).toBe(created.record!.id);
    await theTenant(demo.tenantId).withHoliday('tamil-nadu', { date: '2026-12-15', state: 'TN', name: 'Tamil Nadu test holiday' }).build(t.db);
    expect(await due()).toBe('2026-12-15'); // Demo Manufacturing and its PF code are in MH
    expect((await recordAction('registrations', created.record!.id!, 'edit', { state: 'TN' })).notice?.type).toBe('success');
    expect(await due()).toBe('2026-12-16');
    expect((await recordAction('registrations', created.record!.id!, 'edit', { state: 'MH' })).notice?.type).toBe('success');
    expect(await due()).toBe('2026-12-15');
  });
});

describe('verifyChain', () => {
  it('reports an intact chain, then the first altered entry after a direct edit in SQL', async () => {
    const entries = await auditCount();
    const intact = await resourceAction('audit_log', 'verifyChain', { mode: 'apply' });
    expect(intact.done).toBe(`Intact: all ${entries} entries verified.`);

    // Only a superuser with triggers off can edit the log at all.
    await t.superuser(`BEGIN;
      SET LOCAL session_replication_role = replica;
      UPDATE audit_log SET after = '{"forged": true}' WHERE tenant_id = '${demo.tenantId}' AND seq = 5;
      COMMIT;`);
    const broken = await resourceAction('audit_log', 'verifyChain', { mode: 'apply' });
    expect(broken.done).toBeUndefined();
    expect(broken.notice?.type).toBe('error');
    expect(broken.preview!.message).toMatch(/^BROKEN at entry #5: /);
    expect(broken.preview!.message).toContain('was altered after it was written');
  });
});
