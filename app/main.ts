import { loadConfigOrExit } from './boot.js';
import { syncLibrary } from '../core/use-cases/sync-library.js';
import { enginePorts } from '../infra/stores/engine-unit.js';
import { startScheduler } from './scheduler.js';
import { createSlackApp } from '../bot/slack/app.js';
import { slackDeps } from './slack.js';
import { createTeamsApp } from '../bot/teams/app.js';
import { teamsDeps } from './teams.js';
import { createHttpApp, listen } from './http/server.js';
import { startPortal } from './portal.js';
import { openRuntime } from './runtime.js';
import { hasAnyTenant, readDemoLogin, seedDemo } from './seed/demo.js';

const started = Date.now();
const config = loadConfigOrExit();
const runtime = await openRuntime(config, { migrate: true });
const { logger, db } = runtime;

const library = await syncLibrary(enginePorts(db));
if (library.masters.inserted.length + library.masters.updated.length > 0) {
  logger.info({ inserted: library.masters.inserted.length, updated: library.masters.updated, moved: library.moved }, 'statutory library synced');
}
if (config.seedDemoWhenEmpty && !(await hasAnyTenant(db))) {
  await seedDemo(db, config.dataDir, runtime.clock.now());
  logger.info({ tenant: 'demo' }, 'demo tenant seeded');
}
const demoLogin = config.seedDemoWhenEmpty ? readDemoLogin(config.dataDir) : undefined;

const scheduler = config.schedulerInProcess ? await startScheduler(runtime) : undefined;
const slack = config.slack ? createSlackApp(config.slack, slackDeps(runtime)) : undefined;
if (!slack) logger.info('Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on (see README, Slack)');
await slack?.start();
if (config.slack?.appToken) logger.info('Slack is connected in Socket Mode');
const teams = config.teams ? await createTeamsApp(config.teams, teamsDeps(runtime)) : undefined;
logger.info(teams ? 'Teams answers at /api/messages' : 'Teams is off: set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID to turn it on (see README, Microsoft Teams)');
const portal = config.portal.enabled ? await startPortal(runtime) : undefined;
const server = await listen(
  createHttpApp({
    db, logger, services: runtime.services, slackRouter: slack?.router, teamsRouter: teams?.router, portalRouter: portal?.router, webRouter: portal?.web,
    trustProxy: config.trustProxy, secure: config.portal.secureCookies, publicUrl: config.http.publicUrl, clock: runtime.clock,
  }),
  config.http.host,
  config.http.port,
);
const url = config.http.publicUrl.replace(`:${config.http.port}`, `:${server.port}`);
logger.info({ url, ms: Date.now() - started }, 'server listening');
process.stdout.write(
  [
    '',
    `  Compliance OS is running at ${url}`,
    portal ? `  Admin portal: ${url}/admin` : '  Admin portal: off (PORTAL=off)',
    portal ? `  My work (everyone): ${url}/work — sign in with an emailed link${config.email.sendgridApiKey ? '' : ' (printed in this log while SENDGRID_API_KEY is unset)'}` : undefined,
    `  Health: ${url}/healthz   Readiness: ${url}/readyz`,
    demoLogin ? `  Demo tenant admin login: ${demoLogin.email} / ${demoLogin.password}` : undefined,
    config.portal.platformAdmin ? `  Platform admin login: ${config.portal.platformAdmin.email} / (ADMIN_PASSWORD)` : undefined,
    '  Press Ctrl-C to stop.',
    '',
  ].filter((line) => line !== undefined).join('\n') + '\n',
);

let stoppingSince: number | undefined;
async function shutdown(signal: string): Promise<void> {
  if (stoppingSince !== undefined) {
    // The same stop often arrives twice (from the terminal's process group and from npm
    // forwarding it); a repeat after a second is a person insisting.
    if (Date.now() - stoppingSince < 1000) return;
    logger.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  stoppingSince = Date.now();
  logger.info({ signal }, 'shutting down');
  setTimeout(() => {
    logger.error('shutdown took longer than 15 s: exiting');
    process.exit(1);
  }, 15_000).unref();
  try {
    await server.close();
    await portal?.close();
    await slack?.stop();
    await scheduler?.stop();
    await runtime.close();
    logger.info('stopped cleanly');
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'error during shutdown');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
