import type { SlackDeps } from '../bot/slack/deps.js';
import { seenOnce } from '../infra/cache/seen-once.js';
import { isDatabaseUnreachable } from '../infra/db/unreachable.js';
import { slackInstallations } from '../infra/stores/slack-installations.js';
import { chatPorts } from './chat.js';
import type { Runtime } from './runtime.js';
import { SLACK } from './slack-channel.js';

/* The wiring of Slack: the Slack app's dependencies, on the runtime's parts. */

/** Slack retries an event it thinks was lost within minutes: an hour is plenty. */
const EVENT_TTL_MS = 60 * 60_000;

/** The Slack app's dependencies (Bolt, listeners, OAuth). */
export function slackDeps(runtime: Runtime): SlackDeps {
  return {
    chat: chatPorts(runtime, SLACK),
    installations: slackInstallations(runtime.db, runtime.services.secretBox),
    logger: runtime.logger,
    clock: runtime.clock,
    alreadySeen: seenOnce(() => runtime.services.redis, 'slack-event', EVENT_TTL_MS),
    isDatabaseUnreachable,
    appSecret: runtime.services.appSecret,
    publicUrl: runtime.config.http.publicUrl,
  };
}
