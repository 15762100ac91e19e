import type { Actor } from '../engine/access.js';
import { ValidationError } from '../errors.js';
import type { ChatKind } from '../ports/chat-people.js';
import type { EngineUnit } from '../ports/index.js';
import { authoriseSetupChange } from './setup-records.js';

/** The column each chat's channel is kept in, as the portal and the audit trail name it. */
const CHANNEL_FIELD: Record<ChatKind, string> = { slack: 'slack_channel_id', teams: 'teams_channel_id' };

/**
 * Sets the channel of an entity's item threads in a chat (or, in Slack without an entity, the
 * tenant's fallback channel): the same setup rule and audit entry as a channel set in the portal.
 */
export async function setChatChannel(
  unit: Pick<EngineUnit, 'tenantId' | 'chatSetup' | 'audit'>,
  actor: Actor,
  input: { chat: ChatKind; entityId: string | null; channel: string },
): Promise<void> {
  const { chat, entityId, channel } = input;
  // Teams has no fallback channel: a team's channels belong to the entities whose threads they hold.
  if (chat === 'teams' && !entityId) throw new ValidationError("Teams item threads are in an entity's own channel: name the entity");
  const field = CHANNEL_FIELD[chat];
  const before = { [field]: await unit.chatSetup.channelOf(chat, entityId) };
  const entry = authoriseSetupChange(actor, {
    objectType: entityId ? 'entity' : 'tenant', op: 'update', objectId: entityId ?? unit.tenantId, entityId, before, after: { [field]: channel },
  });
  await unit.chatSetup.setChannel(chat, entityId, channel);
  await unit.audit.append([entry]);
}
