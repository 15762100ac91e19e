import type { ChatPlatform } from '../core/chat/ports.js';
import type { Clock } from '../core/ports/clock.js';
import type { SlackChannelDeps } from '../bot/slack/deps.js';
import type { SummaryCache } from '../infra/cache/redis.js';
import { workReads } from '../infra/chat/work-reads.js';
import { itemThreads } from '../infra/chat/item-threads.js';
import type { SecretBox } from '../infra/crypto/secret-box.js';
import type { Database } from '../infra/db/database.js';
import { slackInstallations } from '../infra/stores/slack-installations.js';

/*
 * The wiring of the outbox's Slack channel. Apart from app/slack.ts because the services build it
 * before the runtime exists (app/slack.ts needs the runtime).
 */

export const SLACK: ChatPlatform = { chat: 'slack', name: 'Slack' };

/** The outbox's Slack channel's dependencies (built with the services, before the runtime exists). */
export function slackChannelDeps(parts: { db: Database; box: SecretBox; clock: Clock; cache: () => SummaryCache; apiUrl?: string }): SlackChannelDeps {
  const services = { get cache() { return parts.cache(); } };
  return {
    installations: slackInstallations(parts.db, parts.box),
    chat: { platform: SLACK, reads: workReads({ db: parts.db, services }), threads: itemThreads(parts.db) },
    clock: parts.clock,
    apiUrl: parts.apiUrl,
  };
}
