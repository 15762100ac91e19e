import { systemActor } from '../../../core/engine/access.js';
import { bindTeamsTenant } from '../../../infra/stores/teams-tenants.js';
import { tenantIdBySlug } from '../../../infra/stores/tenants.js';
import { UsageError, requireString, type Command } from '../command.js';

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
];
