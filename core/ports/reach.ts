import type { OutboundChannel } from './channel.js';

/**
 * Who one chat channel can reach in a tenant, decided once per batch of notifications: a person
 * is reachable when the tenant has the chat connected and the person is linked to an account there.
 */
export interface Reach {
  readonly channel: Exclude<OutboundChannel, 'email'>;
  /** The tenant has this chat connected (its items can have threads there). */
  readonly connected: boolean;
  reaches(userId: string): boolean;
}
