import type { IActivityContext } from '@microsoft/teams.apps';
import type { Activity } from '@microsoft/teams.api';
import { resolveChatUser } from '../../core/chat/identity.js';
import type { ChatPorts } from '../../core/chat/ports.js';
import type { ChatAccount } from '../../core/ports/chat-people.js';
import type { TeamsLogger } from './deps.js';
import { errorText } from './activity.js';

/** The Teams API client of an activity's turn (on the activity's connector, as the bot). */
type ApiClient = IActivityContext<Activity>['api'];

/** A Teams person's account: their AAD object id (the same in every team and chat of their organisation). */
export const teamsAccount = (aadObjectId: string): ChatAccount => ({ chat: 'teams', id: aadObjectId.toLowerCase() });

/**
 * The email Teams has for the person acting (the conversation's roster: their email, else their
 * sign-in name), asked only when they are not linked yet. A roster Teams will not show (a
 * conversation the bot has left) is no email: the person is then unknown, not an error.
 */
export const teamsRosterEmail = (api: ApiClient, activity: Activity, logger: TeamsLogger) => async (): Promise<string | undefined> => {
  try {
    const member = await api.conversations.members(activity.conversation.id).getById(activity.from.id);
    return member.email ?? member.userPrincipalName ?? undefined;
  } catch (error) {
    logger.warn({ conversation: activity.conversation.conversationType, error: errorText(error) }, 'Teams did not show the roster entry of the person acting: treated as unknown');
    return undefined;
  }
};

/**
 * The product user behind the person acting in an activity (core's rule: by their linked AAD
 * object id, else by their roster email, which links them), or null.
 */
export function resolveTeamsUser(chat: Pick<ChatPorts, 'people'>, api: ApiClient, activity: Activity, tenantId: string, logger: TeamsLogger): Promise<string | null> {
  const aadObjectId = activity.from.aadObjectId;
  if (!aadObjectId) return Promise.resolve(null);
  return resolveChatUser(chat.people, tenantId, teamsAccount(aadObjectId), teamsRosterEmail(api, activity, logger));
}
