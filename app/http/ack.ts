import express, { type Router } from 'express';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../infra/db/database.js';
import type { Logger } from '../../infra/logger.js';
import { verifyAckToken } from '../../core/notifications/ack-link.js';
import { acknowledgeEscalation } from '../../core/use-cases/change-status.js';
import type { SummaryCache } from '../../infra/cache/redis.js';
import { runAsUser } from '../../infra/stores/run-as-user.js';
import type { Clock } from '../../core/ports/index.js';

const page = (title: string, body: string, status = 200) => ({
  status,
  html: `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title} · Compliance OS</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
button{font-size:1rem;padding:.6rem 1.2rem}</style></head><body><h1>${title}</h1>${body}</body></html>`,
});

const PROBLEMS = {
  malformed: 'This link is incomplete. Open it again from the email, or acknowledge in Slack.',
  bad_signature: 'This link is not valid. Open it again from the email, or acknowledge in Slack.',
  expired: 'This link has expired. The next escalation email will carry a fresh one, or acknowledge in Slack.',
} as const;

/**
 * Escalation acknowledgements from email. The link is signed; opening it shows a confirmation
 * (mail scanners that pre-open links must not acknowledge for the CFO); confirming runs the
 * same use case as Slack's Acknowledge button, as the user the link was sent to.
 */
export function ackRouter(deps: { db: Database; appSecret: string; cache: SummaryCache; logger: Logger; clock: Clock }): Router {
  const router = express.Router();
  const claimOr = (token: string) => verifyAckToken(deps.appSecret, token, new Date());

  router.get('/ack/:token', (req, res) => {
    const claim = claimOr(req.params.token);
    const p = typeof claim === 'string'
      ? page('Link not valid', `<p>${PROBLEMS[claim]}</p>`, 400)
      : page('Acknowledge escalation', `<p>Acknowledging tells the team you own this overdue item and stops the repeated escalations.</p>
<form method="post"><button type="submit">Acknowledge</button></form>`);
    res.status(p.status).type('html').send(p.html);
  });

  router.post('/ack/:token', async (req, res) => {
    const claim = claimOr(req.params.token);
    if (typeof claim === 'string') {
      const p = page('Link not valid', `<p>${PROBLEMS[claim]}</p>`, 400);
      res.status(p.status).type('html').send(p.html);
      return;
    }
    try {
      const result = await runAsUser(deps.db, claim.tenantId, claim.userId, (unit, actor) =>
        acknowledgeEscalation(unit, actor, { instanceId: claim.instanceId }, deps.clock.now()), { cache: deps.cache });
      const p = page('Acknowledged', result.alreadyAcknowledged
        ? '<p>This escalation had already been acknowledged. Nothing more to do.</p>'
        : '<p>Thank you. The repeated escalations for this item have stopped, and your acknowledgement is on the audit trail.</p>');
      res.type('html').send(p.html);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      deps.logger.warn({ code: error.code }, 'acknowledgement refused');
      const p = page('Could not acknowledge', `<p>${error.message}</p>`, error.code === 'forbidden' ? 403 : 404);
      res.status(p.status).type('html').send(p.html);
    }
  });
  return router;
}
