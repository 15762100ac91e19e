import type { Knex } from 'knex';
import { createAckToken } from '../../core/notifications/ack-link.js';
import { readNotification } from '../../core/notifications/kinds.js';
import type { MessageContext } from '../../core/notifications/message.js';
import { DeliveryError, nextAttempt, type RetryPolicy } from '../../core/notifications/retry.js';
import type { RateLimiter } from '../cache/redis.js';
import type { Channel } from '../../core/ports/channel.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { OutboundChannel } from '../../core/ports/channel.js';
import { emailProblem } from '../../core/notifications/delivery-problem.js';
import { afterPermanentFailure } from './fallback.js';
import { itemPortalLink } from '../../core/chat/item-card.js';
import { ITEM_FACT_JOINS, ITEM_FACT_SQL, itemFactsOf, listedIds, loadListedItems, workListLink, type ItemFactRow } from './listed-items.js';

export interface DispatcherDeps {
  db: Database;
  channels: Partial<Record<OutboundChannel, Channel>>;
  retry: RetryPolicy;
  limiter: RateLimiter;
  logger: Logger;
  publicUrl: string;
  appSecret: string;
  /** Tests only: the moment to dispatch as of. Otherwise the database's own time decides what is due. */
  now?: () => Date;
}

export type Outcome = 'sent' | 'retry' | 'failed' | 'dead';

const ACK_LINK_DAYS = 14;

interface ClaimedRow extends ItemFactRow {
  id: string;
  tenant_id: string;
  channel: OutboundChannel;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  instance_id: string | null;
  recipient_user_id: string | null;
  dedup_key: string;
  tenant_name: string;
  timezone: string;
  user_name: string | null;
  user_email: string | null;
  user_slack_id: string | null;
  user_teams_id: string | null;
  claimed_at: Date;
}

// One due row, locked so no other dispatcher takes it; the joins give the message its facts.
const CLAIM_SQL = `
  SELECT n.id, n.tenant_id, n.channel, n.kind, n.payload, n.attempts, n.instance_id, n.recipient_user_id, n.dedup_key,
         t.name AS tenant_name, t.timezone, u.name AS user_name, u.email AS user_email, u.slack_user_id AS user_slack_id, u.teams_user_id AS user_teams_id,
         ${ITEM_FACT_SQL}, now() AS claimed_at
  FROM notifications n
  JOIN tenants t ON t.id = n.tenant_id
  LEFT JOIN users u ON u.tenant_id = n.tenant_id AND u.id = n.recipient_user_id
  LEFT JOIN compliance_instances i ON i.tenant_id = n.tenant_id AND i.id = n.instance_id
  ${ITEM_FACT_JOINS}
  WHERE n.status = 'pending' AND n.next_attempt_at <= COALESCE(?::timestamptz, now())
  ORDER BY n.next_attempt_at
  LIMIT 1
  FOR UPDATE OF n SKIP LOCKED`;

/** The signed link that acknowledges one item's escalation for the recipient. */
const ackLink = (deps: DispatcherDeps, row: ClaimedRow, instanceId: string, now: Date) =>
  `${deps.publicUrl}/ack/${createAckToken(deps.appSecret, {
    tenantId: row.tenant_id, instanceId, userId: row.recipient_user_id!, expiresAt: now.getTime() + ACK_LINK_DAYS * 86_400_000,
  })}`;

async function messageFor(trx: Knex.Transaction, row: ClaimedRow, deps: DispatcherDeps, now: Date): Promise<MessageContext> {
  const notification = readNotification(row.kind, row.payload);
  // One item's page; for new work, the list of the person's items.
  const itemLink = row.instance_id ? itemPortalLink(deps.publicUrl, row.instance_id)
    : notification.kind === 'work_assigned' ? workListLink(deps.publicUrl) : null;
  const escalates = notification.kind === 'escalation' && row.recipient_user_id !== null;
  const ids = listedIds(notification);
  const listed = ids ? await loadListedItems(trx, row.tenant_id, ids) : undefined;
  return {
    notificationId: row.id,
    tenantId: row.tenant_id,
    notification,
    tenantName: row.tenant_name,
    timezone: row.timezone,
    recipient: { userId: row.recipient_user_id, name: row.user_name, email: row.user_email, slackUserId: row.user_slack_id, teamsUserId: row.user_teams_id },
    item: row.instance_id && row.item_code ? itemFactsOf(row.instance_id, row) : null,
    ...(listed ? { items: listed } : {}),
    links: {
      item: itemLink,
      acknowledge: escalates && row.instance_id ? ackLink(deps, row, row.instance_id, now) : null,
      ...(listed && escalates ? { acknowledgeItems: Object.fromEntries(listed.map((i) => [i.id, ackLink(deps, row, i.id, now)])) } : {}),
      ...(listed ? { items: Object.fromEntries(listed.map((i) => [i.id, itemPortalLink(deps.publicUrl, i.id)])) } : {}),
    },
  };
}

/**
 * Delivers the next due notification, if any. The row stays locked while it is sent and its
 * outcome is committed with the lock: a second dispatcher skips it, a crash before the commit
 * leaves it pending (to be sent again), and a committed 'sent' is never sent twice.
 */
export async function dispatchNext(deps: DispatcherDeps): Promise<Outcome | 'empty'> {
  return deps.db.withSystem(async (trx) => {
    // Due by the database's clock, which also stamped next_attempt_at: a web or worker host whose
    // clock is off never holds messages back nor sends them early.
    const { rows } = await trx.raw(CLAIM_SQL, [deps.now?.() ?? null]);
    const row = rows[0] as ClaimedRow | undefined;
    if (!row) return 'empty';
    const now = deps.now?.() ?? row.claimed_at;
    const attempts = row.attempts + 1;
    const update = (values: Record<string, unknown>) => trx('notifications').where({ id: row.id }).update({ attempts, ...values });
    try {
      const channel = deps.channels[row.channel];
      if (!channel) throw new DeliveryError(`the ${row.channel} channel is not configured`, true);
      await deps.limiter.acquire(row.channel);
      const { providerRef } = await channel.send(await messageFor(trx, row, deps, now));
      await update({ status: 'sent', sent_at: trx.fn.now(), last_error: null, provider_ref: providerRef ?? null });
      return 'sent';
    } catch (error) {
      const delivery = error instanceof DeliveryError ? error : new DeliveryError(String((error as Error)?.message ?? error), false);
      if (delivery.permanent) {
        deps.logger.warn({ notification: row.id, kind: row.kind, error: delivery.message }, 'notification failed permanently');
        await update({ status: 'failed', last_error: delivery.message });
        const problem = delivery.problem ?? (row.channel === 'email' ? emailProblem(row.user_name, row.user_email, delivery.message) : { cause: `${row.channel}:other`, text: delivery.message });
        await afterPermanentFailure(trx, row, problem, now);
        return 'failed';
      }
      const next = nextAttempt(attempts, now, deps.retry, delivery.retryAfterMs);
      if (next === 'dead') {
        deps.logger.error({ notification: row.id, kind: row.kind, attempts, error: delivery.message }, 'notification dead after retries');
        await update({ status: 'dead', last_error: delivery.message });
        return 'dead';
      }
      await update({ next_attempt_at: next, last_error: delivery.message });
      return 'retry';
    }
  });
}

export interface DispatchLoopOptions {
  /** Parallel senders; each holds one database connection. */
  concurrency: number;
  /** Pause when nothing is due. */
  idleMs: number;
  shouldStop: () => boolean;
  /** Stop when the outbox has nothing due (benchmarks, tests, one-shot CLI runs). */
  untilEmpty?: boolean;
}

/** Sends until told to stop; returns the outcome counts. */
export async function runDispatcher(deps: DispatcherDeps, options: DispatchLoopOptions): Promise<Record<Outcome, number>> {
  const counts: Record<Outcome, number> = { sent: 0, retry: 0, failed: 0, dead: 0 };
  const sender = async () => {
    while (!options.shouldStop()) {
      let outcome: Outcome | 'empty';
      try {
        outcome = await dispatchNext(deps);
      } catch (error) {
        deps.logger.error({ err: error }, 'dispatcher could not reach the outbox');
        outcome = 'empty';
      }
      if (outcome === 'empty') {
        if (options.untilEmpty) return;
        await new Promise((resolve) => setTimeout(resolve, options.idleMs));
      } else {
        counts[outcome] += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  return counts;
}
