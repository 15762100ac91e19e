import type { ChatAccount, ChatPeople } from '../ports/chat-people.js';

/**
 * The person behind a chat account: by the account they are linked to, else by the email the
 * chat has for them (asked only then), which links them. Only active people count, and nothing
 * is kept between requests: a deactivation (or an admin adding someone) takes effect on the very
 * next request.
 */
export async function resolveChatUser(
  people: ChatPeople, tenantId: string, account: ChatAccount, profileEmail: () => Promise<string | undefined>,
): Promise<string | null> {
  const linked = await people.linked(tenantId, account);
  if (linked) return linked;
  const email = await profileEmail();
  if (!email) return null;
  return people.linkByEmail(tenantId, account, email);
}
