/** The chat products people reach us from. */
export type ChatKind = 'slack' | 'teams';

/** A person's account in one chat product (Slack user id U…, Teams AAD object id). */
export interface ChatAccount {
  chat: ChatKind;
  id: string;
}

/** Who is behind a chat account. Only active people count; nothing is cached between requests. */
export interface ChatPeople {
  /** The active person linked to this account, or null. */
  linked(tenantId: string, account: ChatAccount): Promise<string | null>;
  /** Links the active person with this email (any case) who has no account in that chat yet: their id, or null. */
  linkByEmail(tenantId: string, account: ChatAccount, email: string): Promise<string | null>;
}
