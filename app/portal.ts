import path from 'node:path';
import type { Router } from 'express';
import { ensurePlatformAdmin } from '../infra/portal/platform-admins.js';
import { createSessions } from '../infra/portal/sessions.js';
import { slackOpenId } from '../bot/slack/openid.js';
import { buildWeb } from '../web/index.js';
import { slackSignInRoutes } from '../web/sign-in-slack.js';
import type { Runtime } from './runtime.js';

/** The admin portal (/admin) and the web pages for everyone (sign-in, My work, items), on one session. */
export interface Site {
  /** Mounted at /admin. */
  router: Router;
  /** Mounted at the root: /sign-in, /work, /items/…. */
  web: Router;
  close(): Promise<void>;
}

/**
 * The admin portal and the web pages, loaded only when served: AdminJS is heavy, and reads where
 * to put its component bundle from the environment when first imported, so that is set just before.
 */
export async function startPortal(runtime: Runtime): Promise<Site> {
  const { config } = runtime;
  const bundleDir = path.resolve(config.portal.bundleDir);
  process.env.ADMIN_JS_TMP_DIR = bundleDir;
  // The platform admin named by ADMIN_EMAIL / ADMIN_PASSWORD, created or given their new password.
  if (config.portal.platformAdmin) await ensurePlatformAdmin(runtime.db, config.portal.platformAdmin);
  const sessions = createSessions({ databaseUrl: runtime.databaseUrl, appSecret: runtime.services.appSecret, secureCookies: config.portal.secureCookies, logger: runtime.logger });
  const { buildPortal } = await import('../admin/index.js');
  const portal = await buildPortal({
    db: runtime.db,
    sessions,
    logger: runtime.logger,
    production: config.env === 'production',
    appSecret: runtime.services.appSecret,
    secureCookies: config.portal.secureCookies,
    publicUrl: config.http.publicUrl,
    redis: runtime.services.redis,
    storage: runtime.services.storage,
    clock: runtime.clock,
    bundleDir,
  });
  const slack = config.slack;
  const slackOAuth = slack?.oauth;
  // Sign in with Slack needs the Slack app's OAuth client (the same one that installs it in many workspaces).
  const slackSignIn = slack && slackOAuth
    ? (router: Router) => slackSignInRoutes(router, {
      db: runtime.db, log: runtime.logger.child({ module: 'web' }), publicUrl: config.http.publicUrl,
      openId: slackOpenId({ ...slackOAuth, oauthUrl: slack.oauthUrl, apiUrl: slack.apiUrl }),
    })
    : undefined;
  const web = buildWeb({
    db: runtime.db, sessions, logger: runtime.logger, clock: runtime.clock, publicUrl: config.http.publicUrl, redis: runtime.services.redis,
    storage: runtime.services.storage, cache: runtime.services.cache, mailer: { send: (mail) => runtime.services.signInMail.send(mail) }, evidenceMaxBytes: config.evidenceMaxBytes,
    ...(slackSignIn ? { slackSignIn } : {}),
  });
  return { router: portal.router, web, close: () => sessions.close() };
}
