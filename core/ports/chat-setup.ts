import type { ChatKind } from './chat-people.js';

/** How a tenant is set up to be reached in chat: item-thread channels, and people linked to Slack accounts. */
export interface ChatSetup {
  /** A chat's channel of an entity's item threads, or (Slack) the tenant's fallback channel (entityId null). */
  channelOf(chat: ChatKind, entityId: string | null): Promise<string | null>;
  setChannel(chat: ChatKind, entityId: string | null, channel: string): Promise<void>;
  /** Active people not linked to a Slack account yet. */
  unlinkedPeople(): Promise<{ id: string; email: string }[]>;
  linkSlackAccounts(links: { userId: string; slackUserId: string }[]): Promise<void>;
}

/** A chat workspace's member directory. */
export interface ChatDirectory {
  /** The member with this email, or undefined when the workspace has none. */
  userIdByEmail(email: string): Promise<string | undefined>;
}
