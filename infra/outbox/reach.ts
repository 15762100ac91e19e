import type { Reach } from '../../core/ports/reach.js';
import type { ChatReachSql } from '../channels/chat-reach-sql.js';
import { slackReach } from '../channels/slack-reach.js';
import { teamsReach } from '../channels/teams-reach.js';

export type { ChatReachSql };

/**
 * The chat channels that can reach people, in order of preference (email reaches everyone). A
 * chat channel adds its own `…Reach` here; whether it is configured in this process does not
 * matter: the outbox row waits for the process that sends it. A tenant with both chats bound
 * reaches each person in one of them: Slack when they are linked there, else Teams (one row per
 * person and message, so never both).
 */
export const CHAT_REACH: readonly ChatReachSql[] = [slackReach, teamsReach];

/** SQL true when the tenant `t` has any chat connected (its items can have threads there). */
export const CHAT_CONNECTED_SQL = CHAT_REACH.map((chat) => chat.connected('t.id')).join(' OR ');

/** SQL true when the item `i` has its thread in any chat (its thread is not opened again). */
export const CHAT_THREADED_SQL = `(${CHAT_REACH.map((chat) => chat.threaded).join(' OR ')})`;

/** A chat's reach from what was read: connected, and the people linked there. */
export const reachOf = (channel: Reach['channel'], connected: boolean, linked: ReadonlySet<string>): Reach => ({
  channel, connected, reaches: (userId) => connected && linked.has(userId),
});
