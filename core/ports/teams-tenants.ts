/**
 * An Entra (Azure AD) tenant bound to a tenant for Microsoft Teams, with the Teams app its people
 * talk to. `appPassword` is decrypted; null: the deployment's own app (TEAMS_APP_PASSWORD).
 */
export interface TeamsTenantBinding {
  tenantId: string;
  aadTenantId: string;
  appId: string;
  appPassword: string | null;
}

/** Where Entra tenants are bound to tenants (the app secrets encrypted at rest). */
export interface TeamsTenants {
  /** The binding of an Entra tenant, whichever tenant it belongs to (activities arrive before we know the tenant). */
  byAadTenant(aadTenantId: string): Promise<TeamsTenantBinding | undefined>;
  /** The tenant's binding (the first bound, when it bound several organisations), or undefined when it has none. */
  forTenant(tenantId: string): Promise<TeamsTenantBinding | undefined>;
}
