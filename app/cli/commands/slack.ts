import { apiUrlOption } from '../../../bot/slack/ids.js';
import { webApi } from '@slack/bolt';
import { systemActor } from '../../../core/engine/access.js';
import { appendAudit } from '../../../infra/audit/audit-store.js';
import { saveSlackInstallation } from '../../../infra/stores/slack-installations.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import type { Database } from '../../../infra/db/database.js';
import { UsageError, entityIdByName, optionalString, requireString, type Command } from '../command.js';
import { slackChannelId } from '../../../core/setup/records.js';
import { authoriseSetupChange } from '../../../core/use-cases/setup-records.js';
import { slackInstallLink } from '../../../bot/slack/oauth.js';

/** Links the tenant's users to Slack accounts with the same email, so reminders reach them in Slack. */
async function linkUsersByEmail(db: Database, client: webApi.WebClient, tenantId: string): Promise<{ linked: number; total: number }> {
  const users: { id: string; email: string }[] = await db.withTenant(tenantId, ({ trx }) =>
    trx('users').where({ tenant_id: tenantId, is_active: true }).whereNull('slack_user_id').select('id', 'email'));
  const links: { id: string; slackUserId: string }[] = [];
  for (const user of users) {
    try {
      const found = await client.users.lookupByEmail({ email: user.email });
      if (found.user?.id) links.push({ id: user.id, slackUserId: found.user.id });
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error !== 'users_not_found') throw error;
    }
  }
  // Slack is asked first, then every link is written in one transaction.
  await db.withTenant(tenantId, async ({ trx }) => {
    for (const link of links) await trx('users').where({ id: link.id }).update({ slack_user_id: link.slackUserId });
  });
  return { linked: links.length, total: users.length };
}

export const slackCommands: Command[] = [
  {
    words: ['slack', 'install-link'],
    usage: 'slack install-link --tenant <slug>',
    summary: "A signed link (valid 7 days) for the tenant's admin to add the app to their Slack workspace (OAuth install).",
    options: { tenant: { type: 'string' } },
    async run({ runtime, config, io }, values) {
      if (!config.slack?.oauth) throw new UsageError('set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (with SLACK_SIGNING_SECRET) for the OAuth install');
      const rt = await runtime();
      const tenantId = await tenantIdBySlug(rt.db, requireString(values, 'tenant'));
      io.out(slackInstallLink(rt, tenantId));
      return 0;
    },
  },
  {
    words: ['slack', 'connect'],
    usage: 'slack connect --tenant <slug>',
    summary: 'Bind the workspace of SLACK_BOT_TOKEN to a tenant (reads the team from auth.test); the token is stored encrypted.',
    options: { tenant: { type: 'string' } },
    async run({ runtime, config, io }, values) {
      if (!config.slack?.botToken) throw new UsageError('set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN first (see README, Slack)');
      const rt = await runtime();
      const tenantId = await tenantIdBySlug(rt.db, requireString(values, 'tenant'));
      const client = new webApi.WebClient(config.slack.botToken, { ...apiUrlOption(config.slack.apiUrl), retryConfig: { retries: 1 } });
      const auth = await client.auth.test();
      if (!auth.team_id) throw new UsageError('auth.test did not name a team: is SLACK_BOT_TOKEN a bot token?');
      await saveSlackInstallation(rt.db, rt.services.secretBox, {
        tenantId, teamId: auth.team_id, teamName: auth.team ?? null, botUserId: auth.user_id ?? null, botToken: config.slack.botToken,
      });
      await rt.db.withTenant(tenantId, (tx) => appendAudit(tx, {
        actor: systemActor('cli'), action: 'slack.connected', objectType: 'tenant', objectId: tenantId, after: { teamId: auth.team_id, team: auth.team },
      }));
      io.out(`Connected Slack workspace "${auth.team}" (${auth.team_id}) to tenant "${values.tenant}". Bot user: ${auth.user_id}.`);
      const { linked, total } = await linkUsersByEmail(rt.db, client, tenantId);
      io.out(`Linked ${linked} of ${total} unlinked user(s) to Slack by email; the rest link themselves on their first /compliance command.`);
      return 0;
    },
  },
  {
    words: ['slack', 'channel'],
    usage: 'slack channel --tenant <slug> --channel <C…> [--entity <name>]',
    summary: "Set the Slack channel for an entity's item threads (or, without --entity, the tenant's fallback channel).",
    options: { tenant: { type: 'string' }, channel: { type: 'string' }, entity: { type: 'string' } },
    async run({ runtime, io }, values) {
      const channel = requireString(values, 'channel');
      const valid = slackChannelId.safeParse(channel);
      if (!valid.success) throw new UsageError(`${channel}: ${valid.error.issues[0]!.message}`);
      const { db } = await runtime();
      const tenantId = await tenantIdBySlug(db, requireString(values, 'tenant'));
      const entity = optionalString(values, 'entity');
      const entityId = entity ? await entityIdByName(db, tenantId, entity) : null;
      await db.withTenant(tenantId, async (tx) => {
        const table = entityId ? 'entities' : 'tenants';
        const id = entityId ?? tenantId;
        const before = await tx.trx(table).where({ id }).first('slack_channel_id');
        await tx.trx(table).where({ id }).update({ slack_channel_id: channel });
        // The same setup rule and audit entry as a channel set in the portal.
        await appendAudit(tx, authoriseSetupChange(systemActor('cli', 'Command line'), {
          objectType: entityId ? 'entity' : 'tenant', op: 'update', objectId: id, entityId, before, after: { slack_channel_id: channel },
        }));
      });
      io.out(`Item threads for ${entity ?? 'the tenant'} go to ${channel}.`);
      return 0;
    },
  },
];
