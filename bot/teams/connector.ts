import { Client } from '@microsoft/teams.api';
import type { TeamsTenantBinding } from '../../core/ports/teams-tenants.js';
import type { TeamsLogger, TeamsSettings } from './deps.js';
import { teamsLogger } from './logger.js';
import { botTokenSource, type BotCredentials } from './token.js';

/** Where proactive sends go without a stored conversation's own connector (the SDK's default, said here so SERVICE_URL is not read). */
export const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams';
/** No call to Teams may hang (the outbox holds a row lock while it sends). */
export const CLIENT_TIMEOUT_MS = 10_000;

/**
 * Who speaks for a tenant in Teams: its binding's own app when it registered one (its secret
 * sealed with the binding, its tokens asked of its own Entra tenant), else the deployment's
 * (TEAMS_APP_ID / TEAMS_APP_PASSWORD, tokens from TEAMS_TENANT_ID).
 */
export function credentialsOf(binding: TeamsTenantBinding, settings: TeamsSettings): BotCredentials {
  return binding.appPassword !== null
    ? { appId: binding.appId, appPassword: binding.appPassword, tenantId: binding.aadTenantId }
    : { appId: settings.appId, appPassword: settings.appPassword, tenantId: settings.tenantId };
}

/**
 * Connector clients for proactive sends: one per app and connector (a conversation's service
 * URL), each with its app's cached token and a timeout, so no send waits on a hung connector.
 * The SDK's client does not retry: the outbox does, with backoff.
 */
export function connectorClients(settings: TeamsSettings, logger: TeamsLogger, timeoutMs = CLIENT_TIMEOUT_MS): (credentials: BotCredentials, serviceUrl: string) => Client {
  const tokens = new Map<string, () => Promise<string>>();
  const clients = new Map<string, Client>();
  const sdkLog = teamsLogger(logger, 'teams-outbox');
  return (credentials, serviceUrl) => {
    const app = `${credentials.appId}|${credentials.tenantId}|${credentials.appPassword}`;
    let token = tokens.get(app);
    if (!token) {
      token = botTokenSource(credentials, sdkLog, settings.fake?.tokenUrl);
      tokens.set(app, token);
    }
    const key = `${app}|${serviceUrl}`;
    let client = clients.get(key);
    if (!client) {
      client = new Client(serviceUrl.replace(/\/+$/, ''), { token, timeout: timeoutMs });
      clients.set(key, client);
    }
    return client;
  };
}
