import { App, type IActivityContext } from '@microsoft/teams.apps';
import { PUBLIC, withOverrides, type Activity } from '@microsoft/teams.api';
import type { Router } from 'express';
import { INSTALLATION_TTL_MS, cachedFor } from '../common/ttl-cache.js';
import { activityKind, aadTenantOf, errorText } from './activity.js';
import { notConnectedCard } from './cards/replies.js';
import type { TeamsDeps, TeamsSettings, TeamsTenantBinding, TenantOf } from './deps.js';
import { register as registerCardActions } from './listeners/card-actions/index.js';
import { register as registerFiles } from './listeners/files.js';
import { register as registerCommands } from './listeners/commands.js';
import { register as registerInstall } from './listeners/install.js';
import type { ConnectorFor } from './item-thread.js';
import { teamsLogger } from './logger.js';
import { RouterAdapter } from './router-adapter.js';
import { clientCredentialsAt } from './token.js';
import { CLIENT_TIMEOUT_MS, DEFAULT_SERVICE_URL, connectorClients, credentialsOf } from './connector.js';

export const MESSAGING_ENDPOINT = '/api/messages';

export interface TeamsApp {
  app: App;
  /** POST /api/messages, to mount on the product's Express app. */
  router: Router;
}

type Context = IActivityContext<Activity>;

/**
 * The Teams app at /api/messages on the product's Express app. The SDK checks every request's
 * Bot Framework token (signature, issuer, audience = our app id, expiry, serviceurl = the
 * activity's) before anything here runs; every option is given explicitly, so none of the SDK's
 * own environment variables (CLIENT_ID, SERVICE_URL, DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS…)
 * takes effect. Then: an activity is processed once; only invokes are answered within the
 * request (everything else runs after the 200, so a slow turn is not retried by Teams); and an
 * activity from an Entra tenant no tenant has bound gets a polite card and touches nothing.
 */
export async function createTeamsApp(settings: TeamsSettings, deps: TeamsDeps): Promise<TeamsApp> {
  const adapter = new RouterAdapter();
  const log = deps.logger.child({ module: 'teams' });
  const { openIdMetadataUrl, tokenUrl } = settings.fake ?? {};
  const app = new App({
    clientId: settings.appId,
    tenantId: settings.tenantId,
    ...(tokenUrl ? { token: clientCredentialsAt(tokenUrl, settings.appId, settings.appPassword) } : { clientSecret: settings.appPassword }),
    cloud: openIdMetadataUrl ? withOverrides(PUBLIC, { openIdMetadataUrl }) : PUBLIC,
    serviceUrl: DEFAULT_SERVICE_URL,
    dangerouslyAllowUnauthenticatedRequests: false,
    messagingEndpoint: MESSAGING_ENDPOINT,
    httpServerAdapter: adapter,
    client: { timeout: CLIENT_TIMEOUT_MS },
    logger: teamsLogger(deps.logger, 'teams-sdk'),
    oauth: { fetchUserToken: false },
    activity: { mentions: { stripText: true } },
  });

  // Bindings are read at most once a minute per Entra tenant, like Slack's installations.
  const bindings = cachedFor(INSTALLATION_TTL_MS, (aadTenantId) => deps.tenants.byAadTenant(aadTenantId));
  const bound = new WeakMap<Activity, TeamsTenantBinding>();

  app.use(async (ctx: Context) => {
    const { id, conversation } = ctx.activity;
    // Message ids are unique within a conversation only.
    if (id && (await deps.alreadySeen(`${conversation.id}|${id}`))) {
      log.info({ activity: activityKind(ctx.activity) }, 'Teams delivered an activity again: ignored');
      return undefined;
    }
    return ctx.next();
  });
  app.use(async (ctx: Context) => {
    if (ctx.activity.type === 'invoke') return ctx.next();
    void Promise.resolve(ctx.next()).catch((error: unknown) => log.error({ activity: activityKind(ctx.activity), error: errorText(error) }, 'a Teams activity failed after its response'));
    return undefined;
  });
  app.use(async (ctx: Context) => {
    const aadTenantId = aadTenantOf(ctx.activity);
    const binding = aadTenantId ? await bindings(aadTenantId) : undefined;
    if (binding && binding.appId.toLowerCase() === settings.appId.toLowerCase()) {
      bound.set(ctx.activity, binding);
      return ctx.next();
    }
    return answerNotConnected(ctx, aadTenantId, binding);
  });

  async function answerNotConnected(ctx: Context, aadTenantId: string | undefined, binding: TeamsTenantBinding | undefined) {
    const activity = ctx.activity;
    log.warn({ aadTenantId, boundToApp: binding?.appId, activity: activityKind(activity) },
      binding ? 'Teams activity from an Entra tenant bound to another Teams app: ignored' : 'Teams activity from an Entra tenant no tenant has bound: ignored');
    const card = notConnectedCard(aadTenantId);
    if (activity.type === 'invoke' && 'name' in activity && activity.name === 'adaptiveCard/action') {
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
    }
    const installed = activity.type === 'installationUpdate' && 'action' in activity && activity.action === 'add';
    if (activity.type === 'message' || installed) await ctx.send(card);
    return undefined;
  }

  const tenantOf: TenantOf = (activity) => {
    const binding = bound.get(activity);
    if (!binding) throw new Error('a Teams listener ran without its tenant (the binding middleware must run first)');
    return binding;
  };
  registerInstall(app, { ...deps, tenantOf });
  // Replies, updates and personal chats outside the activity's own turn speak as the tenant's app, like the outbox.
  const connectors = connectorClients(settings, deps.logger);
  const connector: ConnectorFor = (binding, serviceUrl) => connectors(credentialsOf(binding, settings), serviceUrl);
  const listeners = { ...deps, tenantOf, connector, appId: settings.appId, fakeFileHost: settings.fake?.fileHost };
  registerFiles(app, listeners);
  registerCardActions(app, listeners);
  registerCommands(app, { ...deps, tenantOf });
  await app.initialize();
  return { app, router: adapter.router };
}
