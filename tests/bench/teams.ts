import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import { createHttpApp, listen } from '../../app/http/server.js';
import { openRuntime } from '../../app/runtime.js';
import { seedDemo } from '../../app/seed/demo.js';
import { teamsDeps } from '../../app/teams.js';
import { createTeamsApp, MESSAGING_ENDPOINT } from '../../bot/teams/app.js';
import { CARD_ACTIONS } from '../../bot/teams/ids.js';
import { teamsLogger } from '../../bot/teams/logger.js';
import { RouterAdapter } from '../../bot/teams/router-adapter.js';
import { clientCredentialsAt } from '../../bot/teams/token.js';
import { parseConfig } from '../../core/config.js';
import { todayIn } from '../../core/engine/dates.js';
import { createLogger } from '../../infra/logger.js';
import { bindTeamsTenant } from '../../infra/stores/teams-tenants.js';
import {
  BOT_APP_ID, BOT_APP_PASSWORD, BOT_TENANT_ID, botFrameworkToken, cardActionActivity, postActivity, startFakeTeams, type ActivityPlace,
} from '../support/fake-teams.js';
import { DEMO_CLOCK_AT } from '../support/demo-clock.js';
import { benchDatabase, latencies, latencySummary, printResult, ratioToFloor } from './harness.js';

/**
 * Teams card-action latency: 1,000 signed adaptiveCard/action invokes at concurrency 20 against
 * the product's /api/messages, each answered within its request — Acknowledge on an overdue
 * item by the CFO (the person resolved, core's use case in the tenant's transaction, the card
 * answered) and the root card's per-person refresh (core's choices read, the card built) — and
 * the same load on a bare Teams SDK app answering every invoke with a fixed message (the floor:
 * the SDK's token check and routing, with the same checks on).
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const AAD = '7d3f2c1a-9b8e-4a6d-8c5b-3e2f1a0d9c8b';
const CFO = { aadObjectId: '0a1b2c3d-1111-4222-8333-000000000003', name: 'Chitra CFO' };

/** The bare floor: the SDK as the product configures it, answering every card action at once. */
async function bareTeamsApp(openIdMetadataUrl: string, tokenUrl: string) {
  const adapter = new RouterAdapter();
  const app = new App({
    clientId: BOT_APP_ID, tenantId: BOT_TENANT_ID, token: clientCredentialsAt(tokenUrl, BOT_APP_ID, BOT_APP_PASSWORD),
    cloud: withOverrides(PUBLIC, { openIdMetadataUrl }), dangerouslyAllowUnauthenticatedRequests: false,
    messagingEndpoint: MESSAGING_ENDPOINT, httpServerAdapter: adapter, logger: teamsLogger(createLogger('silent'), 'bare'),
  });
  app.on('card.action', async () => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done' }));
  await app.initialize();
  return listen(express().use(adapter.router), '127.0.0.1', 0);
}

export async function benchTeams(): Promise<void> {
  const { url, close } = await benchDatabase(10);
  const fake = await startFakeTeams();
  const config = parseConfig({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-teams-')), LOG_LEVEL: process.env.BENCH_LOG ?? 'silent',
    TEAMS_APP_ID: BOT_APP_ID, TEAMS_APP_PASSWORD: BOT_APP_PASSWORD, TEAMS_TENANT_ID: BOT_TENANT_ID,
    TEAMS_OPENID_METADATA_URL: fake.openIdMetadataUrl, TEAMS_TOKEN_URL: fake.tokenUrl,
    // The demo's moment, when it has overdue items to acknowledge.
    CLOCK_AT: DEMO_CLOCK_AT,
  });
  const runtime = await openRuntime(config, { databaseUrl: url });
  try {
    const { tenantId } = await seedDemo(runtime.db, config.dataDir, runtime.clock.now());
    await bindTeamsTenant(runtime.db, runtime.services.secretBox, { tenantId, aadTenantId: AAD, appId: BOT_APP_ID, appPassword: null });
    const overdue: string[] = await runtime.db.withTenant(tenantId, async ({ trx }) => {
      await trx('users').where({ email: 'cfo@demo.example' }).update({ teams_user_id: CFO.aadObjectId });
      return trx('compliance_instances').where({ tenant_id: tenantId, status: 'pending' }).where('due_date', '<', todayIn('Asia/Kolkata', runtime.clock.now())).pluck('id');
    });
    if (overdue.length === 0) throw new Error('the demo tenant has no overdue item to acknowledge');
    const teams = await createTeamsApp(config.teams!, teamsDeps(runtime));
    const product = await listen(createHttpApp({ db: runtime.db, logger: runtime.logger, teamsRouter: teams.router }), '127.0.0.1', 0);
    const bare = await bareTeamsApp(fake.openIdMetadataUrl, fake.tokenUrl);

    // One token for the whole run (Teams signs one per request; signing here would time the load generator).
    const token = botFrameworkToken(fake.url);
    const personal: ActivityPlace = { serviceUrl: fake.url, aadTenantId: AAD, from: CFO, conversation: { id: `a:1personal-${CFO.aadObjectId}`, conversationType: 'personal' } };
    let n = 0;
    const press = (port: number, action: string) => async () => {
      const instanceId = overdue[n++ % overdue.length]!;
      const res = await postActivity(`http://127.0.0.1:${port}`, cardActionActivity(personal, { action, instanceId }), token);
      const body = await res.json() as { statusCode?: number };
      if (res.status !== 200 || body.statusCode !== 200) throw new Error(`invoke answered HTTP ${res.status}: ${JSON.stringify(body)}`);
    };
    const run = (port: number, action: string) => latencies(REQUESTS, CONCURRENCY, press(port, action));

    // Warm each up first (JIT, pools, the bindings cache), then measure.
    await run(bare.port, CARD_ACTIONS.acknowledgeEscalation);
    await run(product.port, CARD_ACTIONS.refresh);
    const floor = await run(bare.port, CARD_ACTIONS.acknowledgeEscalation);
    const acknowledge = await run(product.port, CARD_ACTIONS.acknowledgeEscalation);
    const refresh = await run(product.port, CARD_ACTIONS.refresh);
    const common = { bench: 'teams-invoke', requests: REQUESTS, concurrency: CONCURRENCY };
    printResult({ ...common, target: 'bare-teams-sdk', ...latencySummary(floor) });
    printResult({ ...common, target: 'compliance-os', action: 'acknowledge', ...latencySummary(acknowledge), ...ratioToFloor(acknowledge, floor) });
    printResult({ ...common, target: 'compliance-os', action: 'refresh', ...latencySummary(refresh), ...ratioToFloor(refresh, floor) });
    await product.close();
    await bare.close();
  } finally {
    await runtime.close();
    await fake.close();
    await close();
  }
}
