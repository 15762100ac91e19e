import { PUBLIC, type IToken, type TokenCredentials } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
// Not in the package's index: the same token manager (MSAL, client credentials) App uses inside.
import { TokenManager } from '@microsoft/teams.apps/dist/token-manager.js';

/**
 * Development and tests only (TEAMS_TOKEN_URL): the bot's tokens by client credentials from a
 * local fake, since Microsoft's sign-in library accepts only https authorities. The fake answers
 * like Entra's token endpoint; what it returns must be a JWT (the SDK decodes it).
 */
export function clientCredentialsAt(tokenUrl: string, appId: string, appPassword: string): TokenCredentials['token'] {
  return async (scope, tenantId) => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials', client_id: appId, client_secret: appPassword,
        scope: Array.isArray(scope) ? scope.join(' ') : scope, tenant: tenantId ?? '',
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`the token endpoint ${tokenUrl} answered ${response.status}`);
    const body = (await response.json()) as { access_token?: unknown };
    if (typeof body.access_token !== 'string') throw new Error(`the token endpoint ${tokenUrl} gave no access_token`);
    return body.access_token;
  };
}

/** Which Teams app speaks, and the Entra tenant its tokens are asked of. */
export interface BotCredentials {
  appId: string;
  appPassword: string;
  tenantId: string;
}

/**
 * The bot's token for the connector, for one app: asked of Entra (the SDK's own token manager,
 * as the app receiving activities does), or of a fake's endpoint with TEAMS_TOKEN_URL; kept until
 * five minutes before it expires, so sends do not each ask for one.
 */
export function botTokenSource(credentials: BotCredentials, logger: ILogger, tokenUrl?: string): () => Promise<string> {
  const manager = new TokenManager({
    clientId: credentials.appId, tenantId: credentials.tenantId, cloud: PUBLIC,
    ...(tokenUrl ? { token: clientCredentialsAt(tokenUrl, credentials.appId, credentials.appPassword) } : { clientSecret: credentials.appPassword }),
  }, logger);
  let held: IToken | undefined;
  let asking: Promise<IToken | null> | undefined;
  return async () => {
    if (held && !held.isExpired()) return held.toString();
    // Concurrent sends share one request.
    asking ??= manager.getBotToken().finally(() => (asking = undefined));
    const token = await asking;
    if (!token) throw new Error(`no token for the Teams app ${credentials.appId}`);
    held = token;
    return token.toString();
  };
}
