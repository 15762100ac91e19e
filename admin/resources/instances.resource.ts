import type { ResourceWithOptions } from 'adminjs';
import type { Knex } from 'knex';
import { todayIn } from '../../core/engine/dates.js';
import { ragOf } from '../../core/engine/rag.js';
import { OPEN_STATUSES, type InstanceStatus } from '../../core/engine/status.js';
import type { Database } from '../../core/infra/db/database.js';
import { enqueueNotifications } from '../../core/infra/outbox/enqueue.js';
import { parseRecord, reassignSchema } from '../../core/setup/records.js';
import { tenantTx } from '../scope.js';
import type { Row, ScopeContext, TableSpec } from '../adapter/table-resource.js';
import { auditTimeline } from './timeline.js';
import { NAV, inEntities, tableResource } from './common.js';

const STATUSES = ['pending', 'submitted', 'approved', 'rejected', 'not_applicable'] as const;

/** The same rule as core's ragOf, per row in SQL with each tenant's own today and amber window (a test holds them equal). */
const RAG_SQL = `(SELECT CASE
    WHEN NOT (compliance_instances.status = ANY (?)) THEN 'green'
    WHEN compliance_instances.due_date < d.today THEN 'red'
    WHEN compliance_instances.status = 'rejected' OR compliance_instances.due_date <= d.today + d.amber THEN 'amber'
    ELSE 'green' END
  FROM (SELECT (now() AT TIME ZONE t.timezone)::date AS today, t.amber_window_days AS amber
        FROM tenants t WHERE t.id = compliance_instances.tenant_id) d)`;

/** Ids of the tenant's items with the given RAG, by ragOf's rule written as index-friendly conditions. */
function ragForTenant(sub: Knex.QueryBuilder, rag: string, ctx: ScopeContext): Knex.QueryBuilder {
  const open = [...OPEN_STATUSES];
  const today = ctx.trx.raw("(SELECT (now() AT TIME ZONE timezone)::date FROM tenants WHERE id = ?)", [ctx.tenantId]);
  const amberEnd = ctx.trx.raw("(SELECT (now() AT TIME ZONE timezone)::date + amber_window_days FROM tenants WHERE id = ?)", [ctx.tenantId]);
  sub.select('id').from('compliance_instances').where('tenant_id', ctx.tenantId!);
  if (rag === 'red') return sub.whereIn('status', open).where('due_date', '<', today);
  if (rag === 'amber') return sub.whereIn('status', open).where('due_date', '>=', today).andWhere((q) => q.where('status', 'rejected').orWhere('due_date', '<=', amberEnd));
  if (rag === 'green') return sub.where((q) => q.whereNotIn('status', open).orWhere((o) => o.where('due_date', '>=', today).whereNot('status', 'rejected').where('due_date', '>', amberEnd)));
  return sub.whereRaw('false');
}

async function addRag(rows: Row[], { trx }: ScopeContext): Promise<void> {
  const tenantIds = [...new Set(rows.map((r) => String(r.tenant_id)))];
  const tenants = await trx('tenants').whereIn('id', tenantIds).select('id', 'timezone', 'amber_window_days');
  const settings = new Map(tenants.map((t) => [t.id, { today: todayIn(t.timezone, new Date()), amber: t.amber_window_days as number }]));
  for (const row of rows) {
    const s = settings.get(String(row.tenant_id));
    if (s) row.rag = ragOf(row.status as InstanceStatus, String(row.due_date), s.today, s.amber);
  }
}

/** The dated work items; reassigning the preparer or approver is the one change made here. */
export const instancesSpec: TableSpec = {
  id: 'compliance_instances',
  table: 'compliance_instances',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants', editable: false },
    { path: 'entity_id', reference: 'entities', editable: false },
    { path: 'master_id', reference: 'compliance_masters', editable: false, isTitle: true },
    { path: 'period_key', editable: false },
    { path: 'period_start', type: 'date', editable: false },
    { path: 'period_end', type: 'date', editable: false },
    { path: 'statutory_due_date', type: 'date', editable: false },
    { path: 'extended_due_date', type: 'date', editable: false },
    { path: 'extension_reference', editable: false },
    { path: 'working_due_date', type: 'date', editable: false },
    { path: 'due_date', type: 'date', editable: false },
    { path: 'status', values: STATUSES, editable: false },
    { path: 'rag', values: ['red', 'amber', 'green'], virtual: true },
    { path: 'owner_user_id', reference: 'users' },
    { path: 'approver_user_id', reference: 'users' },
    { path: 'filing_reference', editable: false },
    { path: 'status_reason', editable: false },
    { path: 'submitted_at', type: 'datetime', editable: false },
    { path: 'decided_at', type: 'datetime', editable: false },
    { path: 'approved_late', type: 'boolean', editable: false },
    { path: 'timeline', type: 'richtext', virtual: true },
  ],
  entityScope: inEntities('compliance_instances.entity_id'),
  defaultSort: { column: 'due_date', direction: 'asc' },
  virtualFilters: {
    rag: (query, value, ctx) => {
      // A tenant user's filter uses their tenant's today directly, so the (tenant, due date) index serves it.
      if (ctx.tenantId) query.whereIn('compliance_instances.id', (sub: Knex.QueryBuilder) => ragForTenant(sub, value, ctx));
      else query.whereRaw(`${RAG_SQL} = ?`, [[...OPEN_STATUSES], value]);
    },
  },
  async augment(rows, ctx, view) {
    await addRag(rows, ctx);
    if (view === 'show') for (const row of rows) row.timeline = await auditTimeline(ctx.trx, row);
  },
  writes: {
    objectType: 'instance',
    operations: ['update'],
    parse: (input) => {
      const v = parseRecord(reassignSchema, input);
      return { owner_user_id: v.owner_user_id ?? null, approver_user_id: v.approver_user_id ?? null };
    },
    // The newly named preparer or approver hears of it (in the item's thread when on Slack).
    after: async (row, _op, ctx, before) => {
      const changed = (['owner_user_id', 'approver_user_id'] as const).filter((c) => row[c] && row[c] !== before?.[c]);
      await enqueueNotifications(tenantTx(ctx.trx, String(row.tenant_id)), changed.map((c) => ({
        kind: 'assigned', to: { kind: 'user' as const, userId: String(row[c]) }, instanceId: row.id,
        dedupKey: `assigned:${row.id}:${c}:${String(row[c])}:${Date.now()}`,
        payload: { as: c === 'owner_user_id' ? 'preparer' : 'approver' },
      })));
    },
  },
};

export const instancesResource = (db: Database): ResourceWithOptions => tableResource(db, instancesSpec, {
  navigation: NAV.work,
  listProperties: ['master_id', 'entity_id', 'period_key', 'due_date', 'status', 'rag', 'owner_user_id'],
  filterProperties: ['entity_id', 'master_id', 'status', 'rag', 'due_date', 'period_key', 'owner_user_id', 'approver_user_id'],
  editProperties: ['owner_user_id', 'approver_user_id'],
  showProperties: [
    'master_id', 'entity_id', 'period_key', 'period_start', 'period_end', 'statutory_due_date', 'extended_due_date', 'extension_reference',
    'working_due_date', 'due_date', 'status', 'rag', 'owner_user_id', 'approver_user_id', 'filing_reference', 'status_reason',
    'submitted_at', 'decided_at', 'approved_late', 'timeline',
  ],
  properties: { timeline: { description: 'Every change to this item and its evidence, from the audit trail.' } },
  actions: { new: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } },
});
