import type { ResourceWithOptions } from 'adminjs';
import type { Knex } from 'knex';
import { todayIn } from '../../core/engine/dates.js';
import { ragOf } from '../../core/engine/rag.js';
import { OPEN_STATUSES, STATUSES, type InstanceStatus } from '../../core/engine/status.js';
import type { Database } from '../../infra/db/database.js';
import { enqueueNotifications } from '../../infra/outbox/enqueue.js';
import { parseRecord, reassignSchema } from '../../core/setup/records.js';
import { reassignmentNotices } from '../../core/use-cases/reassign.js';
import { tenantTx } from '../scope.js';
import type { Row, ScopeContext, TableSpec } from '../adapter/table-resource.js';
import { auditTimeline } from './timeline.js';
import { NAV, inEntities, tableResource } from './common.js';

/**
 * core's ragOf as index-friendly conditions, with the tenant's own today and amber window: for
 * a tenant user their tenant (one lookup, so the (tenant, due date) index serves the filter); for
 * a platform admin each row's tenant. A test holds the result equal to the RAG shown per row.
 */
function whereRag(query: Knex.QueryBuilder, rag: string, ctx: ScopeContext): void {
  const tenant = ctx.tenantId ? '?' : 'compliance_instances.tenant_id';
  const bindings = ctx.tenantId ? [ctx.tenantId] : [];
  const today = ctx.trx.raw(`(SELECT (now() AT TIME ZONE t.timezone)::date FROM tenants t WHERE t.id = ${tenant})`, bindings);
  const amberEnd = ctx.trx.raw(`(SELECT (now() AT TIME ZONE t.timezone)::date + t.amber_window_days FROM tenants t WHERE t.id = ${tenant})`, bindings);
  const open = [...OPEN_STATUSES];
  const status = 'compliance_instances.status';
  const due = 'compliance_instances.due_date';
  if (rag === 'red') query.whereIn(status, open).where(due, '<', today);
  else if (rag === 'amber') query.whereIn(status, open).where(due, '>=', today).andWhere((q) => q.where(status, 'rejected').orWhere(due, '<=', amberEnd));
  else if (rag === 'green') query.where((q) => q.whereNotIn(status, open).orWhere((o) => o.where(due, '>=', today).whereNot(status, 'rejected').where(due, '>', amberEnd)));
  else query.whereRaw('false');
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
    rag: whereRag,
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
    // The newly named preparer or approver hears of it (core decides who).
    after: async (row, _op, ctx, before) => {
      const people = (r: Row | undefined) => ({ ownerUserId: (r?.owner_user_id as string | null) ?? null, approverUserId: (r?.approver_user_id as string | null) ?? null });
      await enqueueNotifications(tenantTx(ctx.trx, String(row.tenant_id)), reassignmentNotices(row.id, people(before), people(row), new Date()));
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
});
