import type { IActivity } from '@microsoft/teams.api';

/**
 * The Entra (Azure AD) tenant an activity comes from, in lower case: Teams names it in the
 * channel data and on the conversation. The Bot Framework token says the activity is Teams's;
 * this says whose organisation it is.
 */
export function aadTenantOf(activity: Pick<IActivity, 'channelData' | 'conversation'>): string | undefined {
  const id = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return id ? id.toLowerCase() : undefined;
}

/** What an activity is, for the log ("message", "invoke adaptiveCard/action"). */
export const activityKind = (activity: IActivity & { name?: string }) => (activity.type === 'invoke' ? `invoke ${activity.name ?? ''}` : activity.type);

/** An error in words fit for the log: never the error object (an axios error carries the bot's token). */
export const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
