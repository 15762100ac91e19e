/** How a tenant is set up to be reached in Slack: item-thread channels and people linked to Slack accounts. */
export interface ChatSetup {
  /** The Slack channel of an entity's item threads, or the tenant's fallback channel (entityId null). */
  slackChannel(entityId: string | null): Promise<string | null>;
  setSlackChannel(entityId: string | null, channel: string): Promise<void>;
  /** Active people not linked to a Slack account yet. */
  unlinkedPeople(): Promise<{ id: string; email: string }[]>;
  linkSlackAccounts(links: { userId: string; slackUserId: string }[]): Promise<void>;
}

/** A chat workspace's member directory. */
export interface ChatDirectory {
  /** The member with this email, or undefined when the workspace has none. */
  userIdByEmail(email: string): Promise<string | undefined>;
}
