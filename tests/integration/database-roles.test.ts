import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openRuntime, type Runtime } from '../../app/runtime.js';
import { parseConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const STRONG_SECRET = '9f3c1a7e5b2d8046c1e9a3f7b5d2086e4c1a9f3e7b5d2c08';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** Who the application's pool is, and what it can become. */
async function identity(runtime: Pick<Runtime, 'db'>) {
  return runtime.db.app.transaction(async (trx) => {
    const { rows: [who] } = await trx.raw('SELECT session_user AS login, current_user AS acting');
    await trx.raw('RESET ROLE');
    const { rows: [reset] } = await trx.raw("SELECT current_user AS acting, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser");
    return { login: who.login, acting: who.acting, afterReset: reset.acting, superuser: reset.superuser };
  });
}

describe('the database role the application connects as', () => {
  it('is its own login role in the embedded default: RESET ROLE leads back to it, never to the superuser', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'roles-embedded-'));
    const runtime = await openRuntime(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { migrate: true });
    try {
      expect(await identity(runtime)).toEqual({ login: 'compliance_runtime', acting: 'compliance_app', afterReset: 'compliance_runtime', superuser: false });
      // Back at the login role, it holds nothing of its own and cannot become the owner.
      await expect(runtime.db.app.transaction(async (trx) => {
        await trx.raw('RESET ROLE');
        return trx('tenants').select('id');
      })).rejects.toThrow(/permission denied for table tenants/);
      await expect(runtime.db.app.transaction(async (trx) => trx.raw('SET ROLE postgres'))).rejects.toThrow(/permission denied to set role "postgres"/);
      // The product still works as itself.
      expect(await runtime.db.withSystem((trx) => trx('tenants').count({ n: '*' }))).toEqual([{ n: 0 }]);
    } finally {
      await runtime.close();
    }
  });

  it('in production, a DATABASE_URL that connects as a superuser is refused with what to do instead', async () => {
    const config = parseConfig({ NODE_ENV: 'production', DATABASE_URL: t.ownerUrl, APP_SECRET: STRONG_SECRET, LOG_LEVEL: 'silent', PORTAL: 'off' });
    const opening = openRuntime(config, { migrate: true });
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toMatchObject({ problems: [expect.stringMatching(/^DATABASE_URL: postgres is a superuser.*connect DATABASE_URL as a login role that is only a member of compliance_app, compliance_platform and compliance_session/)] });
  });

  it('in production, the runtime login role is accepted', async () => {
    const runtime = await openRuntime(parseConfig({ NODE_ENV: 'production', DATABASE_URL: t.url, APP_SECRET: STRONG_SECRET, LOG_LEVEL: 'silent', PORTAL: 'off' }), { migrate: true });
    try {
      expect((await identity(runtime)).login).toBe('compliance_runtime');
    } finally {
      await runtime.close();
    }
  });
});
