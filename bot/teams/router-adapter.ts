import express, { Router } from 'express';
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';

/** Activities are small JSON (files come as links): anything larger is refused before it is parsed. */
const BODY_LIMIT = '256kb';

/**
 * The Teams SDK's HTTP seam onto an Express Router, so /api/messages is served by the product's
 * own Express app (beside /slack/events and the portal) instead of a server of the SDK's. The
 * SDK registers its route here on initialize(); the route parses its own JSON (nothing global
 * does), and the SDK checks the Bot Framework token before any handler runs.
 */
export class RouterAdapter implements IHttpServerAdapter {
  readonly router: Router = Router();

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    if (method !== 'POST') throw new Error(`Teams asked for a ${String(method)} route; only POST is served`);
    this.router.post(path, express.json({ limit: BODY_LIMIT }), async (req, res, next) => {
      try {
        const out = await handler({ body: req.body, headers: req.headers as Record<string, string | string[]> });
        if (out.body === undefined) res.status(out.status).end();
        else res.status(out.status).json(out.body);
      } catch (error) {
        next(error);
      }
    });
  }
}
