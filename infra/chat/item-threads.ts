import { REGISTRATION_NUMBER_SQL, registrationOf } from '../engine/registration-sql.js';
import type { ChatKind } from '../../core/ports/chat-people.js';
import type { ItemFacts, ItemThreads, MessageRef, ThreadRef } from '../../core/ports/item-threads.js';
import type { Knex } from 'knex';
import type { Database } from '../db/database.js';
import { FEE_WAIVER_COLUMNS, FEE_WAIVER_JOIN, feeWaiverOf } from '../engine/fee-waiver-sql.js';
import { LABEL_COLUMNS, labelOfRow } from '../engine/item-label.js';

/** Where each chat keeps an item's thread, and the conversations it falls back on. */
interface ThreadColumns {
  /** On compliance_instances: the conversation and root message of the item's thread. */
  conversation: string;
  thread: string;
  /** The entity's and the tenant's conversation for items (null: the chat has no tenant-wide one). */
  entityConversation: string;
  tenantConversation: string | null;
  /** On users: the person's account in that chat. */
  account: string;
}

const COLUMNS: Record<ChatKind, ThreadColumns> = {
  slack: { conversation: 'slack_channel_id', thread: 'slack_thread_ts', entityConversation: 'slack_channel_id', tenantConversation: 'slack_channel_id', account: 'slack_user_id' },
  teams: { conversation: 'teams_conversation_id', thread: 'teams_activity_id', entityConversation: 'teams_channel_id', tenantConversation: null, account: 'teams_user_id' },
};

/** Items' threads on PostgreSQL. */
export function itemThreads(db: Database): ItemThreads {
  return {
    async itemOfThread(tenantId, chat, ref) {
      const c = COLUMNS[chat];
      const row: { id: string } | undefined = await db.withTenant(tenantId, ({ trx }) =>
        trx('compliance_instances').where({ tenant_id: tenantId, [c.conversation]: ref.conversation, [c.thread]: ref.thread }).first('id'));
      return row?.id;
    },

    async reviewRequests(tenantId, chat, { instanceId, evidenceId }) {
      const c = COLUMNS[chat];
      const rows: { conversation: string | null; message: string }[] = await db.withTenant(tenantId, ({ trx }) =>
        trx('notifications as n')
          .join('compliance_instances as i', function () { this.on('i.tenant_id', 'n.tenant_id').andOn('i.id', 'n.instance_id'); })
          // By the item first (notifications_instance_idx), then its sent review requests of this version.
          .where({ 'n.tenant_id': tenantId, 'n.instance_id': instanceId, 'n.kind': 'review_requested', 'n.channel': chat, 'n.status': 'sent' })
          .whereNotNull('n.provider_ref')
          .whereRaw("n.payload->>'evidenceId' = ?", [evidenceId])
          .select(`i.${c.conversation} as conversation`, 'n.provider_ref as message'));
      return rows.filter((r): r is MessageRef => r.conversation !== null);
    },

    facts: (tenantId, instanceId, chat) => db.withTenant(tenantId, async ({ trx }) => {
      const row = await itemRow(trx, tenantId, instanceId, COLUMNS[chat]);
      return row && factsOf(row);
    }),

    async withThread(tenantId, instanceId, chat, work) {
      const c = COLUMNS[chat];
      return db.withSystem(async (trx) => {
        await trx('compliance_instances').where({ id: instanceId }).forUpdate().first('id');
        const row = await itemRow(trx, tenantId, instanceId, c);
        if (!row) return (await work(undefined)).result;
        const facts = factsOf(row);
        const conversation: string | null = row.own_conversation ?? row.entity_conversation ?? row.tenant_conversation ?? null;
        const thread: ThreadRef | null = row.thread && conversation ? { conversation, thread: row.thread } : null;
        const { result, posted } = await work({ facts, thread, conversation });
        if (posted) await trx('compliance_instances').where({ id: instanceId }).update({ [c.conversation]: posted.conversation, [c.thread]: posted.thread });
        return result;
      });
    },
  };
}

/** An item's row as itemRow reads it: the columns named there, as knex reads them (untyped). */
type ItemRow = Awaited<ReturnType<Knex.QueryBuilder['first']>>;

/** The item with what its card shows and where its thread is, in one read. */
function itemRow(trx: Knex.Transaction, tenantId: string, instanceId: string, c: ThreadColumns): Promise<ItemRow | undefined> {
  return trx('compliance_instances as i')
      .join('compliance_masters as m', 'm.id', 'i.master_id')
      .join('entities as e', function () { this.on('e.tenant_id', 'i.tenant_id').andOn('e.id', 'i.entity_id'); })
      .join('tenants as t', 't.id', 'i.tenant_id')
      .leftJoin('users as o', function () { this.on('o.tenant_id', 'i.tenant_id').andOn('o.id', 'i.owner_user_id'); })
      .leftJoin('users as a', function () { this.on('a.tenant_id', 'i.tenant_id').andOn('a.id', 'i.approver_user_id'); })
      .joinRaw(FEE_WAIVER_JOIN)
      .where({ 'i.tenant_id': tenantId, 'i.id': instanceId })
      .first(
        'i.id', 'm.code', 'm.name', 'e.name as entity_name', 'm.owed_per', trx.raw(`${REGISTRATION_NUMBER_SQL} AS registration_number`), 'i.period_key', 'i.statutory_due_date', 'i.extended_due_date',
        'i.extension_reference', 'i.working_due_date', 'i.due_date', 'i.status', 'i.approved_late', 'i.filing_reference',
        `i.${c.thread} as thread`, `i.${c.conversation} as own_conversation`, `e.${c.entityConversation} as entity_conversation`,
        ...(c.tenantConversation ? [`t.${c.tenantConversation} as tenant_conversation`] : []),
        't.timezone', 't.amber_window_days', `o.${c.account} as owner_account`, 'o.name as owner_name', `a.${c.account} as approver_account`, 'a.name as approver_name',
        ...LABEL_COLUMNS, ...FEE_WAIVER_COLUMNS,
      );
}

/** What an item's card shows, from its row. */
function factsOf(row: ItemRow): ItemFacts {
  const label = labelOfRow(row);
  return {
    instanceId: row.id, code: row.code, name: label.title, entityName: row.entity_name, registration: registrationOf(row), periodKey: row.period_key, periodName: label.period,
    statutoryDueDate: row.statutory_due_date, extendedDueDate: row.extended_due_date, extensionReference: row.extension_reference,
    workingDueDate: row.working_due_date, dueDate: row.due_date, feeWaiver: feeWaiverOf(row), status: row.status, approvedLate: row.approved_late, filingReference: row.filing_reference,
    owner: { chatId: row.owner_account, name: row.owner_name }, approver: { chatId: row.approver_account, name: row.approver_name },
    timezone: row.timezone, amberWindowDays: row.amber_window_days,
  };
}
