import type { Response, Router } from 'express';
import type { Clock } from '../core/ports/clock.js';
import type { SignInMailer } from '../core/ports/sign-in-mail.js';
import type { SignInLimits } from '../infra/cache/sign-in-limits.js';
import type { Database } from '../infra/db/database.js';
import type { Logger } from '../infra/logger.js';
import { sessionOfPerson } from '../infra/portal/accounts.js';
import { SIGN_IN_LINK_MINUTES, issueSignInLinks, localPath, useSignInLink } from '../infra/portal/sign-in-links.js';
import { html, sendPage } from './html.js';
import { startSession } from './people.js';
import { formField, smallForm } from './forms.js';

export interface SignInDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  publicUrl: string;
  limits: SignInLimits;
  mailer: SignInMailer;
  /** Whether "Sign in with Slack" is offered (the Slack app's OAuth client is configured). */
  slackSignIn: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const form = smallForm('8kb');

function signInPage(res: Response, deps: SignInDeps, next: string | null, problem?: string, status = 200) {
  const nextField = next ? html`<input type="hidden" name="next" value="${next}">` : '';
  sendPage(res, {
    title: 'Sign in', status, ...(problem ? { notice: { kind: 'error' as const, text: problem } } : {}),
    body: html`<h1>Sign in to Compliance OS</h1>
<section><form class="action" method="post" action="/sign-in/email">${nextField}
<label for="email">Your work email</label><input id="email" type="email" name="email" autocomplete="email" required>
<button class="primary">Email me a sign-in link</button>
<p class="muted">The link works once, within ${SIGN_IN_LINK_MINUTES} minutes.</p></form>
${deps.slackSignIn ? html`<p><a href="/sign-in/slack${next ? `?next=${encodeURIComponent(next)}` : ''}"><button class="secondary" type="button">Sign in with Slack</button></a></p>` : ''}
</section><p class="muted">Tenant admins and auditors can also <a href="/admin/login">sign in with a password</a>.</p>`,
  });
}

/** Sign-in for every person of a tenant: a one-time link by email (Slack's own sign-in beside it). */
export function signInRoutes(router: Router, deps: SignInDeps): void {
  router.get('/sign-in', (req, res) => signInPage(res, deps, localPath(req.query.next)));

  router.post('/sign-in/email', form, async (req, res) => {
    const email = formField(req, 'email').trim().toLowerCase();
    const next = localPath(formField(req, 'next'));
    if (!EMAIL.test(email) || email.length > 254) return signInPage(res, deps, next, 'That does not look like an email address. Type the address you use at work, e.g. priya@yourcompany.in.', 400);
    const verdict = await deps.limits.attempt(email, req.ip ?? 'unknown');
    if (!verdict.allowed) {
      res.set('Retry-After', String(verdict.retryAfterSeconds));
      return signInPage(res, deps, next, verdict.message, 429);
    }
    // Each link asked for counts against the address as a failure would, so nobody can flood a mailbox.
    await deps.limits.failed(email, req.ip ?? 'unknown');
    // The same answer, at once, whether or not the address belongs to anyone: the work happens after it.
    sendPage(res, {
      title: 'Check your email',
      body: html`<h1>Check your email</h1><section><p>If <b>${email}</b> belongs to someone in Compliance OS, a sign-in link is on its way to it.
It works once, within ${SIGN_IN_LINK_MINUTES} minutes.</p><p class="muted">Nothing after a few minutes? Check the address and <a href="/sign-in">ask again</a>, or ask your compliance admin whether you have been added.</p></section>`,
    });
    void sendLinks(deps, email, next);
  });

  // A link opened from the email shows a button rather than signing in at once: mail scanners that
  // open every link would otherwise use it up before the person does.
  router.get('/sign-in/link', (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    sendPage(res, {
      title: 'Sign in',
      body: html`<h1>Sign in to Compliance OS</h1><section><form class="action" method="post" action="/sign-in/link">
<input type="hidden" name="token" value="${token}"><button class="primary">Continue to Compliance OS</button></form></section>`,
    });
  });

  router.post('/sign-in/link', form, async (req, res) => {
    const now = deps.clock.now();
    const used = await useSignInLink(deps.db, formField(req, 'token'), now);
    // The session's own lifetime runs on this process's clock, as its cookie's and the store's expiry do.
    const signedIn = used && (await sessionOfPerson(deps.db, used.tenantId, used.userId, 'link', Date.now()));
    if (!used || !signedIn) {
      deps.log.warn({ ip: req.ip }, 'sign-in link refused (unknown, used or expired)');
      return signInPage(res, deps, null, `That sign-in link has expired or was already used (each works once, within ${SIGN_IN_LINK_MINUTES} minutes). Ask for a new one below.`, 400);
    }
    await startSession(req, signedIn.person, signedIn.admin);
    deps.log.info({ person: signedIn.person.id, via: 'link' }, 'web sign-in');
    res.redirect(303, used.nextPath ?? '/work');
  });

  router.post('/sign-out', (req, res, next) => {
    req.session.destroy((error) => (error ? next(error) : res.redirect(303, '/sign-in')));
  });
}

async function sendLinks(deps: SignInDeps, email: string, next: string | null): Promise<void> {
  try {
    const links = await issueSignInLinks(deps.db, email, next, deps.clock.now());
    for (const link of links) {
      await deps.mailer.send({
        to: link.person.email, name: link.person.name, tenantName: link.tenantName, minutes: SIGN_IN_LINK_MINUTES,
        link: `${deps.publicUrl}/sign-in/link?token=${link.token}`,
      });
    }
    if (links.length === 0) deps.log.info('sign-in link asked for an address that belongs to nobody');
  } catch (error) {
    deps.log.error({ err: error }, 'sign-in link could not be sent');
  }
}
