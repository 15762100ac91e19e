import type { OutboundChannel } from '../ports/channel.js';
import type { Reach } from '../ports/reach.js';

/** Kinds that always go by email (long read-outs), whatever chat the tenant uses. */
const EMAIL_ONLY: ReadonlySet<string> = new Set(['weekly_digest']);

/** Kinds that live in the item's chat thread itself, whoever they are addressed to. */
const THREAD_ONLY: ReadonlySet<string> = new Set(['thread_opened']);

/**
 * Where a person hears of a notification: the first chat that reaches them, otherwise email.
 * An item's thread opens where its first recipient (the preparer) will be reminded, so their
 * reminders land in it; when no chat reaches them, in the first chat the tenant has connected.
 */
export function chooseChannel(reaches: readonly Reach[], userId: string, kind: string): OutboundChannel {
  if (EMAIL_ONLY.has(kind)) return 'email';
  const reaching = reaches.find((r) => r.reaches(userId))?.channel;
  if (THREAD_ONLY.has(kind)) return reaching ?? reaches.find((r) => r.connected)?.channel ?? 'email';
  return reaching ?? 'email';
}
