import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { teamsAppPackage } from '../../../bot/teams/app-package.js';
import { systemActor } from '../../../core/engine/access.js';
import { teamsChannelId } from '../../../core/setup/records.js';
import { setChatChannel } from '../../../core/use-cases/set-chat-channel.js';
import { entityIdByName } from '../../../infra/stores/entities.js';
import { tenantWork } from '../../../infra/stores/engine-unit.js';
import { teamsConversations } from '../../../infra/stores/teams-conversations.js';
import { bindTeamsTenant } from '../../../infra/stores/teams-tenants.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import { UsageError, optionalString, requireString, type Command } from '../command.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const teamsCommands: Command[] = [
  {
    words: ['teams', 'connect'],
    usage: 'teams connect --tenant <slug> --aad-tenant <directory id>',
    summary: "Bind a Microsoft 365 organisation (its Entra directory id) to a tenant, served by this deployment's Teams app (TEAMS_APP_ID).",
    options: { tenant: { type: 'string' }, 'aad-tenant': { type: 'string' } },
    async run({ runtime, config, io }, values) {
      if (!config.teams) throw new UsageError('set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID first (see README, Microsoft Teams)');
      const aadTenantId = requireString(values, 'aad-tenant');
      if (!GUID.test(aadTenantId)) throw new UsageError(`--aad-tenant: ${aadTenantId} is not a directory (tenant) id: it is a GUID, shown in the Entra admin center (Overview → Tenant ID) and on the bot's "not connected" card`);
      const rt = await runtime();
      const tenantId = await tenantIdBySlug(rt.db, requireString(values, 'tenant'));
      await bindTeamsTenant(rt.db, rt.services.secretBox, { tenantId, aadTenantId, appId: config.teams.appId, appPassword: null }, systemActor('cli', 'Command line'));
      io.out(`Connected the Microsoft 365 organisation ${aadTenantId.toLowerCase()} to tenant "${values.tenant}": its Teams activities now reach this tenant (within a minute).`);
      return 0;
    },
  },
  {
    words: ['teams', 'manifest'],
    usage: 'teams manifest [--out <file.zip>] [--public-url <https://host>]',
    summary: "Write the Teams app package (manifest.json with this deployment's app id and address, and its icons) to upload in Teams.",
    options: { out: { type: 'string' }, 'public-url': { type: 'string' } },
    async run({ config, io }, values) {
      if (!config.teams) throw new UsageError('set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID first: the package names the bot\'s app id (see README, Microsoft Teams)');
      const publicUrl = optionalString(values, 'public-url') ?? config.http.publicUrl;
      let zip: Buffer;
      try {
        zip = await teamsAppPackage({ appId: config.teams.appId, publicUrl });
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const out = path.resolve(optionalString(values, 'out') ?? 'compliance-os-teams.zip');
      await writeFile(out, zip);
      io.out(`Wrote ${out} (${(zip.length / 1024).toFixed(1)} KB) for app ${config.teams.appId} at ${new URL(publicUrl).origin}. Upload it in Teams: Apps → Manage your apps → Upload an app.`);
      return 0;
    },
  },
  {
    words: ['teams', 'channel'],
    usage: 'teams channel --tenant <slug> --entity <name> --channel <19:…@thread.tacv2>',
    summary: "Set the Teams channel of an entity's item threads (its root cards and their replies).",
    options: { tenant: { type: 'string' }, entity: { type: 'string' }, channel: { type: 'string' } },
    async run({ runtime, io }, values) {
      const valid = teamsChannelId.safeParse(requireString(values, 'channel'));
      if (!valid.success) throw new UsageError(`--channel: ${valid.error.issues[0]!.message}`);
      const channel = valid.data;
      const entity = requireString(values, 'entity');
      const { db } = await runtime();
      const tenantId = await tenantIdBySlug(db, requireString(values, 'tenant'));
      const entityId = await entityIdByName(db, tenantId, entity);
      await tenantWork(db).inTenant(tenantId, (unit) => setChatChannel(unit, systemActor('cli', 'Command line'), { chat: 'teams', entityId, channel }));
      io.out(`Item threads for ${entity} go to the Teams channel ${channel}.`);
      // Posting there needs the app in the channel's team; until it is, its messages go by email.
      if (!(await teamsConversations(db).find(tenantId, channel))) {
        io.out('Compliance OS has not been added to that channel\'s team yet: add it in Teams (Apps → Compliance OS → Add to a team). Until then its messages go by email.');
      }
      return 0;
    },
  },
];
