/**
 * Why a message could not be delivered, in words a tenant admin can act on, with a stable cause
 * key: the admins are told once a day per cause ("#gst-filings: the app is not in the channel"),
 * however many messages it stops.
 */
export interface DeliveryProblem {
  /** Stable per cause, e.g. "slack:not_in_channel:C0GST". */
  cause: string;
  /** What is wrong and what to do. */
  text: string;
}

/** Where a Slack message was going when it failed. */
export interface SlackTarget {
  channel?: string | null;
  entityName?: string | null;
  person?: string | null;
}

const RECONNECT = 'reconnect Slack: in the portal, open Slack and press Add to Slack';

/** A permanent Slack failure, by Slack's error code. */
export function slackProblem(reason: string, where: SlackTarget): DeliveryProblem {
  const channel = where.channel ? `Slack channel ${where.channel}${where.entityName ? ` (${where.entityName})` : ''}` : 'Slack';
  const setChannel = `set another channel for ${where.entityName ?? 'the entity'} in the portal (Entities → Slack channel)`;
  const person = where.person ?? 'A person';
  switch (reason) {
    case 'not_in_channel':
      return { cause: `slack:not_in_channel:${where.channel}`, text: `${channel}: the app is not in the channel — open it in Slack and type /invite @Compliance OS.` };
    case 'channel_not_found':
    case 'is_archived':
      return { cause: `slack:${reason}:${where.channel}`, text: `${channel}: the channel was deleted or archived — ${setChannel}.` };
    case 'no_channel':
      return { cause: `slack:no_channel:${where.entityName}`, text: `${where.entityName ?? 'An entity'} has no Slack channel, so its items have no thread — set one in the portal (Entities → Slack channel).` };
    case 'invalid_auth':
    case 'token_revoked':
    case 'account_inactive':
    case 'no_workspace':
      return { cause: 'slack:connection', text: `The Slack connection no longer works (${reason.replace(/_/g, ' ')}) — ${RECONNECT}.` };
    case 'missing_scope':
    case 'no_permission':
      return { cause: `slack:${reason}`, text: `The Slack app lacks a permission it needs (${reason.replace(/_/g, ' ')}) — ${RECONNECT} to grant it again.` };
    case 'not_linked':
    case 'user_not_found':
    case 'user_disabled':
    case 'cannot_dm_bot':
      return { cause: `slack:person:${where.person}`, text: `${person} cannot be reached in Slack (${reason.replace(/_/g, ' ')}) — check their Slack user id in the portal (People).` };
    default:
      return { cause: `slack:${reason}`, text: `Slack refused a message (${reason.replace(/_/g, ' ')}) — it was sent by email instead.` };
  }
}

/** A permanent email failure: the address is missing or refused. */
export const emailProblem = (person: string | null, email: string | null, reason: string): DeliveryProblem => ({
  cause: `email:${email ?? person}`,
  text: `${person ?? 'A person'} could not be emailed${email ? ` at ${email}` : ''} (${reason}) — correct their address in the portal (People). They are not hearing from Compliance OS.`,
});

/** Where a Teams message was going when it failed. */
export interface TeamsTarget {
  conversation?: string | null;
  entityName?: string | null;
  person?: string | null;
}

/** A permanent Teams failure, by the connector's error code (or our own reason). */
export function teamsProblem(reason: string, where: TeamsTarget): DeliveryProblem {
  const conversation = where.entityName ? `The Teams channel of ${where.entityName}` : where.person ? `${where.person}'s Teams chat` : 'A Teams conversation';
  const person = where.person ?? 'A person';
  switch (reason) {
    case 'BotNotInConversationRoster':
    case 'ConversationNotFound':
      return {
        cause: `teams:${reason}:${where.conversation}`,
        text: `${conversation}: Compliance OS is no longer in it (the app was removed, or the conversation deleted) — add the app to the team again in Teams (Apps → Compliance OS → Add to a team), or set another channel in the portal.`,
      };
    case 'ConversationBlockedByUser':
      return { cause: `teams:blocked:${where.person}`, text: `${person} blocked Compliance OS in Teams — they can unblock it in their chat with the app; until then they are emailed.` };
    case 'BotDisabledByAdmin':
      return { cause: 'teams:disabled', text: 'Your Teams admin has blocked the Compliance OS app — allow it in the Teams admin center (Manage apps); until then messages are emailed.' };
    case 'MessageSizeTooBig':
      return { cause: 'teams:too_big', text: `Teams refused a message as too large (${conversation.toLowerCase()}) — it was sent by email instead.` };
    case 'no_channel':
      return { cause: `teams:no_channel:${where.entityName}`, text: `${where.entityName ?? 'An entity'} has no Teams channel, so its items have no thread in Teams — set one in the portal (Entities → Teams channel: the channel's id, 19:…@thread.tacv2).` };
    case 'not_installed':
      return {
        cause: `teams:not_installed:${where.conversation}`,
        text: `${conversation}: Compliance OS was never added to its team, so it cannot post there — add the app to the team in Teams (Apps → Compliance OS → Add to a team).`,
      };
    case 'no_binding':
      return { cause: 'teams:no_binding', text: 'This tenant has no Microsoft 365 organisation connected for Teams — run npm run cli -- teams connect, or stop linking people to Teams accounts.' };
    case 'not_linked':
      return { cause: `teams:person:${where.person}`, text: `${person} cannot be reached in Teams (not linked to a Teams account) — check their Teams id in the portal (People).` };
    case 'Unauthorized':
      return { cause: 'teams:connection', text: 'Teams refused the app\'s credentials — check the Teams app id, client secret and tenant (TEAMS_APP_ID, TEAMS_APP_PASSWORD, TEAMS_TENANT_ID, or the tenant\'s Teams binding).' };
    default:
      return { cause: `teams:${reason}`, text: `Teams refused a message (${reason}) — it was sent by email instead.` };
  }
}
