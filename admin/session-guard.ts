import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Database } from '../infra/db/database.js';
import type { Logger } from '../infra/logger.js';
import { credentialsChangedAt } from '../infra/portal/accounts.js';
import type { PortalAdmin } from './scope.js';

/** However active, a portal session ends this long after sign-in. */
export const SESSION_ABSOLUTE_HOURS = 12;

/**
 * Ends a portal session that should no longer stand, before anything else reads it: one older
 * than the absolute lifetime, one from before a password reset, a deactivation or a
 * reactivation (a returning person signs in again), or of a person who is gone.
 */
export function sessionGuard(db: Database, log: Logger, loginPath: string, now = () => Date.now()): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const session = req.session as (typeof req.session & { adminUser?: PortalAdmin }) | undefined;
    const admin = session?.adminUser;
    // AdminJS's scripts and styles are served to anyone: no need to ask the database for them.
    if (!session || !admin || req.path.startsWith('/frontend/assets/')) return next();
    const expired = !admin.signedInAt || now() - admin.signedInAt > SESSION_ABSOLUTE_HOURS * 3_600_000;
    const check = expired ? Promise.resolve(false) : credentialsChangedAt(db, admin).then((at) => at !== undefined && at === admin.credentialsChangedAt);
    check.then((valid) => {
      if (valid) return next();
      log.info({ admin: admin.id, reason: expired ? 'absolute lifetime' : 'credentials changed' }, 'portal session ended');
      session.destroy((error) => (error ? next(error) : res.redirect(loginPath)));
    }, next);
  };
}
