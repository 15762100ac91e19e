import type { MessageContext } from '../notifications/message-context.js';

/** The ways a notification can go out. */
export type OutboundChannel = 'email' | 'slack' | 'teams';

/** A way to deliver notifications. Throws DeliveryError, telling permanent from transient failures. */
export interface Channel {
  readonly name: OutboundChannel;
  send(message: MessageContext): Promise<{ providerRef?: string }>;
}
