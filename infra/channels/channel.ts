import type { MessageContext } from '../../core/notifications/message.js';
import type { OutboundChannel } from '../outbox/enqueue.js';

/** A way to deliver notifications. Throws DeliveryError, telling permanent from transient failures. */
export interface Channel {
  readonly name: OutboundChannel;
  send(message: MessageContext): Promise<{ providerRef?: string }>;
}
