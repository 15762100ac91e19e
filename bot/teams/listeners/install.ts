import type { Activity, ConversationReference, IConversationUpdateActivity } from '@microsoft/teams.api';
import type { App, IActivityContext } from '@microsoft/teams.apps';
import type { TeamsConversationType } from '../../../core/ports/teams-conversations.js';
import { aadTenantOf } from '../activity.js';
import type { TeamsDeps, TenantOf } from '../deps.js';

type ListenerDeps = Pick<TeamsDeps, 'conversations' | 'chat' | 'logger'> & { tenantOf: TenantOf };

const TYPES: Record<string, TeamsConversationType> = { channel: 'channel', personal: 'personal', groupChat: 'groupChat' };

/** A channel thread's id names its root message (`19:…;messageid=…`): the conversation is the channel. */
const conversationIdOf = (activity: Activity) => activity.conversation.id.split(';')[0]!;

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
    const type = TYPES[String(activity.conversation.conversationType)];
    if (!type) {
      log.warn({ conversationType: String(activity.conversation.conversationType) }, 'Teams conversation of an unknown type: not kept');
      return;
    }
    const aadObjectId = activity.from.aadObjectId;
    const userId = type === 'personal' && aadObjectId ? await deps.chat.people.linked(tenantId, { chat: 'teams', id: aadObjectId }) : null;
    // The reference without the activity that brought it (a later post is not a reply to the install).
    const { activityId: _activityId, ...reference }: ConversationReference = { ...ctx.ref, conversation: { ...ctx.ref.conversation, id: conversationIdOf(activity) } };
    await deps.conversations.remember(tenantId, {
      conversationId: conversationIdOf(activity), conversationType: type, aadTenantId: aadTenantOf(activity)!,
      serviceUrl: ctx.ref.serviceUrl, userId, reference,
    });
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
