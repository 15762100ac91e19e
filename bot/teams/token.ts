import type { TokenCredentials } from '@microsoft/teams.api';

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
