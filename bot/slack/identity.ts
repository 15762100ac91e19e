import type { webApi } from '@slack/bolt';
import { resolveChatUser } from '../../core/chat/identity.js';
import type { ChatPorts } from '../../core/chat/ports.js';
import type { ChatAccount } from '../../core/ports/chat-people.js';

export const slackAccount = (slackUserId: string): ChatAccount => ({ chat: 'slack', id: slackUserId });

/** The email Slack has for a user (users.info), asked only when they are not linked yet. */
export const slackProfileEmail = (client: webApi.WebClient, slackUserId: string) => async (): Promise<string | undefined> =>
  (await client.users.info({ user: slackUserId })).user?.profile?.email;

/** The product user behind a Slack user (core's rule), or null. */
export function resolveSlackUser(chat: Pick<ChatPorts, 'people'>, client: webApi.WebClient, tenantId: string, slackUserId: string): Promise<string | null> {
  return resolveChatUser(chat.people, tenantId, slackAccount(slackUserId), slackProfileEmail(client, slackUserId));
}
