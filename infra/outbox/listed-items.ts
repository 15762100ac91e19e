import type { Notification } from '../../core/notifications/kinds.js';
import { listedRungs } from '../../core/notifications/listing.js';
import type { MessageContext } from '../../core/notifications/message-context.js';
import type { Knex } from 'knex';
import { FEE_WAIVER_JOIN, feeWaiverOf } from '../engine/fee-waiver-sql.js';
import { LABEL_SQL, labelOfRow } from '../engine/item-label.js';
import { REGISTRATION_NUMBER_SQL, registrationOf } from '../engine/registration-sql.js';

export type ItemFacts = NonNullable<MessageContext['item']>;

/** The columns a message's item is read from: instance i, master m, entity e, fee waiver fw. */
export const ITEM_FACT_SQL = `m.code AS item_code, m.name AS item_name, e.name AS entity_name, m.owed_per, ${REGISTRATION_NUMBER_SQL} AS registration_number,
         i.period_key, i.due_date, i.statutory_due_date, i.extension_reference, fw.fee_waived_until, fw.fee_waiver_reference, i.status, ${LABEL_SQL}`;

/** The joins behind ITEM_FACT_SQL, from an instance `i`. */
export const ITEM_FACT_JOINS = `LEFT JOIN compliance_masters m ON m.id = i.master_id
  LEFT JOIN entities e ON e.tenant_id = i.tenant_id AND e.id = i.entity_id
  ${FEE_WAIVER_JOIN}`;

export interface ItemFactRow {
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
}

/** A message's item from its row: named as the law in force for its period names it. */
export function itemFactsOf(id: string, row: ItemFactRow): ItemFacts {
  const label = labelOfRow({
    name: row.item_name!, period_key: row.period_key!, label_law: row.label_law!, label_section: row.label_section,
    label_rule_versions: row.label_rule_versions, label_period_end: row.label_period_end!,
  });
  return {
    id, code: row.item_code!, name: label.title, periodName: label.period, entityName: row.entity_name!, registration: registrationOf(row),
    periodKey: row.period_key!, dueDate: row.due_date!, statutoryDueDate: row.statutory_due_date!, extensionReference: row.extension_reference,
    feeWaiver: feeWaiverOf(row), status: row.status!,
  };
}

/** The items a notification lists (a batch of escalations or reminders, new work), or null for one about a single item. */
export function listedIds(n: Notification): string[] | null {
  const listing = listedRungs(n);
  if (listing) return listing.items.map((i) => i.instanceId);
  if (n.kind === 'work_assigned') return n.payload.items.map((i) => i.instanceId);
  return null;
}

/**
 * The listed items in one query, nearest due first, then by name and entity, as a person reads a
 * list of work. The tenant is named: the dispatcher reads as the platform, not under a tenant's
 * row security. Ids of items deleted since are simply not found.
 */
export async function loadListedItems(trx: Knex.Transaction, tenantId: string, ids: string[]): Promise<ItemFacts[]> {
  return (await loadItemFacts(trx, ids, tenantId))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name) || a.entityName.localeCompare(b.entityName));
}

/** Items by id, in no order: those of `tenantId` when named, else whatever the transaction may read (the portal's scope). */
export async function loadItemFacts(trx: Knex.Transaction, ids: string[], tenantId?: string): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const { rows } = await trx.raw(
    `SELECT i.id, ${ITEM_FACT_SQL} FROM compliance_instances i ${ITEM_FACT_JOINS} WHERE ${tenantId ? 'i.tenant_id = ? AND' : ''} i.id = ANY (?::uuid[])`,
    tenantId ? [tenantId, ids] : [ids],
  );
  return (rows as (ItemFactRow & { id: string })[]).map((r) => itemFactsOf(r.id, r));
}

/** The person's own work (My work lists what they prepare and what awaits their approval). */
export const workListLink = (publicUrl: string): string => `${publicUrl}/work`;
