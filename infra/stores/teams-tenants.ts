import { systemActor } from '../../core/engine/access.js';
import { ConflictError } from '../../core/errors.js';
import type { TeamsTenantBinding, TeamsTenants } from '../../core/ports/teams-tenants.js';
import { appendAudit } from '../audit/audit-store.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';

export type { TeamsTenantBinding };

interface BindingRow { tenant_id: string; aad_tenant_id: string; app_id: string; app_password_encrypted: string | null }
const COLUMNS = ['tenant_id', 'aad_tenant_id', 'app_id', 'app_password_encrypted'];

function bindingOf(box: SecretBox, row: BindingRow | undefined): TeamsTenantBinding | undefined {
  if (!row) return undefined;
  return {
    tenantId: row.tenant_id, aadTenantId: row.aad_tenant_id, appId: row.app_id,
    appPassword: row.app_password_encrypted === null ? null : box.open(row.app_password_encrypted),
  };
}

/** The binding of an Entra tenant, read as the platform (the tenant is what we are finding out). */
export async function findTeamsTenant(db: Database, box: SecretBox, aadTenantId: string): Promise<TeamsTenantBinding | undefined> {
  const row = await db.withSystem((trx) => trx('teams_tenants').where({ aad_tenant_id: aadTenantId.toLowerCase() }).first(...COLUMNS));
  return bindingOf(box, row);
}

/**
 * Binds an Entra tenant to a tenant (again: its app and secret are replaced), on the tenant's
 * audit trail; the secret is sealed before it reaches the database. An Entra tenant bound to
 * another tenant is refused, saying so.
 */
export async function bindTeamsTenant(db: Database, box: SecretBox, binding: TeamsTenantBinding, by = systemActor('teams-connect', 'Teams connect')): Promise<void> {
  const aadTenantId = binding.aadTenantId.toLowerCase();
  const owner: { tenant_id: string } | undefined = await db.withSystem((trx) => trx('teams_tenants').where({ aad_tenant_id: aadTenantId }).first('tenant_id'));
  if (owner && owner.tenant_id !== binding.tenantId) {
    throw new ConflictError(`The Entra tenant ${aadTenantId} is already bound to another tenant: unbind it there first`);
  }
  await db.withTenant(binding.tenantId, async (tx) => {
    await tx.trx('teams_tenants')
      .insert({
        tenant_id: binding.tenantId, aad_tenant_id: aadTenantId, app_id: binding.appId,
        app_password_encrypted: binding.appPassword === null ? null : box.seal(binding.appPassword),
      })
      .onConflict(['tenant_id', 'aad_tenant_id'])
      .merge(['app_id', 'app_password_encrypted', 'updated_at']);
    await appendAudit(tx, {
      actor: by, action: 'teams.connected', objectType: 'tenant', objectId: binding.tenantId,
      after: { aadTenantId, appId: binding.appId, ownSecret: binding.appPassword !== null },
    });
  });
}

/** The Teams tenant bindings port on this database. */
export function teamsTenants(db: Database, box: SecretBox): TeamsTenants {
  return {
    byAadTenant: (aadTenantId) => findTeamsTenant(db, box, aadTenantId),
    forTenant: async (tenantId) => bindingOf(box, await db.withTenant(tenantId, ({ trx }) =>
      trx('teams_tenants').where({ tenant_id: tenantId }).orderBy('created_at').first(...COLUMNS))),
  };
}
