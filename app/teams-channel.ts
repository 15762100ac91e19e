import type { TeamsChannelDeps, TeamsSettings } from '../bot/teams/deps.js';
import type { ChatPlatform } from '../core/chat/ports.js';
import type { Clock } from '../core/ports/clock.js';
import type { SummaryCache } from '../infra/cache/redis.js';
import { workReads } from '../infra/chat/work-reads.js';
import { itemThreads } from '../infra/chat/item-threads.js';
import type { SecretBox } from '../infra/crypto/secret-box.js';
import type { Database } from '../infra/db/database.js';
import type { Logger } from '../infra/logger.js';
import { teamsConversations } from '../infra/stores/teams-conversations.js';
import { teamsTenants } from '../infra/stores/teams-tenants.js';

/*
 * The wiring of the outbox's Teams channel. Apart from app/teams.ts because the services build it
 * before the runtime exists (as app/slack-channel.ts does for Slack).
 */

export const TEAMS: ChatPlatform = { chat: 'teams', name: 'Teams' };

/** The outbox's Teams channel's dependencies (built with the services, before the runtime exists). */
export function teamsChannelDeps(parts: { db: Database; box: SecretBox; clock: Clock; logger: Logger; settings: TeamsSettings; cache: () => SummaryCache }): TeamsChannelDeps {
  const services = { get cache() { return parts.cache(); } };
  return {
    tenants: teamsTenants(parts.db, parts.box),
    conversations: teamsConversations(parts.db),
    chat: { platform: TEAMS, reads: workReads({ db: parts.db, services }), threads: itemThreads(parts.db) },
    clock: parts.clock,
    settings: parts.settings,
    logger: parts.logger,
  };
}
