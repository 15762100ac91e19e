import type { Activity } from '@microsoft/teams.api';
import type { ChatPorts } from '../../core/chat/ports.js';
import type { Clock } from '../../core/ports/clock.js';
import type { TeamsConversations } from '../../core/ports/teams-conversations.js';
import type { TeamsTenantBinding, TeamsTenants } from '../../core/ports/teams-tenants.js';
import type { TeamsUploadPrompts } from '../../core/ports/teams-upload-prompts.js';
import type { ChatLogger } from '../common/chat-logger.js';

export type { TeamsTenantBinding };
export type TeamsLogger = ChatLogger;

/** What a listener knows of the activity's tenant: the binding the middleware found for it. */
export type TenantOf = (activity: Activity) => TeamsTenantBinding;

/** What the Teams app needs, given by the composition root. */
export interface TeamsDeps {
  /** Which tenant an Entra tenant belongs to. */
  tenants: TeamsTenants;
  /** The conversations the bot was added to (to post there later). */
  conversations: TeamsConversations;
  /** The chat seam: who is behind an account, the work reads, the use cases, item threads, evidence files. */
  chat: ChatPorts;
  clock: Clock;
  logger: TeamsLogger;
  /** Whether an activity was already processed (Teams retries a turn it thinks was lost). */
  alreadySeen(key: string): Promise<boolean>;
  /** Who was asked for an item's proof in their personal chat (Upload proof), until it expires. */
  uploadPrompts: TeamsUploadPrompts;
  /** The product's public address (items' pages, linked from their cards). */
  publicUrl: string;
}

/** The Teams app's settings, from core/config.ts (TEAMS_*). */
export interface TeamsSettings {
  appId: string;
  appPassword: string;
  /** The Entra tenant the bot is registered in: its tokens are asked of it. */
  tenantId: string;
  /**
   * Development and tests only: a fake's signing keys (…/openidconfiguration) and token endpoint,
   * and the host (with its port) that serves files sent in personal chat instead of SharePoint.
   */
  fake?: { openIdMetadataUrl?: string; tokenUrl?: string; fileHost?: string };
}

/** What the outbox's Teams channel needs, given by the composition root. */
export interface TeamsChannelDeps {
  /** The tenant's Microsoft 365 organisation, and whose app speaks for it. */
  tenants: Pick<TeamsTenants, 'forTenant'>;
  /** Where to post: the conversations the bot was added to (and the personal chats it opens). */
  conversations: Pick<TeamsConversations, 'find' | 'personalOf' | 'serviceUrlOf' | 'remember'>;
  /** Item threads; the work reads and the chat's name, for the person's home card. */
  chat: Pick<ChatPorts, 'threads' | 'reads' | 'platform'>;
  clock: Clock;
  /** The deployment's own app (tenants without an app of their own). */
  settings: TeamsSettings;
  logger: TeamsLogger;
  /** How long a connector call may take (tests: shorter). */
  timeoutMs?: number;
}
