import { createHttpApp, listen } from '../../app/http/server.js';
import { teamsDeps } from '../../app/teams.js';
import { createTeamsApp } from '../../bot/teams/app.js';
import type { TeamsSettings } from '../../bot/teams/deps.js';
import { createSecretBox } from '../../infra/crypto/secret-box.js';
import { createLogger, type Logger } from '../../infra/logger.js';
import { testRuntime } from './runtime.js';
import { BOT_APP_ID, BOT_APP_PASSWORD, BOT_TENANT_ID, type FakeTeams } from './fake-teams.js';

export const TEST_SECRET_BOX = createSecretBox('3c9a1f7e5d2b80461e9c3a7f5b2d08e64c1a9f3e7b5d2c081a3f5e7c9b1d3f5a');

/** The bot's settings against the fake: its keys and, unless `token: 'entra'`, its token endpoint. */
export function fakeTeamsSettings(fake: FakeTeams, token: 'fake' | 'entra' = 'fake'): TeamsSettings {
  return {
    appId: BOT_APP_ID, appPassword: BOT_APP_PASSWORD, tenantId: BOT_TENANT_ID,
    fake: { openIdMetadataUrl: fake.openIdMetadataUrl, tokenUrl: token === 'fake' ? fake.tokenUrl : undefined, fileHost: fake.fileHost },
  };
}

/**
 * The product's HTTP app with Teams at /api/messages, as main.ts wires it, on the real composition
 * root against a test database (its bindings sealed with TEST_SECRET_BOX), as of `env`'s CLOCK_AT.
 */
export async function startTeamsServer(databaseUrl: string, settings: TeamsSettings, logger: Logger = createLogger('silent'), env: Record<string, string> = {}) {
  const runtime = await testRuntime(databaseUrl, env);
  const teams = await createTeamsApp(settings, teamsDeps({ ...runtime, logger, services: { ...runtime.services, secretBox: TEST_SECRET_BOX } }));
  const server = await listen(createHttpApp({ db: runtime.db, logger, teamsRouter: teams.router }), '127.0.0.1', 0);
  return {
    url: `http://127.0.0.1:${server.port}`,
    runtime,
    async close() {
      await server.close(100);
      await runtime.close();
    },
  };
}
