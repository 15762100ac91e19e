import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { App, ExpressReceiver } from '@slack/bolt';
import { slackDeps } from '../../app/slack.js';
import { createSlackApp } from '../../bot/slack/app.js';
import { createHttpApp, listen } from '../../app/http/server.js';
import { openRuntime } from '../../app/runtime.js';
import { seedDemo } from '../../app/seed/demo.js';
import { parseConfig } from '../../core/config.js';
import { saveSlackInstallation } from '../../infra/stores/slack-installations.js';
import { SIGNING_SECRET, signedHeaders, slashCommandBody } from '../support/slack.js';
import { benchDatabase, latencies, latencySummary, printResult, ratioToFloor } from './harness.js';

/**
 * Slack ack latency: 1,000 signed `/compliance status` requests at concurrency 20 against the
 * product's Slack endpoint, and the same load against a bare Bolt app that only acks (the floor).
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

/** Latencies of signed /compliance status requests to a Slack endpoint, from request to ack. */
function load(url: string, responseUrl: string): Promise<number[]> {
  return latencies(REQUESTS, CONCURRENCY, async () => {
    const body = slashCommandBody({ team_id: 'T0BENCH', user_id: 'U0OWNER', text: 'status', response_url: responseUrl });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) }, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  });
}

export async function benchSlack(): Promise<void> {
  const { url, close } = await benchDatabase(10);
  // The ephemeral replies go to a local sink, as Slack's response_url would take them.
  const sink = http.createServer((_req, res) => res.writeHead(200).end('ok'));
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const responseUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/respond`;
  const config = parseConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-slack-')), LOG_LEVEL: process.env.BENCH_LOG ?? 'silent', SLACK_SIGNING_SECRET: SIGNING_SECRET });
  const runtime = await openRuntime(config, { databaseUrl: url });
  try {
    const { tenantId } = await seedDemo(runtime.db, config.dataDir, runtime.clock.now());
    await saveSlackInstallation(runtime.db, runtime.services.secretBox, { tenantId, teamId: 'T0BENCH', teamName: 'Bench', botUserId: 'U0BOT', botToken: 'xoxb-bench' });
    await runtime.db.withTenant(tenantId, ({ trx }) => trx('users').where({ email: 'owner@demo.example' }).update({ slack_user_id: 'U0OWNER' }));
    const slack = createSlackApp({ signingSecret: SIGNING_SECRET }, slackDeps(runtime));
    const product = await listen(createHttpApp({ db: runtime.db, logger: runtime.logger, slackRouter: slack.router }), '127.0.0.1', 0);

    const bareReceiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
    // With the bot's ids given, Bolt needs no auth.test call: the floor is Bolt's own request handling.
    const bare = new App({ receiver: bareReceiver, token: 'xoxb-bare', botId: 'B0BARE', botUserId: 'U0BARE', tokenVerificationEnabled: false });
    bare.command('/compliance', async ({ ack }) => ack());
    const bareServer = await listen(express().use(bareReceiver.router), '127.0.0.1', 0);

    // Warm both up first (caches, JIT, connection pools), then measure each.
    await load(`http://127.0.0.1:${bareServer.port}/slack/events`, responseUrl);
    await load(`http://127.0.0.1:${product.port}/slack/events`, responseUrl);
    const floor = await load(`http://127.0.0.1:${bareServer.port}/slack/events`, responseUrl);
    const measured = await load(`http://127.0.0.1:${product.port}/slack/events`, responseUrl);
    printResult({ bench: 'slack-ack', target: 'bare-bolt', requests: REQUESTS, concurrency: CONCURRENCY, ...latencySummary(floor) });
    printResult({ bench: 'slack-ack', target: 'compliance-os', requests: REQUESTS, concurrency: CONCURRENCY, ...latencySummary(measured) });
    printResult({ bench: 'slack-ack', ...ratioToFloor(measured, floor) });
    await product.close();
    await bareServer.close();
  } finally {
    await runtime.close();
    sink.close();
    await close();
  }
}
