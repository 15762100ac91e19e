import express, { type Router } from 'express';
import { webApi } from '@slack/bolt';
import { createSignedToken, verifySignedToken } from '../../core/notifications/signed-token.js';
import type { SlackDeps } from './deps.js';
import { BOT_SCOPES, apiUrlOption } from './ids.js';
import { installQuery, oauthRedirectQuery } from './schemas.js';

const INSTALL_LINK_DAYS = 7;
const STATE_MINUTES = 15;

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title} · Compliance OS</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style></head>
<body><h1>${title}</h1>${body}</body></html>`;

/** What an install link is made from: the app secret that signs it and where the product is served. */
export interface InstallLinkSource {
  services: { appSecret: string };
  config: { http: { publicUrl: string } };
}

/** A link a tenant admin opens to add Compliance OS to their Slack workspace (signed, expiring). */
export function slackInstallLink(source: InstallLinkSource, tenantId: string, now = new Date()): string {
  const token = createSignedToken(source.services.appSecret, 'slack-install', { tenant: tenantId }, now.getTime() + INSTALL_LINK_DAYS * 86_400_000);
  return `${source.config.http.publicUrl}/slack/install?t=${token}`;
}

/**
 * OAuth install for many workspaces. The install starts from a tenant admin's signed link, so
 * the tenant travels in the signed OAuth state and the callback binds the workspace to it.
 */
export function slackOAuthRouter(
  deps: Pick<SlackDeps, 'appSecret' | 'publicUrl' | 'installations' | 'logger'>, oauth: { clientId: string; clientSecret: string }, apiUrl?: string, oauthUrl = 'https://slack.com',
): Router {
  const router = express.Router();
  const secret = deps.appSecret;
  const redirectUri = `${deps.publicUrl}/slack/oauth_redirect`;

  router.get('/slack/install', (req, res) => {
    const query = installQuery.parse(req.query);
    const claim = verifySignedToken<{ tenant: string }>(secret, 'slack-install', query.t ?? '', new Date());
    if (typeof claim === 'string') {
      res.status(400).type('html').send(page('Install link not valid', '<p>This install link is invalid or has expired. Ask for a new one: <code>npm run cli -- slack install-link --tenant &lt;slug&gt;</code>.</p>'));
      return;
    }
    const state = createSignedToken(secret, 'slack-oauth-state', { tenant: claim.tenant }, Date.now() + STATE_MINUTES * 60_000);
    const authorize = new URL(`${oauthUrl}/oauth/v2/authorize`);
    authorize.search = new URLSearchParams({ client_id: oauth.clientId, scope: BOT_SCOPES.join(','), redirect_uri: redirectUri, state }).toString();
    res.redirect(302, authorize.toString());
  });

  router.get('/slack/oauth_redirect', async (req, res) => {
    const query = oauthRedirectQuery.parse(req.query);
    const claim = verifySignedToken<{ tenant: string }>(secret, 'slack-oauth-state', query.state ?? '', new Date());
    if (typeof claim === 'string' || typeof query.code !== 'string') {
      const reason = query.error ? `Slack said: ${query.error}.` : 'The request did not come from a valid install link.';
      res.status(400).type('html').send(page('Slack was not connected', `<p>${reason.replace(/[<>&]/g, '')} Start again from your install link.</p>`));
      return;
    }
    try {
      const client = new webApi.WebClient(undefined, { ...apiUrlOption(apiUrl), retryConfig: { retries: 1 } });
      const access = await client.oauth.v2.access({ client_id: oauth.clientId, client_secret: oauth.clientSecret, code: query.code, redirect_uri: redirectUri });
      if (!access.team?.id || !access.access_token) throw new Error('Slack returned no team or bot token');
      await deps.installations.connect(
        { tenantId: claim.tenant, teamId: access.team.id, teamName: access.team.name ?? null, botUserId: access.bot_user_id ?? null, botToken: access.access_token },
        { teamId: access.team.id, team: access.team.name, installedBy: access.authed_user?.id },
      );
      res.type('html').send(page('Slack connected', `<p>Compliance OS is now in <b>${(access.team.name ?? access.team.id).replace(/[<>&]/g, '')}</b>. Invite it to your compliance channels with <code>/invite @Compliance OS</code>.</p>`));
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message }, 'Slack OAuth install failed');
      res.status(502).type('html').send(page('Slack was not connected', '<p>Slack did not complete the install. Start again from your install link.</p>'));
    }
  });
  return router;
}
