import { apiUrlOption } from './ids.js';
import { App, ExpressReceiver, LogLevel, SocketModeReceiver, type AuthorizeResult, type Logger as BoltLogger } from '@slack/bolt';
import type { Router } from 'express';
import type { Runtime } from '../../app/runtime.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import { findSlackInstallation } from '../../infra/stores/slack-installations.js';
import { isDatabaseUnreachable } from '../../infra/db/unreachable.js';
import { registerAcknowledge } from './listeners/actions/acknowledge.js';
import { registerNotApplicable } from './listeners/actions/not-applicable.js';
import { registerReview } from './listeners/actions/review.js';
import { registerComplianceCommand } from './listeners/commands/compliance.js';
import { registerAppHomeOpened } from './listeners/events/app-home-opened.js';
import { registerFileShare } from './listeners/events/file-share.js';
import { answerWithoutDatabase } from './listeners/database-unreachable.js';
import { slackOAuthRouter } from './oauth.js';
import { INSTALLATION_TTL_MS, cachedFor } from './ttl-cache.js';

export interface SlackSettings {
  signingSecret: string;
  /** Web API base URL, e.g. a local fake Slack in tests (default https://slack.com/api/). */
  apiUrl?: string;
  /** OAuth install for many workspaces (/slack/install, /slack/oauth_redirect). */
  oauth?: { clientId: string; clientSecret: string };
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

const EVENT_TTL_MS = 60 * 60_000;

function boltLogger(runtime: Runtime): BoltLogger {
  const log = runtime.logger.child({ module: 'slack' });
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

/** Seen Events API deliveries: Slack retries (X-Slack-Retry-Num) are not processed twice. */
function eventDeduplicator(runtime: Runtime) {
  const seen = new Map<string, number>();
  return async (eventId: string): Promise<boolean> => {
    const redis = runtime.services.redis;
    if (redis?.status === 'ready') {
      try {
        return (await redis.set(`slack-event:${eventId}`, '1', 'PX', EVENT_TTL_MS, 'NX')) === null;
      } catch {
        // fall through to this process's memory
      }
    }
    const now = Date.now();
    for (const [id, at] of seen) if (now - at > EVENT_TTL_MS) seen.delete(id);
    if (seen.has(eventId)) return true;
    seen.set(eventId, now);
    return false;
  };
}

/**
 * The Bolt app on an ExpressReceiver at /slack/events. Bolt verifies every request's signature
 * and age; each request is mapped to its tenant by the workspace's installation, whose bot
 * token is decrypted for that request only.
 */
export function createSlackApp(settings: SlackSettings, runtime: Runtime, box: SecretBox): SlackApp {
  const logger = boltLogger(runtime);
  // Nothing slow before ack(): installations are read from the database at most once a minute
  // per workspace, not on every request (a re-connected token takes effect within the minute).
  const installations = cachedFor(INSTALLATION_TTL_MS, (teamId) => findSlackInstallation(runtime.db, box, teamId));
  const apiUrl = apiUrlOption(settings.apiUrl);
  const receiver = settings.appToken
    ? new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions: apiUrl } })
    : new ExpressReceiver({ signingSecret: settings.signingSecret, endpoints: '/slack/events', logger });
  const app = new App({
    receiver,
    logger,
    clientOptions: { ...apiUrl, retryConfig: { retries: 2 } },
    authorize: async ({ teamId }) => {
      let install: Awaited<ReturnType<typeof installations>> | undefined;
      try {
        install = teamId ? await installations(teamId) : undefined;
      } catch (error) {
        if (!isDatabaseUnreachable(error)) throw error;
        // Never read since this process started, and the database is down: answered "try again" below.
        return { teamId, databaseUnreachable: true } as AuthorizeResult;
      }
      if (!install) throw new Error(`Slack workspace ${teamId ?? '(unknown)'} is not connected to any tenant`);
      return { botToken: install.botToken, botUserId: install.botUserId ?? undefined, teamId: install.teamId, tenantId: install.tenantId } as AuthorizeResult;
    },
  });
  const alreadySeen = eventDeduplicator(runtime);
  app.use(answerWithoutDatabase(runtime));
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && (await alreadySeen(eventId))) return;
    await next();
  });
  const router = receiver instanceof ExpressReceiver ? receiver.router : undefined;
  if (router && settings.oauth) router.use(slackOAuthRouter(runtime, settings.oauth, settings.apiUrl));
  registerComplianceCommand(app, runtime);
  registerAcknowledge(app, runtime);
  registerAppHomeOpened(app, runtime);
  registerNotApplicable(app, runtime);
  registerFileShare(app, runtime, settings.apiUrl);
  registerReview(app, runtime);
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
