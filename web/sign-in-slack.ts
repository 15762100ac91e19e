import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Router } from 'express';
import { resolveChatUser } from '../core/chat/identity.js';
import type { ChatPeople } from '../core/ports/chat-people.js';
import { slackAccount } from '../bot/slack/identity.js';
import { SlackSignInError, type SlackIdentity, type SlackOpenId } from '../bot/slack/openid.js';
import { signInCallbackQuery } from '../bot/slack/schemas.js';
import { chatPeople } from '../infra/chat/chat-people.js';
import type { Database } from '../infra/db/database.js';
import type { Logger } from '../infra/logger.js';
import { sessionOfPerson } from '../infra/portal/accounts.js';
import { localPath } from '../infra/portal/sign-in-links.js';
import { tenantOfSlackWorkspace } from '../infra/stores/slack-installations.js';
import { html, sendPage } from './html.js';
import { startSession } from './people.js';

/** How long a Slack sign-in may take between leaving for Slack and coming back. */
const SLACK_SIGN_IN_MINUTES = 10;
export const SLACK_CALLBACK_PATH = '/sign-in/slack/callback';

declare module 'express-session' {
  interface SessionData {
    /** A Slack sign-in under way in this browser: what must come back with Slack's answer, and where to go after. */
    slackSignIn?: { state: string; nonce: string; next: string | null; startedAt: number };
  }
}

export interface SlackSignInDeps {
  db: Database;
  log: Logger;
  publicUrl: string;
  openId: SlackOpenId;
}

const secret = () => randomBytes(32).toString('base64url');
const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Starting again (from Slack, or by email), to the page the sign-in was for. */
const startAgain = (next: string | null | undefined) => {
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  return html`<p><a href="/sign-in/slack${query}"><button class="primary" type="button">Sign in with Slack again</button></a></p>
<p class="muted">Or <a href="/sign-in${query}">sign in with a link by email</a>.</p>`;
};

/** A sign-in that did not happen: what went wrong and what to do; nobody is signed in by it. */
function refused(res: Response, status: number, title: string, text: string, next: string | null | undefined) {
  sendPage(res, { title, status, body: html`<h1>${title}</h1><section><p>${text}</p>${startAgain(next)}</section>` });
}

/**
 * "Sign in with Slack" (OpenID Connect): Slack says who the person is, in which workspace; the
 * workspace names the tenant, and the person is found there by their linked Slack account, else by
 * their verified email (which then links them, as Slack's own requests do).
 */
export function slackSignInRoutes(router: Router, deps: SlackSignInDeps): void {
  const redirectUri = `${deps.publicUrl}${SLACK_CALLBACK_PATH}`;
  const people = chatPeople(deps.db);

  router.get('/sign-in/slack', (req, res, next) => {
    const pending = { state: secret(), nonce: secret(), next: localPath(req.query.next), startedAt: Date.now() };
    req.session.slackSignIn = pending;
    // Saved before the browser leaves: Slack's answer must find it.
    req.session.save((error) => (error ? next(error) : res.redirect(302, deps.openId.authorizeUrl({ state: pending.state, nonce: pending.nonce, redirectUri }))));
  });

  router.get(SLACK_CALLBACK_PATH, async (req, res) => {
    const query = signInCallbackQuery.parse(req.query);
    const pending = req.session.slackSignIn;
    // Only the browser that started a sign-in may finish it: a forged or stray answer changes nothing.
    if (!pending || !query.state || !sameSecret(query.state, pending.state)) {
      deps.log.warn({ ip: req.ip }, 'Slack sign-in answer without its state refused');
      return refused(res, 400, 'Sign-in did not start here', 'This sign-in did not start here; start again. Nothing was changed.', pending?.next);
    }
    delete req.session.slackSignIn;
    if (Date.now() - pending.startedAt > SLACK_SIGN_IN_MINUTES * 60_000) {
      return refused(res, 400, 'Sign-in took too long', `This sign-in took longer than ${SLACK_SIGN_IN_MINUTES} minutes, so it was not completed; start again.`, pending.next);
    }
    if (query.error || !query.code) {
      return refused(res, 400, 'Slack did not sign you in', `Slack did not sign you in (Slack said: ${query.error ?? 'no code'}), so nothing changed. Start again and choose Allow in Slack.`, pending.next);
    }
    let identity: SlackIdentity;
    try {
      identity = await deps.openId.identify(query.code, { nonce: pending.nonce, redirectUri });
    } catch (error) {
      return slackFailed(res, deps.log, error, pending.next);
    }
    await finish(req, res, deps, people, identity, pending.next);
  });
}

function slackFailed(res: Response, log: Logger, error: unknown, next: string | null) {
  if (!(error instanceof SlackSignInError)) throw error;
  log.warn({ reason: error.reason, slackError: error.slackError }, 'Sign in with Slack failed');
  if (error.reason === 'unreachable') {
    return refused(res, 502, 'Slack could not be reached', 'Compliance OS could not reach Slack, so you are not signed in. Try again in a minute.', next);
  }
  if (error.reason === 'mismatch') {
    return refused(res, 502, 'Slack sign-in not completed', 'The answer from Slack did not belong to this sign-in, so you are not signed in; start again.', next);
  }
  return refused(res, 502, 'Slack sign-in not completed',
    `Slack could not confirm who you are (Slack said: ${error.slackError}), so you are not signed in. Start again: each Slack sign-in works once, within a few minutes.`, next);
}

async function finish(req: Request, res: Response, deps: SlackSignInDeps, people: ChatPeople, who: SlackIdentity, next: string | null) {
  const workspace = who.teamName ?? who.teamId;
  const tenantId = await tenantOfSlackWorkspace(deps.db, who.teamId);
  if (!tenantId) {
    deps.log.info({ team: who.teamId }, 'Sign in with Slack from a workspace no tenant has connected');
    return refused(res, 403, 'Slack workspace not connected',
      `Your Slack workspace (${workspace}) is not connected to Compliance OS, so you cannot sign in with it. Ask your compliance admin to connect it, or sign in with a link by email.`, next);
  }
  // From here everything is read in the tenant's scope: the workspace has named it.
  const email = who.emailVerified ? who.email : undefined;
  const userId = await resolveChatUser(people, tenantId, slackAccount(who.userId), async () => email);
  if (!userId) {
    deps.log.info({ team: who.teamId, slackUser: who.userId, emailVerified: who.emailVerified }, 'Sign in with Slack by someone Compliance OS does not know');
    return who.email && !who.emailVerified
      ? refused(res, 403, 'Slack email not verified',
        `Slack has not verified the email address of your Slack account (${who.email}), so Compliance OS cannot tell who you are. Verify it in Slack and start again, or ask your compliance admin to link your Slack account.`, next)
      : refused(res, 403, 'Not known to Compliance OS',
        `Compliance OS does not know your Slack account${who.email ? ` (${who.email})` : ''} in ${workspace}. Ask your compliance admin to add you with the email address you use in Slack.`, next);
  }
  // The session's own lifetime runs on this process's clock, as its cookie's and the store's expiry do.
  const signedIn = await sessionOfPerson(deps.db, tenantId, userId, 'slack', Date.now());
  if (!signedIn) {
    return refused(res, 403, 'Account not active', 'Your Compliance OS account (or your organisation\'s) is not active, so you cannot sign in. Ask your compliance admin.', next);
  }
  await startSession(req, signedIn.person, signedIn.admin);
  deps.log.info({ person: signedIn.person.id, via: 'slack' }, 'web sign-in');
  res.redirect(303, next ?? '/work');
}
