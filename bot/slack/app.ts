import { App, ExpressReceiver, LogLevel, SocketModeReceiver, type AuthorizeResult, type Logger as BoltLogger } from '@slack/bolt';
import type { Router } from 'express';
import type { SlackDeps, SlackInstallation, SlackLogger } from './deps.js';
import { apiUrlOption } from './ids.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { answerWithoutDatabase } from './listeners/database-unreachable.js';
import { answerNotConnected } from './listeners/not-connected.js';
import { register as registerEvents } from './listeners/events/index.js';
import { register as registerViews } from './listeners/views/index.js';
import { slackOAuthRouter } from './oauth.js';
import { eventEnvelope } from './schemas.js';
import { INSTALLATION_TTL_MS, cachedFor } from '../common/ttl-cache.js';

export interface SlackSettings {
  signingSecret: string;
  /** Web API base URL, e.g. a local fake Slack in tests (default https://slack.com/api/). */
  apiUrl?: string;
  /** OAuth install for many workspaces (/slack/install, /slack/oauth_redirect). */
  oauth?: { clientId: string; clientSecret: string };
  /** Where Slack's authorize pages are (default https://slack.com), e.g. a local fake. */
  oauthUrl?: string;
  /** Socket Mode: Slack delivers requests over a WebSocket, so no public URL is needed. */
  appToken?: string;
}

export interface SlackApp {
  app: App;
  /** HTTP mode: the routes to mount (/slack/events, and the OAuth install when configured). */
  router: Router | undefined;
  /** Socket Mode: opens and closes the WebSocket (no-ops in HTTP mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function boltLogger(logger: SlackLogger): BoltLogger {
  const log = logger.child({ module: 'slack' });
  return {
    debug: (...m: unknown[]) => log.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error(m.map(String).join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/**
 * The Bolt app on an ExpressReceiver at /slack/events. Bolt verifies every request's signature
 * and age; each request is mapped to its tenant by the workspace's installation, whose bot
 * token is decrypted for that request only. A workspace with no installation gets a polite answer.
 */
export function createSlackApp(settings: SlackSettings, deps: SlackDeps): SlackApp {
  const logger = boltLogger(deps.logger);
  // Nothing slow before ack(): installations are read from the database at most once a minute
  // per workspace, not on every request (a re-connected token takes effect within the minute).
  const installations = cachedFor(INSTALLATION_TTL_MS, (teamId) => deps.installations.byTeam(teamId));
  const apiUrl = apiUrlOption(settings.apiUrl);
  const receiver = settings.appToken
    ? new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions: apiUrl } })
    : new ExpressReceiver({ signingSecret: settings.signingSecret, endpoints: '/slack/events', logger });
  const app = new App({
    receiver,
    logger,
    clientOptions: { ...apiUrl, retryConfig: { retries: 2 } },
    authorize: async ({ teamId }) => {
      let install: SlackInstallation | undefined;
      try {
        install = teamId ? await installations(teamId) : undefined;
      } catch (error) {
        if (!deps.isDatabaseUnreachable(error)) throw error;
        // Never read since this process started, and the database is down: answered "try again" below.
        return { teamId, databaseUnreachable: true } as AuthorizeResult;
      }
      // No tenant has connected this workspace: answered politely below, and nothing is touched.
      if (!install) return { teamId, notConnected: true } as AuthorizeResult;
      return { botToken: install.botToken, botUserId: install.botUserId ?? undefined, teamId: install.teamId, tenantId: install.tenantId } as AuthorizeResult;
    },
  });
  app.use(answerWithoutDatabase(deps));
  app.use(answerNotConnected(deps));
  app.use(async ({ body, next }) => {
    const parsed = eventEnvelope.safeParse(body);
    const eventId = parsed.success ? parsed.data.event_id : undefined;
    if (eventId && (await deps.alreadySeen(eventId))) return;
    await next();
  });
  const router = receiver instanceof ExpressReceiver ? receiver.router : undefined;
  if (router && settings.oauth) router.use(slackOAuthRouter(deps, settings.oauth, settings.apiUrl, settings.oauthUrl));
  const listenerDeps = { ...deps, apiUrl: settings.apiUrl };
  registerCommands(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerEvents(app, listenerDeps);
  registerViews(app, listenerDeps);
  return {
    app,
    router,
    start: async () => {
      if (settings.appToken) await app.start();
    },
    stop: async () => {
      if (settings.appToken) await app.stop();
    },
  };
}
