import type { TeamsDeps } from '../bot/teams/deps.js';
import { seenOnce } from '../infra/cache/seen-once.js';
import { teamsConversations } from '../infra/stores/teams-conversations.js';
import { teamsTenants } from '../infra/stores/teams-tenants.js';
import { teamsUploadPrompts } from '../infra/stores/teams-upload-prompts.js';
import type { Runtime } from './runtime.js';
import { chatPorts } from './chat.js';
import { TEAMS } from './teams-channel.js';

/** Teams retries a turn it thinks was lost (after 15 s, a few times): an hour is plenty. */
const ACTIVITY_TTL_MS = 60 * 60_000;

/** The Teams app's dependencies, on this runtime's database and cache. */
export function teamsDeps(runtime: Pick<Runtime, 'db' | 'logger' | 'services' | 'clock' | 'config'>): TeamsDeps {
  return {
    chat: chatPorts(runtime, TEAMS),
    tenants: teamsTenants(runtime.db, runtime.services.secretBox),
    conversations: teamsConversations(runtime.db),
    clock: runtime.clock,
    logger: runtime.logger,
    alreadySeen: seenOnce(() => runtime.services.redis, 'teams-activity', ACTIVITY_TTL_MS),
    uploadPrompts: teamsUploadPrompts(runtime.db),
    publicUrl: runtime.config.http.publicUrl,
  };
}
