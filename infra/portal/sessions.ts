import { createHmac } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { PortalAdmin } from '../../core/engine/portal-access.js';
import type { Logger } from '../logger.js';
import { SignedSessionStore, sessionPool, sessionStoreKey } from './session-store.js';

export const SESSION_COOKIE = 'compliance_os_admin';
/** A session left unused this long ends (each request moves it on); see also SESSION_ABSOLUTE_HOURS. */
const SESSION_IDLE_HOURS = 2;

/** A person of a tenant signed in to the web (by a sign-in link, Slack, or the portal's password). */
export interface WebPerson {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  via: 'link' | 'slack' | 'password';
  /** When they signed in (ms): a session ends a fixed time after it, however active. */
  signedInAt: number;
  /** Their credentials as of sign-in (ms): a later password reset or (de)activation ends the session. */
  credentialsChangedAt: number;
}

declare module 'express-session' {
  interface SessionData {
    /** The portal's (AdminJS's) signed-in admin: tenant admins, auditors, platform admins. */
    adminUser?: PortalAdmin;
    /** Whoever of a tenant is signed in to the web pages (My work, item pages). */
    person?: WebPerson;
  }
}

export interface Sessions {
  /** express-session over the signed PostgreSQL store: one session for the portal and the web pages. */
  middleware: RequestHandler;
  /** The options AdminJS's router is given (the same cookie and store). */
  options: session.SessionOptions;
  close(): Promise<void>;
}

/** One session per browser, for /admin and the web pages alike (the cookie covers the whole site). */
export function createSessions(deps: { databaseUrl: string; appSecret: string; secureCookies: boolean; logger: Logger }): Sessions {
  const log = deps.logger.child({ module: 'sessions' });
  const pool = sessionPool(deps.databaseUrl, log);
  const store = new SignedSessionStore(pool, sessionStoreKey(deps.appSecret), log);
  const options: session.SessionOptions = {
    secret: sessionSecret(deps.appSecret),
    name: SESSION_COOKIE,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: deps.secureCookies,
    cookie: { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, maxAge: SESSION_IDLE_HOURS * 3600 * 1000, path: '/' },
  };
  return {
    middleware: session(options),
    options,
    async close() {
      store.close();
      await pool.end();
    },
  };
}

/** The key the session cookie is signed with (AdminJS's cookie password too). */
export const sessionSecret = (appSecret: string) => createHmac('sha256', appSecret).update('admin-session').digest('hex');
