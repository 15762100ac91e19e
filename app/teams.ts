import type { TeamsDeps } from '../bot/teams/deps.js';
import { seenOnce } from '../infra/cache/seen-once.js';
import { chatPeople } from '../infra/chat/chat-people.js';
import { teamsConversations } from '../infra/stores/teams-conversations.js';
import { teamsTenants } from '../infra/stores/teams-tenants.js';
import type { Runtime } from './runtime.js';
import type { Services } from './services.js';

/** Teams retries a turn it thinks was lost (after 15 s, a few times): an hour is plenty. */
const ACTIVITY_TTL_MS = 60 * 60_000;

/** The Teams app's dependencies, on this runtime's database and cache. */
export function teamsDeps(runtime: Pick<Runtime, 'db' | 'logger'> & { services: Pick<Services, 'secretBox' | 'redis'> }): TeamsDeps {
  return {
    tenants: teamsTenants(runtime.db, runtime.services.secretBox),
    conversations: teamsConversations(runtime.db),
    people: chatPeople(runtime.db),
    logger: runtime.logger,
    alreadySeen: seenOnce(() => runtime.services.redis, 'teams-activity', ACTIVITY_TTL_MS),
  };
}
