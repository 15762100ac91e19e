import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { teamsAppPackage } from '../../../bot/teams/app-package.js';
import { systemActor } from '../../../core/engine/access.js';
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
];
