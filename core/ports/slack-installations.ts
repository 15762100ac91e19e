/** A Slack workspace bound to a tenant, with its (decrypted) bot token. */
export interface SlackInstallation {
  tenantId: string;
  teamId: string;
  teamName: string | null;
  botUserId: string | null;
  botToken: string;
}

/** Where Slack workspaces are kept (the tokens encrypted at rest). */
export interface SlackInstallations {
  /** The installation for a workspace, whichever tenant it belongs to (requests arrive before we know the tenant). */
  byTeam(teamId: string): Promise<SlackInstallation | undefined>;
  /** The tenant's installation (the most recently connected workspace, if there are several). */
  forTenant(tenantId: string): Promise<SlackInstallation | undefined>;
  /** Binds a workspace installed through OAuth to its tenant, on the tenant's audit trail (`audited`: what it records). */
  connect(install: SlackInstallation, audited: Record<string, unknown>): Promise<void>;
}
