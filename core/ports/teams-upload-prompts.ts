/** A person asked, in their personal Teams chat, for the filing proof of an item. */
export interface TeamsUploadPrompt {
  id: string;
  instanceId: string;
  /** The prompt's message in the personal chat (a file sent in reply to it names it). */
  activityId: string;
}

/** Pending "send the proof here" requests in Teams personal chats, until they expire or are answered. */
export interface TeamsUploadPrompts {
  add(tenantId: string, prompt: { userId: string; instanceId: string; conversationId: string; activityId: string; expiresAt: Date }): Promise<void>;
  /**
   * The person's open request a file answers: the one it replies to (`quoted`, a prompt's message
   * id) when it names one, else their latest; expired ones never.
   */
  pending(tenantId: string, userId: string, now: Date, quoted?: string): Promise<TeamsUploadPrompt | undefined>;
  /** The request was answered with evidence: it is closed. */
  answered(tenantId: string, id: string): Promise<void>;
}
