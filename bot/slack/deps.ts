import type { ChatPorts } from '../../core/chat/ports.js';
import type { ChatLogger } from '../common/chat-logger.js';
import type { Clock } from '../../core/ports/clock.js';
import type { SlackInstallation, SlackInstallations } from '../../core/ports/slack-installations.js';

export type { SlackInstallation, SlackInstallations };

/** Structured logging, as the product's logger does it. */
export type SlackLogger = ChatLogger;

/** What the Slack app needs, given by the composition root. */
export interface SlackDeps {
  /** The chat seam: people, answers, views, evidence intake and use cases, for Slack. */
  chat: ChatPorts;
  installations: SlackInstallations;
  logger: SlackLogger;
  clock: Clock;
  /** Whether an Events API delivery was already processed (Slack retries what it thinks was lost). */
  alreadySeen(eventId: string): Promise<boolean>;
  /** Whether an error means the database could not be reached (the person is told to try again). */
  isDatabaseUnreachable(error: unknown): boolean;
  /** Signs install links and OAuth state. */
  appSecret: string;
  /** Where the product is served (OAuth redirect). */
  publicUrl: string;
}

/** What the listeners get: the app's dependencies and the Web API base URL of its settings. */
export type ListenerDeps = SlackDeps & { apiUrl?: string };

/** What the outbox's Slack channel needs. */
export interface SlackChannelDeps {
  installations: Pick<SlackInstallations, 'forTenant'>;
  chat: Pick<ChatPorts, 'platform' | 'reads' | 'threads'>;
  clock: Clock;
  apiUrl?: string;
}
