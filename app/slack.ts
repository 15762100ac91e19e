import type { ChatPlatform, ChatPorts } from '../core/chat/ports.js';
import type { SlackDeps } from '../bot/slack/deps.js';
import { seenOnce } from '../infra/cache/seen-once.js';
import { chatPeople } from '../infra/chat/chat-people.js';
import { evidenceFiles } from '../infra/chat/evidence-files.js';
import { itemThreads } from '../infra/chat/item-threads.js';
import { workReads } from '../infra/chat/work-reads.js';
import { isDatabaseUnreachable } from '../infra/db/unreachable.js';
import { useCaseRunner } from '../infra/stores/run-as-user.js';
import { slackInstallations } from '../infra/stores/slack-installations.js';
import type { Runtime } from './runtime.js';
import { SLACK } from './slack-channel.js';

/*
 * The wiring of the chat seam and of Slack: which adapters in infra/ serve core/chat's ports and
 * the Slack app's dependencies. `runtime` (and its services) is read at each call, so what a test
 * swaps in takes effect.
 */

/** Slack retries an event it thinks was lost within minutes: an hour is plenty. */
const EVENT_TTL_MS = 60 * 60_000;

export function chatPorts(runtime: Pick<Runtime, 'db' | 'services' | 'clock' | 'config'>, platform: ChatPlatform): ChatPorts {
  return {
    platform,
    people: chatPeople(runtime.db),
    reads: workReads(runtime),
    runner: useCaseRunner(runtime),
    threads: itemThreads(runtime.db),
    files: evidenceFiles(runtime),
    clock: runtime.clock,
    evidenceMaxBytes: runtime.config.evidenceMaxBytes,
  };
}

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
