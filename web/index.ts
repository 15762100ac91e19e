import express, { type RequestHandler, type Router } from 'express';
import type { Clock, EvidenceStorage } from '../core/ports/index.js';
import type { SignInMailer } from '../core/ports/sign-in-mail.js';
import type { SummaryCache } from '../infra/cache/redis.js';
import { createSignInLimits } from '../infra/cache/sign-in-limits.js';
import type { Redis } from 'ioredis';
import type { Database } from '../infra/db/database.js';
import { evidenceDownloadRoute } from '../infra/http/evidence-download-route.js';
import { sameOriginOnly } from '../infra/http/same-origin.js';
import type { Logger } from '../infra/logger.js';
import { personDownloads } from '../infra/portal/evidence-download.js';
import type { Sessions } from '../infra/portal/sessions.js';
import { sessionGuard } from '../infra/portal/session-guard.js';
import { itemActionRoutes } from './item-actions.js';
import { itemPageRoutes } from './item-page.js';
import { myWorkRoutes } from './my-work.js';
import { requirePerson, signInPathFor } from './people.js';
import { signInRoutes } from './sign-in.js';

export interface WebDeps {
  db: Database;
  sessions: Sessions;
  logger: Logger;
  clock: Clock;
  publicUrl: string;
  redis: Redis | undefined;
  storage: EvidenceStorage;
  cache: SummaryCache;
  mailer: SignInMailer;
  evidenceMaxBytes: number;
  /** "Sign in with Slack", when the Slack app's OAuth client is configured. */
  slackSignIn?: (router: Router) => void;
}

/** The paths the web pages own; the session is read for these only (not for health checks or Slack's events). */
const WEB_PATHS = /^\/(sign-in|sign-out|work|items)(\/|$)/;
const onWebPaths = (handler: RequestHandler): RequestHandler => (req, res, next) => (WEB_PATHS.test(req.path) ? handler(req, res, next) : next());

/**
 * The web pages for every person of a tenant: sign-in (a one-time email link, Slack), My work and
 * the item page with its evidence and decisions. Plain HTML forms, no scripts; the same session
 * as the admin portal, the same use cases as Slack.
 */
export function buildWeb(deps: WebDeps): Router {
  const log = deps.logger.child({ module: 'web' });
  const now = () => deps.clock.now();
  const router = express.Router();
  router.use(onWebPaths(deps.sessions.middleware));
  router.use(onWebPaths(sessionGuard(deps.db, log, '/sign-in')));
  router.use(onWebPaths(sameOriginOnly({ publicUrl: deps.publicUrl, sensitiveReads: [/^\/items\/[^/]+\/evidence\/[^/]+\/download$/] })));
  signInRoutes(router, {
    db: deps.db, log, clock: deps.clock, publicUrl: deps.publicUrl, limits: createSignInLimits(deps.redis), mailer: deps.mailer, slackSignIn: Boolean(deps.slackSignIn),
  });
  deps.slackSignIn?.(router);
  myWorkRoutes(router, { db: deps.db, now });
  itemPageRoutes(router, { db: deps.db, now });
  itemActionRoutes(router, { db: deps.db, storage: deps.storage, cache: deps.cache, log, now, evidenceMaxBytes: deps.evidenceMaxBytes });
  router.get('/items/:id/evidence/:eid/download', requirePerson, evidenceDownloadRoute(deps.storage, log, personDownloads(deps.db, signInPathFor)));
  return router;
}
