import { REGISTRATION_NUMBER_SQL, registrationOf } from '../engine/registration-sql.js';
import { createAckToken } from '../../core/notifications/ack-link.js';
import { readNotification } from '../../core/notifications/kinds.js';
import type { MessageContext } from '../../core/notifications/message.js';
import { DeliveryError, nextAttempt, type RetryPolicy } from '../../core/notifications/retry.js';
import type { RateLimiter } from '../cache/redis.js';
import type { Channel } from '../../core/ports/channel.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { OutboundChannel } from '../../core/ports/channel.js';
import { FEE_WAIVER_JOIN, feeWaiverOf } from '../engine/fee-waiver-sql.js';
import { LABEL_SQL, labelOfRow } from '../engine/item-label.js';
import { withListedItems } from './listed-items.js';

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

interface ClaimedRow {
  id: string;
  tenant_id: string;
  channel: OutboundChannel;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  instance_id: string | null;
  recipient_user_id: string | null;
  tenant_name: string;
  timezone: string;
  user_name: string | null;
  user_email: string | null;
  user_slack_id: string | null;
  user_teams_id: string | null;
  item_code: string | null;
  item_name: string | null;
  entity_name: string | null;
  owed_per: string | null;
  registration_number: string | null;
  period_key: string | null;
  due_date: string | null;
  statutory_due_date: string | null;
  extension_reference: string | null;
  fee_waived_until: string | null;
  fee_waiver_reference: string | null;
  status: string | null;
  label_law: string | null;
  label_section: string | null;
  label_rule_versions: unknown;
  label_period_end: string | null;
  claimed_at: Date;
}

// One due row, locked so no other dispatcher takes it; the joins give the message its facts.
const CLAIM_SQL = `
  SELECT n.id, n.tenant_id, n.channel, n.kind, n.payload, n.attempts, n.instance_id, n.recipient_user_id,
         t.name AS tenant_name, t.timezone, u.name AS user_name, u.email AS user_email, u.slack_user_id AS user_slack_id, u.teams_user_id AS user_teams_id,
         m.code AS item_code, m.name AS item_name, e.name AS entity_name, m.owed_per, ${REGISTRATION_NUMBER_SQL} AS registration_number, i.period_key, i.due_date,
         i.statutory_due_date, i.extension_reference, fw.fee_waived_until, fw.fee_waiver_reference, i.status, ${LABEL_SQL}, now() AS claimed_at
  FROM notifications n
  JOIN tenants t ON t.id = n.tenant_id
  LEFT JOIN users u ON u.tenant_id = n.tenant_id AND u.id = n.recipient_user_id
  LEFT JOIN compliance_instances i ON i.tenant_id = n.tenant_id AND i.id = n.instance_id
  LEFT JOIN compliance_masters m ON m.id = i.master_id
  LEFT JOIN entities e ON e.tenant_id = i.tenant_id AND e.id = i.entity_id
  ${FEE_WAIVER_JOIN}
  WHERE n.status = 'pending' AND n.next_attempt_at <= COALESCE(?::timestamptz, now())
  ORDER BY n.next_attempt_at
  LIMIT 1
  FOR UPDATE OF n SKIP LOCKED`;

/** The item's title and period as the law in force for its period names them. */
function itemNames(row: ClaimedRow): { name: string; periodName: string } {
  const label = labelOfRow({
    name: row.item_name!, period_key: row.period_key!, label_law: row.label_law!, label_section: row.label_section,
    label_rule_versions: row.label_rule_versions, label_period_end: row.label_period_end!,
  });
  return { name: label.title, periodName: label.period };
}

function messageFor(row: ClaimedRow, deps: DispatcherDeps, now: Date): MessageContext {
  const itemLink = row.instance_id ? `${deps.publicUrl}/admin/resources/compliance_instances/records/${row.instance_id}/show` : null;
  const acknowledge = row.kind === 'escalation' && row.instance_id && row.recipient_user_id
    ? `${deps.publicUrl}/ack/${createAckToken(deps.appSecret, {
      tenantId: row.tenant_id, instanceId: row.instance_id, userId: row.recipient_user_id, expiresAt: now.getTime() + ACK_LINK_DAYS * 86_400_000,
    })}`
    : null;
  return {
    notificationId: row.id,
    tenantId: row.tenant_id,
    notification: readNotification(row.kind, row.payload),
    tenantName: row.tenant_name,
    timezone: row.timezone,
    recipient: { userId: row.recipient_user_id, name: row.user_name, email: row.user_email, slackUserId: row.user_slack_id, teamsUserId: row.user_teams_id },
    item: row.instance_id && row.item_code
      ? {
        ...itemNames(row),
        id: row.instance_id, code: row.item_code, entityName: row.entity_name!, registration: registrationOf(row), periodKey: row.period_key!,
        dueDate: row.due_date!, statutoryDueDate: row.statutory_due_date!, extensionReference: row.extension_reference, feeWaiver: feeWaiverOf(row), status: row.status!,
      }
      : null,
    links: { item: itemLink, acknowledge },
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
      const { providerRef } = await channel.send(await withListedItems(trx, messageFor(row, deps, now), deps.publicUrl));
      await update({ status: 'sent', sent_at: trx.fn.now(), last_error: null, provider_ref: providerRef ?? null });
      return 'sent';
    } catch (error) {
      const delivery = error instanceof DeliveryError ? error : new DeliveryError(String((error as Error)?.message ?? error), false);
      if (delivery.permanent) {
        deps.logger.warn({ notification: row.id, kind: row.kind, error: delivery.message }, 'notification failed permanently');
        await update({ status: 'failed', last_error: delivery.message });
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
