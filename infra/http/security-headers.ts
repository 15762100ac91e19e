import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { rewriteHtml } from './html-rewrite.js';

/**
 * Security headers for every page we serve: nothing may frame us (clickjacking), no referrer
 * leaves the site, content types are not sniffed, https is remembered (HSTS) where we are
 * served over https, and a Content-Security-Policy says where scripts may come from.
 */
function headers(secure: boolean, scriptSrc: (string | ((req: IncomingMessage, res: ServerResponse) => string))[], styleSrc: string[]): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc,
        styleSrc,
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: secure ? { maxAge: 365 * 86_400, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  }) as unknown as RequestHandler;
}

/** Our own small pages (acknowledgements, the Slack install): no scripts at all, inline styles. */
export const pageSecurityHeaders = (secure: boolean): RequestHandler => headers(secure, ["'none'"], ["'unsafe-inline'"]);

const INLINE_SCRIPT = /<script(?=[\s>])(?![^>]*\ssrc=)/g;

/**
 * The portal: AdminJS's pages carry inline scripts (its state and start-up), so each page gets a
 * fresh nonce and only scripts carrying it, or served by us, run. Its components style
 * themselves at run time, hence inline styles.
 */
export function portalSecurityHeaders(secure: boolean): RequestHandler {
  const policy = headers(secure, ["'self'", (_req, res) => `'nonce-${(res as unknown as Response).locals.cspNonce}'`], ["'self'", "'unsafe-inline'"]);
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    rewriteHtml(res, (html) => html.replace(INLINE_SCRIPT, `<script nonce="${nonce}"`));
    policy(req, res, next);
  };
}
