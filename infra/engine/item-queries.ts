import type { Knex } from 'knex';
import type { EntityReach } from '../../core/engine/access.js';
import { addDays, type IsoDate } from '../../core/engine/dates.js';
import { ragOf } from '../../core/engine/rag.js';
import { OPEN_STATUSES, type InstanceStatus } from '../../core/engine/status.js';
import type { ItemLine, MyItems } from '../../core/ports/work-reads.js';
import type { TenantTx } from '../db/database.js';
import { LABEL_COLUMNS, labelOfRow, type LabelRow } from './item-label.js';
import { REGISTRATION_NUMBER_SQL, registrationOf } from './registration-sql.js';

export type { ItemLine, MyItems };

const LIMIT = 60;

function base(tx: TenantTx) {
  const { trx, tenantId } = tx;
  return trx('compliance_instances as i')
    .join('compliance_masters as m', 'm.id', 'i.master_id')
    .join('entities as e', function () {
      this.on('e.tenant_id', 'i.tenant_id').andOn('e.id', 'i.entity_id');
    })
    .where('i.tenant_id', tenantId)
    .orderBy([{ column: 'i.due_date' }, { column: 'm.code' }, { column: 'e.name' }])
    .limit(LIMIT)
    .select('i.id', 'm.code', 'm.name', 'i.entity_id', 'e.name as entity_name', 'i.period_key', 'i.due_date', 'i.status', 'm.owed_per', ...LABEL_COLUMNS)
    .select(tx.trx.raw(`${REGISTRATION_NUMBER_SQL} AS registration_number`));
}

const toLines = (rows: Record<string, string>[], today: IsoDate, amber: number): ItemLine[] =>
  rows.map((r) => ({ r, label: labelOfRow(r as unknown as LabelRow) })).map(({ r, label }) => ({
    instanceId: r.id!, code: r.code!, name: label.title, entityId: r.entity_id!, entityName: r.entity_name!, registration: registrationOf(r),
    periodKey: r.period_key!, periodName: label.period, dueDate: r.due_date!,
    status: r.status as InstanceStatus, rag: ragOf(r.status as InstanceStatus, r.due_date!, today, amber),
    ...(r.evidence_id ? { evidence: { id: r.evidence_id, version: Number(r.evidence_version) } } : {}),
  }));

/** Open items due within `days` of today, overdue ones included; only those of `entityIds` when given. */
export async function itemsDueWithin(tx: TenantTx, today: IsoDate, days: number, amber: number, entityIds?: string[]): Promise<ItemLine[]> {
  const query = base(tx).whereIn('i.status', OPEN_STATUSES).andWhere('i.due_date', '<=', addDays(today, days));
  if (entityIds) query.whereIn('i.entity_id', entityIds);
  const rows = await query;
  return toLines(rows, today, amber);
}

/** The first lines of a list and how many there are in all (the list may be cut short). */
export interface CountedLines {
  total: number;
  items: ItemLine[];
}

/**
 * Open items due in a range of days (`before`: strictly before that day; `from`/`to`: inclusive),
 * the first `limit` by due date and the true count, so a long overdue list cannot hide the rest.
 */
export async function openItemsDue(
  tx: TenantTx,
  range: { before?: IsoDate; from?: IsoDate; to?: IsoDate },
  options: { today: IsoDate; amber: number; limit: number; entityIds?: string[] },
): Promise<CountedLines> {
  const narrow = (query: Knex.QueryBuilder) => {
    query.where('i.tenant_id', tx.tenantId).whereIn('i.status', OPEN_STATUSES);
    if (range.before) query.where('i.due_date', '<', range.before);
    if (range.from) query.where('i.due_date', '>=', range.from);
    if (range.to) query.where('i.due_date', '<=', range.to);
    if (options.entityIds) query.whereIn('i.entity_id', options.entityIds);
    return query;
  };
  const rows = await narrow(base(tx)).limit(options.limit);
  const counted = await narrow(tx.trx('compliance_instances as i')).count<{ n: string }[]>({ n: '*' }).first();
  return { total: Number(counted?.n ?? 0), items: toLines(rows, options.today, options.amber) };
}

/** A person's open items to prepare, and the submitted items waiting for their approval. */
export async function myItems(tx: TenantTx, userId: string, today: IsoDate, amber: number): Promise<MyItems> {
  const toPrepare = await base(tx).where('i.owner_user_id', userId).whereIn('i.status', ['pending', 'rejected']);
  // The latest version is the one to decide on (earlier pending ones were superseded).
  const toApprove = await base(tx).where('i.approver_user_id', userId).where('i.status', 'submitted')
    .joinRaw(`LEFT JOIN LATERAL (SELECT ev.id AS evidence_id, ev.version AS evidence_version FROM evidence ev
      WHERE ev.tenant_id = i.tenant_id AND ev.instance_id = i.id ORDER BY ev.version DESC LIMIT 1) latest ON true`)
    .select('latest.evidence_id', 'latest.evidence_version');
  return { toPrepare: toLines(toPrepare, today, amber), toApprove: toLines(toApprove, today, amber) };
}

/** Items the person prepared or approved that were closed in the last `days` days. */
export async function recentlyCompleted(tx: TenantTx, userId: string, today: IsoDate, days: number, amber: number): Promise<ItemLine[]> {
  const rows = await base(tx)
    .whereIn('i.status', ['approved', 'not_applicable'])
    .andWhere((q) => q.where('i.owner_user_id', userId).orWhere('i.approver_user_id', userId))
    .andWhere('i.decided_at', '>=', tx.trx.raw('?::date', [addDays(today, -days)]))
    .clearOrder().orderBy('i.decided_at', 'desc');
  return toLines(rows, today, amber);
}

/** The active entities within someone's reach, by name (what they may ask about). */
export async function entitiesWithin({ trx, tenantId }: TenantTx, reach: EntityReach): Promise<{ id: string; name: string }[]> {
  const query = trx('entities').where({ tenant_id: tenantId, is_active: true }).orderBy('name').select('id', 'name');
  if (reach !== 'all') query.whereIn('id', reach);
  return query;
}
