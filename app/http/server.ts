import type { Server } from 'node:http';
import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Database } from '../../infra/db/database.js';
import { pendingMigrations } from '../../infra/db/migrator.js';
import type { Logger } from '../../infra/logger.js';
import type { Services } from '../services.js';
import { ackRouter } from './ack.js';
import type { Clock } from '../../core/ports/index.js';
import { sameOriginOnly } from '../../infra/http/same-origin.js';
import { pageSecurityHeaders } from '../../infra/http/security-headers.js';

const systemClock: Clock = { now: () => new Date() };

export interface HttpDeps {
  db: Database;
  logger: Logger;
  /** Present in the running product; absent in tests of the health endpoints alone. */
  services?: Pick<Services, 'appSecret' | 'cache'>;
  /** Bolt's receiver router (/slack/events); it verifies signatures on the raw body, so it parses its own. */
  slackRouter?: Router;
  /** The Teams app's router (POST /api/messages); it parses its own JSON, and the Teams SDK checks each request's token. */
  teamsRouter?: Router;
  /** The admin portal's router, mounted at /admin first: AdminJS parses its own bodies. */
  portalRouter?: Router;
  /** The web pages for everyone (sign-in, My work, item pages), at the root. */
  webRouter?: Router;
  /** Proxies trusted to tell the client's address and protocol (Express's `trust proxy`); none by default. */
  trustProxy?: number | string | false;
  /** Served over https (HSTS is sent). */
  secure?: boolean;
  /** Where we are served: forms must be posted from this origin. */
  publicUrl?: string;
  /** Where the product's "now" comes from (acknowledgement times). */
  clock?: Clock;
}

export function createHttpApp({ db, logger, services, slackRouter, teamsRouter, portalRouter, webRouter, trustProxy = false, secure = false, publicUrl = 'http://localhost', clock = systemClock }: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Only a configured proxy may speak for the client: otherwise X-Forwarded-For is anyone's to forge.
  app.set('trust proxy', trustProxy);
  if (trustProxy === false) app.use(warnOnceAboutProxies(logger));
  if (portalRouter) app.use('/admin', portalRouter);
  // Everything else is our own plain pages (/ack, Slack's install) and machine endpoints: no scripts.
  app.use(pageSecurityHeaders(secure));
  if (slackRouter) app.use(slackRouter);
  if (teamsRouter) app.use(teamsRouter);
  if (services) app.use(sameOriginOnly({ publicUrl }), ackRouter({ db, logger, appSecret: services.appSecret, cache: services.cache, clock }));
  if (webRouter) app.use(webRouter);

  // Liveness: the process is up and serving.
  app.get('/', (_req, res) => {
    res.redirect(webRouter ? '/work' : portalRouter ? '/admin' : '/healthz');
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Readiness: the database answers and its schema is current.
  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await pendingMigrations(db.app);
      if (pending.length > 0) {
        res.status(503).json({ status: 'not_ready', reason: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'not_ready', reason: 'database unreachable' });
    }
  });

  return app;
}

/**
 * Requests that arrive through a proxy while TRUST_PROXY is unset all carry the proxy's address,
 * so the per-client sign-in limits would count everyone together: say so, once.
 */
function warnOnceAboutProxies(logger: Logger): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!warned && req.headers['x-forwarded-for']) {
      warned = true;
      logger.warn({ address: req.socket.remoteAddress }, 'requests arrive through a proxy (X-Forwarded-For) but TRUST_PROXY is not set: client addresses (and the sign-in limits per client) are the proxy\'s; set TRUST_PROXY to the proxy (see README)');
    }
    next();
  };
}

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then closes. */
  close(graceMs?: number): Promise<void>;
}

export async function listen(app: Express, host: string, port: number): Promise<RunningServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: boundPort,
    close: (graceMs = 8000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
        server.closeIdleConnections();
      }),
  };
}
