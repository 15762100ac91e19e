/** The kinds of Teams conversation the bot can be in. */
export type TeamsConversationType = 'channel' | 'personal' | 'groupChat';

/**
 * A Teams conversation the bot was added to, kept so it can post there later: where its
 * connector is (`serviceUrl`), and the conversation reference as Teams sent it.
 */
export interface TeamsConversationRef {
  conversationId: string;
  conversationType: TeamsConversationType;
  aadTenantId: string;
  serviceUrl: string;
  /** The person whose personal chat this is, when they are linked; null otherwise. */
  userId: string | null;
  reference: Record<string, unknown>;
  /** In a personal chat: the person's home card there (its activity id), when one was posted. */
  homeActivityId?: string | null;
}

/** Where a tenant's Teams conversations are kept. */
export interface TeamsConversations {
  /** Stores the conversation (again: its reference and connector replace the old), its entity matched by the entity's Teams channel. */
  remember(tenantId: string, conversation: TeamsConversationRef): Promise<void>;
  /** The bot was removed from the conversation: it is forgotten. */
  forget(tenantId: string, conversationId: string): Promise<void>;
  /** A conversation kept for the tenant (to post there: its connector), or undefined when the bot was never added to it. */
  find(tenantId: string, conversationId: string): Promise<TeamsConversationRef | undefined>;
  /** The person's personal chat with the bot, when one is kept. */
  personalOf(tenantId: string, userId: string): Promise<TeamsConversationRef | undefined>;
  /** The card just posted in a personal chat is the person's home there (updated in place from now on). */
  keepHome(tenantId: string, conversationId: string, activityId: string): Promise<void>;
  /** The connector the tenant's conversations were last seen on (where a personal chat nobody opened yet is created). */
  serviceUrlOf(tenantId: string): Promise<string | undefined>;
}
