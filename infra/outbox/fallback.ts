import type { Knex } from 'knex';
import type { DeliveryProblem } from '../../core/notifications/delivery-problem.js';
import { todayIn } from '../../core/engine/dates.js';

/** A notification that failed for good on its channel, as the dispatcher claimed it. */
export interface FailedRow {
  tenant_id: string;
  channel: string;
  kind: string;
  payload: Record<string, unknown>;
  dedup_key: string;
  instance_id: string | null;
  recipient_user_id: string | null;
  timezone: string;
}

/** Kinds with nothing to say by email: the thread itself is the message. */
const NO_EMAIL_COPY: ReadonlySet<string> = new Set(['thread_opened']);

/**
 * The same message by email, queued at once when a chat refuses it for good: same kind, person
 * and item, the dedup key of its family with `:email` (so it is never queued twice), and why.
 */
async function queueEmailCopy(trx: Knex.Transaction, row: FailedRow, problem: DeliveryProblem): Promise<void> {
  if (row.channel === 'email' || !row.recipient_user_id || NO_EMAIL_COPY.has(row.kind)) return;
  await trx('notifications').insert({
    tenant_id: row.tenant_id, channel: 'email', kind: row.kind, recipient_user_id: row.recipient_user_id, instance_id: row.instance_id,
    payload: JSON.stringify({ ...row.payload, fallback: { from: row.channel, problem: problem.text } }), dedup_key: `${row.dedup_key}:email`,
  }).onConflict(['tenant_id', 'dedup_key']).ignore();
}

/**
 * Tells the tenant's admins what to fix, by email (the chat may be what is broken), once per
 * cause and local day however many messages it stops. An alert that fails alerts nobody again.
 */
async function queueAdminAlert(trx: Knex.Transaction, row: FailedRow, problem: DeliveryProblem, now: Date): Promise<void> {
  if (row.kind === 'delivery_alert') return;
  const day = todayIn(row.timezone, now);
  const admins: string[] = await trx('role_assignments as r')
    .join('users as u', function () {
      this.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.user_id');
    })
    .where({ 'r.tenant_id': row.tenant_id, 'r.role': 'tenant_admin', 'u.is_active': true }).distinct().pluck('u.id');
  if (admins.length === 0) return;
  await trx('notifications').insert(admins.map((userId) => ({
    tenant_id: row.tenant_id, channel: 'email', kind: 'delivery_alert', recipient_user_id: userId, instance_id: null,
    payload: JSON.stringify({ problem: problem.text, day }), dedup_key: `delivery_alert:${problem.cause}:${day}:${userId}`,
  }))).onConflict(['tenant_id', 'dedup_key']).ignore();
}

/** After a permanent failure: the message by email, and the admins told what to fix. */
export async function afterPermanentFailure(trx: Knex.Transaction, row: FailedRow, problem: DeliveryProblem, now: Date): Promise<void> {
  await queueEmailCopy(trx, row, problem);
  await queueAdminAlert(trx, row, problem, now);
}
