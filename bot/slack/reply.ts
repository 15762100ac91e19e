import type { webApi } from '@slack/bolt';
import { visibleEntities, type EntityReach } from '../../core/engine/access.js';
import { todayIn } from '../../core/engine/dates.js';
import { AppError } from '../../core/errors.js';
import { entitiesWithin, itemsDueWithin, myItems } from '../../infra/engine/item-queries.js';
import { loadActor } from '../../infra/stores/tenant-unit.js';
import { loadTenantSettings } from '../../infra/stores/tenant-settings.js';
import type { Runtime } from '../../app/runtime.js';
import { getStatusSummary } from '../../infra/engine/cached-status.js';
import { dueReply, helpReply, mineReply, noRoleReply, statusReply, unknownUserReply, type SlackReply } from './blocks/replies.js';
import { resolveSlackUser } from './identity.js';

export interface CommandInput {
  tenantId: string;
  slackUserId: string;
  text: string;
}

const reachesNothing = (reach: EntityReach) => reach !== 'all' && reach.length === 0;
/** The entity filter the read models take: undefined for every entity. */
const entityFilter = (reach: EntityReach) => (reach === 'all' ? undefined : reach);

/**
 * `status [entity]`: RAG over the entities the asker may read. An entity outside their reach is
 * answered exactly like one that does not exist, so its name is never confirmed.
 */
async function statusCommand(runtime: Runtime, tenantId: string, userId: string, arg: string, now: Date): Promise<SlackReply> {
  const { reach, entities } = await runtime.db.withTenant(tenantId, async (tx) => {
    const r = visibleEntities(await loadActor(tx, userId));
    return { reach: r, entities: await entitiesWithin(tx, r) };
  });
  if (reachesNothing(reach)) return noRoleReply();
  let entityIds = entityFilter(reach);
  let scope = reach === 'all' ? 'all entities' : entities.map((e) => e.name).join(', ') || 'your entities';
  if (arg) {
    const wanted = arg.toLowerCase();
    const match = entities.find((e) => e.name.toLowerCase() === wanted) ?? entities.find((e) => e.name.toLowerCase().includes(wanted));
    if (!match) return helpReply(`No entity matches "${arg}". Entities: ${entities.map((e) => e.name).join(', ')}.`);
    [entityIds, scope] = [[match.id], match.name];
  }
  return statusReply(await getStatusSummary(runtime, tenantId, { entityIds, now }), scope);
}

/** `due [days]`: open items due soon in the entities the asker may read. */
async function dueCommand(runtime: Runtime, tenantId: string, userId: string, arg: string, now: Date): Promise<SlackReply> {
  const days = arg ? Number(arg) : 7;
  if (!Number.isInteger(days) || days < 0 || days > 366) return helpReply(`"${arg}" is not a number of days: try \`/compliance due 14\`.`);
  return runtime.db.withTenant(tenantId, async (tx) => {
    const reach = visibleEntities(await loadActor(tx, userId));
    if (reachesNothing(reach)) return noRoleReply();
    const settings = await loadTenantSettings(tx);
    const today = todayIn(settings.timezone, now);
    return dueReply(await itemsDueWithin(tx, today, days, settings.amberWindowDays, entityFilter(reach)), days, today);
  });
}

/** `/compliance <subcommand>`: parses the text, checks who is asking, and builds the reply. */
export async function complianceCommandReply(runtime: Runtime, client: webApi.WebClient, input: CommandInput, now = runtime.clock.now()): Promise<SlackReply> {
  const userId = await resolveSlackUser(runtime.db, client, input.tenantId, input.slackUserId);
  if (!userId) return unknownUserReply();
  const [sub = 'help', ...rest] = input.text.trim().split(/\s+/).filter(Boolean);
  const arg = rest.join(' ');
  try {
    switch (sub.toLowerCase()) {
      case 'status':
        return await statusCommand(runtime, input.tenantId, userId, arg, now);
      case 'due':
        return await dueCommand(runtime, input.tenantId, userId, arg, now);
      case 'mine':
        // Their own items: what they prepare or approve, whatever their roles.
        return await runtime.db.withTenant(input.tenantId, async (tx) => {
          const settings = await loadTenantSettings(tx);
          return mineReply(await myItems(tx, userId, todayIn(settings.timezone, now), settings.amberWindowDays));
        });
      case 'help':
        return helpReply();
      default:
        return helpReply(`"${sub}" is not a command I know.`);
    }
  } catch (error) {
    if (error instanceof AppError) return helpReply(error.message);
    throw error;
  }
}
