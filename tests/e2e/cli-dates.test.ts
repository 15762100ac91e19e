import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedDemoForTest } from '../support/demo.js';

/** The CLI's date and moment options refuse days that do not exist rather than rolling them over. */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForTest(t.db);
});
afterAll(async () => {
  await t.drop();
});

const cli = (...args: string[]) => runCli(args, { DATABASE_URL: t.url, LOG_LEVEL: 'warn' });

describe('remind --as-of', () => {
  it('refuses 30 Feb with exit 64 and says why, instead of planning as of 2 March', async () => {
    const bad = await cli('remind', '--tenant', 'demo', '--as-of', '2026-02-30T10:00:00+05:30', '--dry-run');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--as-of: 2026-02-30 is not a date in the calendar (February 2026 has 28 days). For a moment, use an ISO timestamp with its offset');
    expect(bad.stdout).not.toContain('2026-03-0');
  });

  it('refuses a moment without an offset (whose hour would depend on the machine)', async () => {
    const bad = await cli('remind', '--tenant', 'demo', '--as-of', '2026-11-27T10:00', '--dry-run');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--as-of: "2026-11-27T10:00" is not a timestamp: use an ISO timestamp with its offset, e.g. 2026-11-27T10:00:00+05:30');
  });

  it('plans as of the moment given', async () => {
    const ok = await cli('remind', '--tenant', 'demo', '--as-of', '2026-11-27T10:00:00+05:30', '--dry-run');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^2026-11-27T04:30:00\.000Z: \d+ open item\(s\) in reach/);
  });
});

describe('date options', () => {
  it('generate --as-of and extension apply --date refuse a day past the end of its month', async () => {
    const generate = await cli('generate', '--tenant', 'demo', '--as-of', '2026-04-31');
    expect([generate.code, generate.stderr]).toEqual([64, expect.stringContaining('--as-of: 2026-04-31 is not a date in the calendar (April 2026 has 30 days). Use YYYY-MM-DD.')]);
    const extension = await cli('extension', 'apply', '--tenant', 'demo', '--code', 'GSTR3B_MONTHLY', '--period', '2026-11', '--date', '2026-02-29', '--reference', 'Notification 1/2026');
    expect([extension.code, extension.stderr]).toEqual([64, expect.stringContaining('--date: 2026-02-29 is not a date in the calendar (February 2026 has 28 days).')]);
  });
});
