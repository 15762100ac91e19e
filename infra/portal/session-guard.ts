import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { credentialsChangedAt } from './accounts.js';
import type { PortalAdmin } from '../../core/engine/portal-access.js';

/** However active, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_HOURS = 12;

type Signed = Pick<PortalAdmin, 'kind' | 'id' | 'tenantId' | 'signedInAt' | 'credentialsChangedAt'>;

/**
 * Ends a session that should no longer stand, before anything else reads it: one older than the
 * absolute lifetime, one from before a password reset, a deactivation or a reactivation (a
 * returning person signs in again), or of a person who is gone. It checks the portal's admin and
 * the web pages' person alike (one session holds either or both).
 */
export function sessionGuard(db: Database, log: Logger, loginPath: string, now = () => Date.now()): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const session = req.session;
    // AdminJS's scripts and styles are served to anyone: no need to ask the database for them.
    if (!session || req.path.startsWith('/frontend/assets/')) return next();
    const signed: Signed[] = [];
    if (session.adminUser) signed.push(session.adminUser);
    // The same person in both (an admin signed in by password) is checked once.
    if (session.person && session.person.id !== session.adminUser?.id) signed.push({ ...session.person, kind: 'tenant' });
    if (signed.length === 0) return next();
    const expired = signed.some((s) => !s.signedInAt || now() - s.signedInAt > SESSION_ABSOLUTE_HOURS * 3_600_000);
    const check = expired ? Promise.resolve(false) : Promise.all(signed.map((s) => credentialsChangedAt(db, s).then((at) => at !== undefined && at === s.credentialsChangedAt)))
      .then((valid) => valid.every(Boolean));
    check.then((valid) => {
      if (valid) return next();
      log.info({ person: signed[0]!.id, reason: expired ? 'absolute lifetime' : 'credentials changed' }, 'session ended');
      session.destroy((error) => (error ? next(error) : res.redirect(loginPath)));
    }, next);
  };
}
