import type { Activity, ConversationReference } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import type { TeamsConversationRef, TeamsConversationType } from '../../core/ports/teams-conversations.js';
import { aadTenantOf } from './activity.js';

const TYPES: Record<string, TeamsConversationType> = { channel: 'channel', personal: 'personal', groupChat: 'groupChat' };

/** The kind of conversation an activity is in, or undefined for one the bot does not keep. */
export const conversationTypeOf = (activity: Activity): TeamsConversationType | undefined => TYPES[String(activity.conversation.conversationType)];

/** A channel thread's id names its root message (`19:…;messageid=…`): the conversation is the channel. */
export const conversationIdOf = (activity: Activity) => activity.conversation.id.split(';')[0]!;

/** The conversation an activity came from, as kept to post there later (its connector and reference). */
export function keptConversation(ctx: IActivityContext<Activity>, type: TeamsConversationType, userId: string | null): TeamsConversationRef {
  const { activity } = ctx;
  // The reference without the activity that brought it (a later post is not a reply to it).
  const { activityId: _activityId, ...reference }: ConversationReference = { ...ctx.ref, conversation: { ...ctx.ref.conversation, id: conversationIdOf(activity) } };
  return { conversationId: conversationIdOf(activity), conversationType: type, aadTenantId: aadTenantOf(activity)!, serviceUrl: ctx.ref.serviceUrl, userId, reference };
}
