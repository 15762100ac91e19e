import { describe, expect, it } from '@jest/globals';
import { libraryMasters } from '../../core/library/index.js';
import { runCli } from '../support/cli.js';

/** calendar needs no database: no DATABASE_URL, and no embedded server is started. */
const cli = (...args: string[]) => runCli(args);

describe('npm run cli -- calendar', () => {
  it('lists every library obligation for FY 2025-26 as CSV', async () => {
    const { code, stdout } = await cli('calendar', '--from', '2025-04-01', '--to', '2026-03-31');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    // The seven original columns, then form and law (appended, so readers of the old seven keep working).
    expect(lines[0]).toBe('code,period_key,period_start,period_end,statutory_due_date,extended_due_date,working_due_date,form,law');
    const codes = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    // DIR-3 KYC is triennial from 31-Mar-2026 and next falls due for FY 2027-28, so FY 2025-26 has none;
    // the DIR-3-KYC update and Forms 15CA/15CB are due only from an entity's recorded events.
    const notListed = ['DIR3_KYC', 'DIR3_KYC_UPDATE', 'FORM_15CA_CB'];
    expect([...codes].sort()).toEqual(libraryMasters.map((m) => m.code).filter((c) => !notListed.includes(c)).sort());
    expect(lines).toContain('TDS_DEPOSIT,2026-03,2026-03-01,2026-03-31,2026-04-30,,2026-04-30,,"Income-tax Act, 1961"');
    expect(lines).toContain('GSTR3B_MONTHLY,2025-09,2025-09-01,2025-09-30,2025-10-20,2025-10-25,2025-10-25,,"Central Goods and Services Tax Act, 2017"');
    expect(lines).toContain('ROC_MGT7,FY2025-26,2025-04-01,2026-03-31,2026-11-29,,2026-11-29,,"Companies Act, 2013"');
    // The FY 2025-26 tax audit (due 2026) stays on the 1961 Act's forms.
    expect(lines).toContain('TAX_AUDIT_3CD,FY2025-26,2025-04-01,2026-03-31,2026-09-30,,2026-09-30,Form 3CA/3CB + 3CD,"Income-tax Act, 1961"');
  });

  it('gives tax year 2026-27 the Income-tax Act 2025\'s forms', async () => {
    const { code, stdout } = await cli('calendar', '--from', '2026-04-01', '--to', '2027-03-31', '--codes', 'TAX_AUDIT_3CD,FORM_3CEB');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').slice(1)).toEqual([
      'TAX_AUDIT_3CD,FY2026-27,2026-04-01,2027-03-31,2027-09-30,,2027-09-30,Form 26,"Income-tax Act, 2025"',
      'FORM_3CEB,FY2026-27,2026-04-01,2027-03-31,2027-10-31,,2027-11-01,Form 48,"Income-tax Act, 2025"',
    ]);
  });

  it('filters by code and prints a table', async () => {
    const { stdout } = await cli('calendar', '--from', '2025-04-01', '--to', '2026-03-31', '--codes', 'advance_tax', '--format', 'table');
    expect(stdout.trim().split('\n').slice(2).map((l) => l.split(/\s+/).slice(0, 5))).toEqual([
      ['ADVANCE_TAX', 'FY2025-26-I1', '2025-06-15', '2025-06-16'],
      ['ADVANCE_TAX', 'FY2025-26-I2', '2025-09-15', '2025-09-15'],
      ['ADVANCE_TAX', 'FY2025-26-I3', '2025-12-15', '2025-12-15'],
      ['ADVANCE_TAX', 'FY2025-26-I4', '2026-03-15', '2026-03-16'],
    ]);
  });

  it('explains a date that does not exist and an unknown code, with exit 64', async () => {
    const bad = await cli('calendar', '--from', '2025-02-30', '--to', '2026-03-31');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--from: 2025-02-30 is not a date in the calendar (February 2025 has 28 days). Use YYYY-MM-DD.');
    const unknown = await cli('calendar', '--from', '2025-04-01', '--to', '2026-03-31', '--codes', 'GSTR99');
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('unknown code(s): GSTR99');
  });

  it('shows help for --help and for an unknown command', async () => {
    expect((await cli('--help')).stdout).toContain('calendar --from YYYY-MM-DD --to YYYY-MM-DD');
    const unknown = await cli('frobnicate');
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([64, 'Unknown command: frobnicate']);
  });
});
