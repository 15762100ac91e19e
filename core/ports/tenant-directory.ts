/** The tenants the platform serves (jobs and platform views work tenant by tenant). */
export interface TenantDirectory {
  /** The active tenants with their timezones, in a stable order. */
  active(): Promise<{ id: string; timezone: string }[]>;
}
