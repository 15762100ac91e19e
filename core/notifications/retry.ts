import type { DeliveryProblem } from './delivery-problem.js';

/** How the outbox retries: exponential backoff with jitter, Retry-After honoured, then dead. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

/**
 * When to try again after the `attempts`-th failed attempt, or 'dead' when the limit is reached.
 * A provider's Retry-After wins over the backoff. `random` is in [0, 1).
 */
export function nextAttempt(attempts: number, now: Date, policy: RetryPolicy, retryAfterMs?: number, random = Math.random()): Date | 'dead' {
  if (attempts >= policy.maxAttempts) return 'dead';
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
  // ±20% jitter, so retries from many workers do not arrive together.
  const delay = retryAfterMs ?? backoff * (0.8 + 0.4 * random);
  return new Date(now.getTime() + delay);
}

/** A delivery failure, told apart by whether trying again can help; a permanent one says what an admin can fix. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
    readonly problem?: DeliveryProblem,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
