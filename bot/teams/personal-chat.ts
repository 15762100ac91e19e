import type { Client } from '@microsoft/teams.api';
import type { TeamsConversations } from '../../core/ports/teams-conversations.js';
import { DEFAULT_SERVICE_URL } from './connector.js';

/** The person a personal chat is with: their product id, their AAD object id, their name. */
export interface ChatPartner {
  userId: string;
  aadObjectId: string;
  name: string | null;
}

/**
 * The person's personal chat with the bot: the one kept, else one the bot opens now (and keeps,
 * with a reference like Teams' own). `clientFor` gives the connector client of a service URL;
 * `onConversation` learns the chat's id before anything is sent there (for an admin's alert).
 */
export async function personalChat(
  conversations: Pick<TeamsConversations, 'personalOf' | 'serviceUrlOf' | 'remember'>, clientFor: (serviceUrl: string) => Client,
  tenantId: string, person: ChatPartner, app: { appId: string; aadTenantId: string }, onConversation: (id: string) => void = () => undefined,
): Promise<{ client: Client; conversationId: string }> {
  const kept = await conversations.personalOf(tenantId, person.userId);
  if (kept) {
    onConversation(kept.conversationId);
    return { client: clientFor(kept.serviceUrl), conversationId: kept.conversationId };
  }
  const serviceUrl = (await conversations.serviceUrlOf(tenantId)) ?? DEFAULT_SERVICE_URL;
  const client = clientFor(serviceUrl);
  const created = await client.conversations.create({
    members: [{ id: person.aadObjectId, aadObjectId: person.aadObjectId, name: person.name ?? '', role: 'user' }],
    tenantId: app.aadTenantId,
    channelData: { tenant: { id: app.aadTenantId } },
  });
  onConversation(created.id);
  const reference = {
    channelId: 'msteams', serviceUrl, bot: { id: `28:${app.appId}`, role: 'bot' },
    conversation: { id: created.id, conversationType: 'personal', tenantId: app.aadTenantId },
  };
  await conversations.remember(tenantId, {
    conversationId: created.id, conversationType: 'personal', aadTenantId: app.aadTenantId, serviceUrl, userId: person.userId, reference,
  });
  return { client, conversationId: created.id };
}
