import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';

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
    expect(parseConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', APP_SECRET: 'x'.repeat(32) }).seedDemoWhenEmpty).toBe(false);
  });

  it('uses PUBLIC_URL for links, without a trailing slash', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://compliance.example.com/' }).http.publicUrl).toBe('https://compliance.example.com');
  });
});
