import type { Activity, IConversationUpdateActivity } from '@microsoft/teams.api';
import type { App, IActivityContext } from '@microsoft/teams.apps';
import { conversationIdOf, conversationTypeOf, keptConversation } from '../conversation.js';
import type { TeamsDeps, TenantOf } from '../deps.js';

type ListenerDeps = Pick<TeamsDeps, 'conversations' | 'chat' | 'logger'> & { tenantOf: TenantOf };


/**
 * Where the bot can post later: Teams tells it when the app is installed in a team, a group chat
 * or someone's personal scope (installationUpdate add), and when the bot is added to or removed
 * from a conversation (conversationUpdate). Each such conversation is kept with its connector
 * (service URL) and its reference; a personal chat also with the person it belongs to, when
 * they are linked. Removing the app forgets the conversation.
 */
export function register(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ module: 'teams-install' });

  async function remember(ctx: IActivityContext<Activity>): Promise<void> {
    const activity = ctx.activity;
    const { tenantId } = deps.tenantOf(activity);
    const type = conversationTypeOf(activity);
    if (!type) {
      log.warn({ conversationType: String(activity.conversation.conversationType) }, 'Teams conversation of an unknown type: not kept');
      return;
    }
    const aadObjectId = activity.from.aadObjectId;
    const userId = type === 'personal' && aadObjectId ? await deps.chat.people.linked(tenantId, { chat: 'teams', id: aadObjectId }) : null;
    await deps.conversations.remember(tenantId, keptConversation(ctx, type, userId));
    log.info({ tenantId, conversationType: type, linkedPerson: userId !== null }, 'Teams conversation kept');
  }

  async function forget(ctx: IActivityContext<Activity>): Promise<void> {
    const { tenantId } = deps.tenantOf(ctx.activity);
    await deps.conversations.forget(tenantId, conversationIdOf(ctx.activity));
    log.info({ tenantId }, 'Teams conversation forgotten (the app was removed)');
  }

  app.on('install.add', (ctx) => remember(ctx));
  app.on('install.remove', (ctx) => forget(ctx));
  app.on('conversationUpdate', async (ctx) => {
    const activity = ctx.activity as IConversationUpdateActivity;
    const isBot = (member: { id: string }) => member.id === activity.recipient.id;
    if (activity.membersAdded?.some(isBot)) await remember(ctx);
    else if (activity.membersRemoved?.some(isBot)) await forget(ctx);
  });
}
