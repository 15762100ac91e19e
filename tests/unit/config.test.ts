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

describe('Teams settings', () => {
  const TEAMS = { TEAMS_APP_ID: '6f1c2a9e-0b7d-4c3e-9a51-2d8e7f40c6b1', TEAMS_APP_PASSWORD: 'client~secret.value-1234', TEAMS_TENANT_ID: 'A3C1E0F2-5B4D-4E6F-8A7B-9C0D1E2F3A4B' };
  const PRODUCTION_WITH_SECRETS = { ...PRODUCTION, APP_SECRET: STRONG_SECRET, ENCRYPTION_KEY: STRONG_SECRET };

  it('is off with none of them, and on with all three (the Entra tenant id in lower case)', () => {
    expect(parseConfig({}).teams).toBeUndefined();
    expect(parseConfig(TEAMS).teams).toEqual({
      appId: TEAMS.TEAMS_APP_ID, appPassword: TEAMS.TEAMS_APP_PASSWORD, tenantId: 'a3c1e0f2-5b4d-4e6f-8a7b-9c0d1e2f3a4b',
      fake: { openIdMetadataUrl: undefined, tokenUrl: undefined, fileHost: undefined },
    });
  });

  it('refuses an app id without its secret or tenant, naming what is missing (an app id alone would mean a managed identity)', () => {
    expect(problems({ TEAMS_APP_ID: TEAMS.TEAMS_APP_ID })).toEqual([
      'TEAMS_APP_ID / TEAMS_APP_PASSWORD / TEAMS_TENANT_ID: set all three to turn Teams on (the bot\'s app id, its client secret and the Entra tenant it is registered in), or none; missing: TEAMS_APP_PASSWORD, TEAMS_TENANT_ID',
    ]);
    expect(problems({ ...TEAMS, TEAMS_TENANT_ID: '' })[0]).toMatch(/missing: TEAMS_TENANT_ID$/);
    expect(problems({ ...TEAMS, TEAMS_APP_ID: 'compliance-bot' })).toEqual(['TEAMS_APP_ID: must be the bot\'s Microsoft App ID (a GUID: Azure Bot resource → Configuration)']);
  });

  it('takes the fake endpoints outside production, with the credentials', () => {
    const fake = { TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1:4600/v1/.well-known/openidconfiguration', TEAMS_TOKEN_URL: 'http://127.0.0.1:4600/oauth2/token', TEAMS_FILE_HOST: '127.0.0.1:4600' };
    expect(parseConfig({ ...TEAMS, ...fake }).teams?.fake).toEqual({ openIdMetadataUrl: fake.TEAMS_OPENID_METADATA_URL, tokenUrl: fake.TEAMS_TOKEN_URL, fileHost: '127.0.0.1:4600' });
    expect(problems({ TEAMS_TOKEN_URL: fake.TEAMS_TOKEN_URL })).toEqual(['TEAMS_TOKEN_URL: set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID too (it is for running Teams against a local fake)']);
  });

  it('refuses in production every setting that would let someone other than Teams post as Teams', () => {
    expect(parseConfig({ ...PRODUCTION_WITH_SECRETS, ...TEAMS }).teams?.appId).toBe(TEAMS.TEAMS_APP_ID);
    expect(problems({
      ...PRODUCTION_WITH_SECRETS, ...TEAMS, TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1:4600/v1/.well-known/openidconfiguration',
      TEAMS_TOKEN_URL: 'http://127.0.0.1:4600/oauth2/token', TEAMS_FILE_HOST: '127.0.0.1:4600', DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
    })).toEqual([
      'TEAMS_OPENID_METADATA_URL: not allowed when NODE_ENV=production (it points Teams at a local fake; production uses Microsoft\'s endpoints)',
      'TEAMS_TOKEN_URL: not allowed when NODE_ENV=production (it points Teams at a local fake; production uses Microsoft\'s endpoints)',
      'TEAMS_FILE_HOST: not allowed when NODE_ENV=production (it points Teams at a local fake; production uses Microsoft\'s endpoints)',
      expect.stringMatching(/^DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: not supported: every request to \/api\/messages must carry a token signed for the bot/),
    ]);
    // The SDK would read it from the environment by itself and stop checking tokens: refused wherever it is set.
    expect(problems({ ...TEAMS, DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: '1' })).toHaveLength(1);
  });

  it('needs ENCRYPTION_KEY in production with Teams (app credentials are stored encrypted)', () => {
    expect(problems({ ...PRODUCTION, APP_SECRET: STRONG_SECRET, ...TEAMS })).toEqual(['ENCRYPTION_KEY: required in production when Slack or Teams is configured (tokens and app credentials are encrypted at rest)']);
  });
});
