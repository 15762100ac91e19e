import { systemActor } from '../../core/engine/access.js';
import { appendAudit } from '../audit/audit-store.js';
import type { SlackInstallation, SlackInstallations } from '../../core/ports/slack-installations.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';

export type { SlackInstallation };

/** Binds a Slack workspace to a tenant; the bot token is stored encrypted. */
export async function saveSlackInstallation(db: Database, box: SecretBox, install: SlackInstallation): Promise<void> {
  await db.withTenant(install.tenantId, ({ trx }) =>
    trx('slack_installations')
      .insert({
        tenant_id: install.tenantId, team_id: install.teamId, team_name: install.teamName, bot_user_id: install.botUserId,
        bot_token_encrypted: box.seal(install.botToken),
      })
      .onConflict(['enterprise_id', 'team_id'])
      .merge(['team_name', 'bot_user_id', 'bot_token_encrypted', 'updated_at']));
}

interface InstallationRow { tenant_id: string; team_id: string; team_name: string | null; bot_user_id: string | null; bot_token_encrypted: string }
const COLUMNS = ['tenant_id', 'team_id', 'team_name', 'bot_user_id', 'bot_token_encrypted'];

function installationOf(box: SecretBox, row: InstallationRow | undefined): SlackInstallation | undefined {
  if (!row) return undefined;
  return { tenantId: row.tenant_id, teamId: row.team_id, teamName: row.team_name, botUserId: row.bot_user_id, botToken: box.open(row.bot_token_encrypted) };
}

/** The installation for a workspace, whichever tenant it belongs to (requests arrive before we know the tenant). */
export async function findSlackInstallation(db: Database, box: SecretBox, teamId: string): Promise<SlackInstallation | undefined> {
  const row = await db.withSystem((trx) => trx('slack_installations').where({ team_id: teamId }).first(...COLUMNS));
  return installationOf(box, row);
}

/** The tenant a workspace is connected to, read as the platform (the tenant is what we are finding out); its token is left sealed. */
export async function tenantOfSlackWorkspace(db: Database, teamId: string): Promise<string | undefined> {
  const row: { tenant_id: string } | undefined = await db.withSystem((trx) => trx('slack_installations').where({ team_id: teamId }).first('tenant_id'));
  return row?.tenant_id;
}

/** The tenant's installation (the most recently connected workspace, if there are several). */
export async function slackInstallationForTenant(db: Database, box: SecretBox, tenantId: string): Promise<SlackInstallation | undefined> {
  const row = await db.withTenant(tenantId, ({ trx }) => trx('slack_installations').orderBy('updated_at', 'desc').first(...COLUMNS));
  return installationOf(box, row);
}

/** A workspace installed through Slack's OAuth: bound to the tenant, on the tenant's audit trail. */
export async function connectSlackWorkspace(db: Database, box: SecretBox, install: SlackInstallation, audited: Record<string, unknown>): Promise<void> {
  await saveSlackInstallation(db, box, install);
  await db.withTenant(install.tenantId, (tx) => appendAudit(tx, {
    actor: systemActor('slack-oauth', 'Slack install'), action: 'slack.connected', objectType: 'tenant', objectId: install.tenantId, after: audited,
  }));
}

/** The Slack installations port on this database. */
export function slackInstallations(db: Database, box: SecretBox): SlackInstallations {
  return {
    byTeam: (teamId) => findSlackInstallation(db, box, teamId),
    forTenant: (tenantId) => slackInstallationForTenant(db, box, tenantId),
    connect: (install, audited) => connectSlackWorkspace(db, box, install, audited),
  };
}
