import type { NextFunction, Request, RequestHandler, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery, refused by where the browser says a request came from: a request
 * that changes something must come from our own pages (the Origin header, or Sec-Fetch-Site
 * when a browser sends no Origin), and so must the few reads with an effect (signing out, an
 * audited download: `sensitiveReads`). Browsers always send one of the two on such requests;
 * a request with neither comes from a program, which cannot ride on a person's cookies.
 */
export function sameOriginOnly(options: { publicUrl: string; sensitiveReads?: RegExp[] }): RequestHandler {
  const publicOrigin = new URL(options.publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    const unsafe = !SAFE_METHODS.has(req.method);
    if (!unsafe && !options.sensitiveReads?.some((pattern) => pattern.test(req.path))) return next();
    if (fromOurPages(req, publicOrigin, unsafe)) return next();
    res.status(403).type('text').send(unsafe
      ? 'This request came from another site, so it was refused and nothing changed. Open the page from Compliance OS itself and try again.'
      : 'This link was opened from another site. Open it from Compliance OS itself.');
  };
}

function fromOurPages(req: Request, publicOrigin: string, unsafe: boolean): boolean {
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  if (origin && unsafe) return origin === publicOrigin || origin === `${req.protocol}://${req.get('host')}`;
  // A typed address or a bookmark is 'none'; a link on another site is 'cross-site' or 'same-site'.
  if (site) return site === 'same-origin' || site === 'none';
  return !origin;
}
