import type { Channel } from '../../core/ports/channel.js';
import type { Database } from '../../infra/db/database.js';
import { createLogger } from '../../infra/logger.js';
import { createRateLimiter } from '../../infra/cache/redis.js';
import type { DispatcherDeps } from '../../infra/outbox/dispatcher.js';
import type { MessageContext } from '../../core/notifications/message.js';
import { DEFAULT_RETRY } from '../../core/notifications/retry.js';

/** A channel that records what it was asked to send (and can be told to fail). */
export function recordingChannel(options: { delayMs?: number; fail?: (m: MessageContext) => Error | undefined } = {}) {
  const sent: MessageContext[] = [];
  const channel: Channel = {
    name: 'email',
    async send(message) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const failure = options.fail?.(message);
      if (failure) throw failure;
      sent.push(message);
      return { providerRef: `ref-${sent.length}` };
    },
  };
  return { channel, sent };
}

export function dispatcherDeps(db: Database, channel: Channel, overrides: Partial<DispatcherDeps> = {}): DispatcherDeps {
  return {
    db, channels: { email: channel }, retry: DEFAULT_RETRY, limiter: createRateLimiter(undefined, 100_000),
    logger: createLogger('silent'), publicUrl: 'http://compliance.test', appSecret: 's'.repeat(32), ...overrides,
  };
}

/** Inserts `count` pending email notifications for a tenant's user. */
export async function seedNotifications(db: Database, tenantId: string, userId: string, count: number, prefix = 'n'): Promise<void> {
  await db.withTenant(tenantId, ({ trx }) =>
    trx('notifications').insert(Array.from({ length: count }, (_, i) => ({
      tenant_id: tenantId, channel: 'email', kind: 'due_soon', recipient_user_id: userId, dedup_key: `${prefix}-${i}`, payload: JSON.stringify({ i }),
    }))));
}

export async function statusCounts(db: Database): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await db.withSystem((trx) => trx('notifications').groupBy('status').select('status', trx.raw('count(*)::int AS n')));
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
