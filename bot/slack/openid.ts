import { LogLevel, webApi } from '@slack/bolt';
import { apiUrlOption } from './ids.js';
import { openIdClaims, openIdToken, openIdUserInfo } from './schemas.js';

/** What Sign in with Slack asks for: who the person is, their email and name (no access to anything else). */
export const SIGN_IN_SCOPES = ['openid', 'email', 'profile'] as const;

/** Who Slack says signed in: the workspace, the Slack user, and their email as Slack knows it. */
export interface SlackIdentity {
  teamId: string;
  teamName: string | undefined;
  userId: string;
  email: string | undefined;
  /** Only a verified email may link a person (anyone can type an address into a Slack profile elsewhere). */
  emailVerified: boolean;
  name: string | undefined;
}

/**
 * Why Slack did not tell us who someone is: Slack refused (an expired or reused code: `invalid_code`),
 * Slack could not be reached, or its answer was not for this sign-in (another nonce or client).
 */
export class SlackSignInError extends Error {
  constructor(readonly reason: 'refused' | 'unreachable' | 'mismatch', readonly slackError?: string) {
    super(`Sign in with Slack failed: ${reason}${slackError ? ` (${slackError})` : ''}`);
  }
}

/** Slack's OpenID Connect provider, as the sign-in pages use it. */
export interface SlackOpenId {
  /** Where to send the browser: Slack's authorize page for this client, state and nonce. */
  authorizeUrl(request: { state: string; nonce: string; redirectUri: string }): string;
  /** The person behind the code Slack sent back (openid.connect.token, then openid.connect.userInfo). */
  identify(code: string, request: { nonce: string; redirectUri: string }): Promise<SlackIdentity>;
}

export interface SlackOpenIdSettings {
  clientId: string;
  clientSecret: string;
  /** Slack's authorize pages: https://slack.com, or a local fake. */
  oauthUrl: string;
  /** The Web API base (SLACK_API_URL), as the rest of the Slack code uses. */
  apiUrl?: string;
}

/** The ID token's claims. It comes straight from the token endpoint over TLS, which vouches for it (OpenID Connect Core 3.1.3.7). */
function claimsOf(idToken: string) {
  try {
    return openIdClaims.parse(JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')));
  } catch {
    return undefined;
  }
}

function failure(error: unknown): SlackSignInError {
  if (error instanceof SlackSignInError) return error;
  const e = error as { code?: string; data?: { error?: string } };
  if (e.code === 'slack_webapi_platform_error') return new SlackSignInError('refused', e.data?.error ?? 'unknown_error');
  if (e.code === 'slack_webapi_http_error') return new SlackSignInError('refused', 'http_error');
  return new SlackSignInError('unreachable');
}

export function slackOpenId(settings: SlackOpenIdSettings): SlackOpenId {
  // A person waits on these calls: no retries (they can start again), and no longer than 10 s. Failures
  // are logged by the sign-in pages, with what the person was told.
  const client = (token?: string) => new webApi.WebClient(token, { ...apiUrlOption(settings.apiUrl), retryConfig: { retries: 0 }, timeout: 10_000, logLevel: LogLevel.ERROR });
  return {
    authorizeUrl({ state, nonce, redirectUri }) {
      const url = new URL(`${settings.oauthUrl}/openid/connect/authorize`);
      // Spaces as %20, as Slack's documentation writes the scope (URLSearchParams would write +).
      url.search = new URLSearchParams({ response_type: 'code', scope: SIGN_IN_SCOPES.join(' '), client_id: settings.clientId, state, nonce, redirect_uri: redirectUri })
        .toString().replace(/\+/g, '%20');
      return url.toString();
    },
    async identify(code, { nonce, redirectUri }) {
      try {
        const token = openIdToken.safeParse(await client().openid.connect.token({ client_id: settings.clientId, client_secret: settings.clientSecret, code, redirect_uri: redirectUri }));
        if (!token.success) throw new SlackSignInError('mismatch', 'no_id_token');
        const claims = claimsOf(token.data.id_token);
        const audience = [claims?.aud ?? []].flat();
        if (!claims || claims.nonce !== nonce || !audience.includes(settings.clientId)) throw new SlackSignInError('mismatch', 'id_token_mismatch');
        const info = openIdUserInfo.safeParse(await client(token.data.access_token).openid.connect.userInfo());
        if (!info.success) throw new SlackSignInError('mismatch', 'no_user_info');
        const i = info.data;
        return {
          teamId: i['https://slack.com/team_id'], teamName: i['https://slack.com/team_name'], userId: i['https://slack.com/user_id'],
          email: i.email, emailVerified: i.email_verified === true, name: i.name,
        };
      } catch (error) {
        throw failure(error);
      }
    },
  };
}
