import { apiUrlOption } from '../../../bot/slack/ids.js';
import { webApi } from '@slack/bolt';
import { systemActor } from '../../../core/engine/access.js';
import { saveSlackInstallation } from '../../../infra/stores/slack-installations.js';
import { entityIdByName } from '../../../infra/stores/entities.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import type { ChatDirectory } from '../../../core/ports/index.js';
import { linkPeopleToSlack } from '../../../core/use-cases/link-people-to-slack.js';
import { recordSlackConnection } from '../../../core/use-cases/record-slack-connection.js';
import { setChatChannel } from '../../../core/use-cases/set-chat-channel.js';
import { tenantWork } from '../../../infra/stores/engine-unit.js';
import { UsageError, optionalString, requireString, type Command } from '../command.js';
import { slackChannelId } from '../../../core/setup/records.js';
import { slackInstallLink } from '../../../bot/slack/oauth.js';

/** The workspace's members by email, as Slack's users.lookupByEmail answers. */
const slackDirectory = (client: webApi.WebClient): ChatDirectory => ({
  async userIdByEmail(email) {
    try {
      return (await client.users.lookupByEmail({ email })).user?.id;
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error !== 'users_not_found') throw error;
      return undefined;
    }
  },
});

const cliActor = systemActor('cli', 'Command line');

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
      const work = tenantWork(rt.db);
      await work.inTenant(tenantId, (unit) => recordSlackConnection(unit, systemActor('cli'), { teamId: auth.team_id!, team: auth.team }));
      io.out(`Connected Slack workspace "${auth.team}" (${auth.team_id}) to tenant "${values.tenant}". Bot user: ${auth.user_id}.`);
      const { linked, total } = await linkPeopleToSlack({ work, directory: slackDirectory(client) }, { tenantId });
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
      await tenantWork(db).inTenant(tenantId, (unit) => setChatChannel(unit, cliActor, { chat: 'slack', entityId, channel }));
      io.out(`Item threads for ${entity ?? 'the tenant'} go to ${channel}.`);
      return 0;
    },
  },
];
