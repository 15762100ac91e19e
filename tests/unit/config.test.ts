import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';

/** Made with openssl rand -hex 32. */
const STRONG_SECRET = 'de69a9725509eb31de2b5528f53ad457e3f479a00ac988c410e6b3e6b52e0e87';
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' };

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('runs with no variables at all: embedded database, demo seed, local URL', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 3000, publicUrl: 'http://127.0.0.1:3000' },
      database: { url: undefined, poolMax: 10 },
      dataDir: '.data',
      seedDemoWhenEmpty: true,
    });
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '' }).http.port).toBe(3000);
  });

  it('lists every bad variable at once, by name', () => {
    const found = problems({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/^PORT: /m);
    expect(found.join('\n')).toMatch(/^DATABASE_URL: must be a postgres:\/\/ connection URL/m);
    expect(found.join('\n')).toMatch(/^LOG_LEVEL: /m);
  });

  it('refuses production without a real database, and does not seed demo data there', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: required when NODE_ENV=production (the embedded database is for development)',
      'APP_SECRET: required when NODE_ENV=production (it signs acknowledgement links)',
    ]);
    expect(parseConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', APP_SECRET: STRONG_SECRET }).seedDemoWhenEmpty).toBe(false);
  });

  it('uses PUBLIC_URL for links, without a trailing slash', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://compliance.example.com/' }).http.publicUrl).toBe('https://compliance.example.com');
  });

  it('refuses a long but guessable APP_SECRET (32 × "a") and ENCRYPTION_KEY, saying how to make one', () => {
    const found = problems({ ...PRODUCTION, APP_SECRET: 'a'.repeat(32), ENCRYPTION_KEY: '0123456789abcdef'.repeat(4) });
    expect(found).toEqual([
      expect.stringMatching(/^APP_SECRET: too easy to guess: about \d+ bits of randomness, at least 128 needed .*Make one with: openssl rand -hex 32$/),
      expect.stringMatching(/^ENCRYPTION_KEY: too easy to guess: about \d+ bits of randomness, at least 128 needed .*Make one with: openssl rand -hex 32$/),
    ]);
    expect(problems({ ...PRODUCTION, APP_SECRET: 'p'.repeat(40) })).toEqual([expect.stringMatching(/^APP_SECRET: too easy to guess/)]);
  });

  it('accepts secrets made by openssl rand', () => {
    expect(parseConfig({ ...PRODUCTION, APP_SECRET: STRONG_SECRET, ENCRYPTION_KEY: STRONG_SECRET }).appSecret).toBe(STRONG_SECRET);
    expect(parseConfig({ ...PRODUCTION, APP_SECRET: '+DyAnUpbcvLAHaNyrAq0RZtWpYNcdmcOzQg9DTIt9fU=' }).appSecret).toBe('+DyAnUpbcvLAHaNyrAq0RZtWpYNcdmcOzQg9DTIt9fU=');
  });

  it('holds ADMIN_PASSWORD to the password policy: 12 spaces, a well-known one and one with the admin’s email name are refused', () => {
    const admin = (password: string) => problems({ ADMIN_EMAIL: 'ops.lead@example.com', ADMIN_PASSWORD: password });
    expect(admin(' '.repeat(12))).toEqual(['ADMIN_PASSWORD: use at least 12 characters (spaces at the start or end do not count); a few words of your own make a good one']);
    expect(admin('Password2026!')).toEqual([expect.stringMatching(/^ADMIN_PASSWORD: too close to a well-known password/)]);
    expect(admin('ops.lead rules the night')).toEqual(['ADMIN_PASSWORD: do not use your email name ("ops.lead") in your password: choose words of your own']);
    expect(parseConfig({ ADMIN_EMAIL: 'ops.lead@example.com', ADMIN_PASSWORD: 'a long production password' }).portal.platformAdmin).toEqual({ email: 'ops.lead@example.com', password: 'a long production password' });
  });
});

describe('CLOCK_AT', () => {
  it('places the clock at a moment that exists, and only outside production', () => {
    expect(parseConfig({ CLOCK_AT: '2026-11-26T11:30:00+05:30' }).clockAt?.toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(parseConfig({}).clockAt).toBeUndefined();
    expect(problems({ CLOCK_AT: '2026-02-30T10:00:00+05:30' })[0]).toMatch(/^CLOCK_AT: 2026-02-30 is not a date in the calendar \(February 2026 has 28 days\)/);
    expect(problems({ CLOCK_AT: '2026-11-26T11:30:00' })[0]).toMatch(/^CLOCK_AT: .*with its offset/);
    expect(problems({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db', APP_SECRET: '9f3c1a7e5b2d8046c1e9a3f7b5d2086e4c1a9f3e7b5d2c08', CLOCK_AT: '2026-11-26T11:30:00+05:30' }))
      .toEqual(['CLOCK_AT: not allowed when NODE_ENV=production (it moves the product\'s clock; it is for development and tests)']);
  });

  it('TRUST_PROXY is off unless set, and takes hop counts, names and subnets only', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback,10.0.0.0/8');
    expect(problems({ TRUST_PROXY: 'yes please' })[0]).toMatch(/^TRUST_PROXY: use a hop count/);
  });
});
