import type { webApi } from '@slack/bolt';
import { todayIn } from '../../core/engine/dates.js';
import { AppError } from '../../core/errors.js';
import { itemsDueWithin, myItems } from '../../core/infra/engine/item-queries.js';
import { loadTenantSettings } from '../../core/infra/stores/tenant-settings.js';
import type { Runtime } from '../../app/runtime.js';
import { getStatusSummary } from '../../app/status.js';
import { dueReply, helpReply, mineReply, statusReply, unknownUserReply, type SlackReply } from './blocks/replies.js';
import { resolveSlackUser } from './identity.js';

export interface CommandInput {
  tenantId: string;
  slackUserId: string;
  text: string;
}

/** `/compliance <subcommand>`: parses the text, checks who is asking, and builds the reply. */
export async function complianceCommandReply(runtime: Runtime, client: webApi.WebClient, input: CommandInput, now = new Date()): Promise<SlackReply> {
  const userId = await resolveSlackUser(runtime.db, client, input.tenantId, input.slackUserId);
  if (!userId) return unknownUserReply();
  const [sub = 'help', ...rest] = input.text.trim().split(/\s+/).filter(Boolean);
  const arg = rest.join(' ');
  const { db } = runtime;
  try {
    switch (sub.toLowerCase()) {
      case 'status': {
        let entityId: string | undefined;
        let scope = 'all entities';
        if (arg) {
          const entities: { id: string; name: string }[] = await db.withTenant(input.tenantId, ({ trx }) => trx('entities').where({ is_active: true }).select('id', 'name'));
          const match = entities.find((e) => e.name.toLowerCase() === arg.toLowerCase()) ?? entities.find((e) => e.name.toLowerCase().includes(arg.toLowerCase()));
          if (!match) return helpReply(`No entity matches "${arg}". Entities: ${entities.map((e) => e.name).join(', ')}.`);
          [entityId, scope] = [match.id, match.name];
        }
        return statusReply(await getStatusSummary(runtime, input.tenantId, { entityId, now }), scope);
      }
      case 'due': {
        const days = arg ? Number(arg) : 7;
        if (!Number.isInteger(days) || days < 0 || days > 366) return helpReply(`"${arg}" is not a number of days: try \`/compliance due 14\`.`);
        return db.withTenant(input.tenantId, async (tx) => {
          const settings = await loadTenantSettings(tx);
          const today = todayIn(settings.timezone, now);
          return dueReply(await itemsDueWithin(tx, today, days, settings.amberWindowDays), days, today);
        });
      }
      case 'mine':
        return db.withTenant(input.tenantId, async (tx) => {
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
