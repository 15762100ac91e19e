import type { NextFunction, Request, Response } from 'express';
import type { WebPerson } from '../infra/portal/sessions.js';
import type { PortalAdmin } from '../core/engine/portal-access.js';

/** The person signed in to the web pages, if any. */
export const personOf = (req: Request): WebPerson | undefined => req.session?.person;

/** Where to send someone who is not signed in, to come back here afterwards. */
export const signInPathFor = (req: Request) => `/sign-in?next=${encodeURIComponent(req.originalUrl)}`;

/** Pages for signed-in people only: anyone else signs in first and comes back. */
export function requirePerson(req: Request, res: Response, next: NextFunction): void {
  if (personOf(req)) return next();
  if (req.method === 'GET') return res.redirect(signInPathFor(req));
  res.status(401).type('text').send('You are not signed in (or your session ended). Sign in again and repeat what you were doing.');
}

/** A new session (a new id: one planted before sign-in is worthless) holding the person, and the portal's admin when they have one. */
export function startSession(req: Request, person: WebPerson, admin: PortalAdmin | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) return reject(error);
      req.session.person = person;
      if (admin) req.session.adminUser = admin;
      req.session.save((saveError) => (saveError ? reject(saveError) : resolve()));
    });
  });
}
