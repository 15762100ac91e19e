import type { Actor } from '../engine/access.js';
import type { EngineUnit } from '../ports/index.js';
import { authoriseSetupChange } from './setup-records.js';

/**
 * Sets the Slack channel of an entity's item threads (or, without an entity, the tenant's
 * fallback channel): the same setup rule and audit entry as a channel set in the portal.
 */
export async function setSlackChannel(
  unit: Pick<EngineUnit, 'tenantId' | 'chatSetup' | 'audit'>,
  actor: Actor,
  input: { entityId: string | null; channel: string },
): Promise<void> {
  const { entityId, channel } = input;
  const before = { slack_channel_id: await unit.chatSetup.slackChannel(entityId) };
  const entry = authoriseSetupChange(actor, {
    objectType: entityId ? 'entity' : 'tenant', op: 'update', objectId: entityId ?? unit.tenantId, entityId, before, after: { slack_channel_id: channel },
  });
  await unit.chatSetup.setSlackChannel(entityId, channel);
  await unit.audit.append([entry]);
}
