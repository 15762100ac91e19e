import type { webApi } from '@slack/bolt';
import { homeView, messageHome } from '../../core/chat/home.js';
import type { ChatPorts } from '../../core/chat/ports.js';
import type { ChatText } from '../../core/chat/text.js';
import { homeTab } from './blocks/answer.js';

/** Publishes the person's App Home as it is now; `notice` (a button's outcome) shows at the top. */
export async function publishHome(
  chat: Pick<ChatPorts, 'platform' | 'reads'>, client: webApi.WebClient, tenantId: string, userId: string | null, slackUserId: string, now: Date, notice?: ChatText,
): Promise<void> {
  await client.views.publish({ user_id: slackUserId, view: homeTab(await homeView(chat, tenantId, userId, now, notice)) });
}

/** Shows one message in the person's Home, e.g. when their items cannot be read right now. */
export async function publishNotice(client: webApi.WebClient, slackUserId: string, text: ChatText): Promise<void> {
  await client.views.publish({ user_id: slackUserId, view: homeTab(messageHome(text)) });
}
