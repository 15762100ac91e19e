import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import { todayIn } from '../../core/engine/dates.js';
import { ragOf } from '../../core/engine/rag.js';
import { periodWords } from '../../core/engine/labels.js';
import { feeWaiverPhrase } from '../../core/engine/relief.js';
import { STATUSES, isOpen, type InstanceStatus } from '../../core/engine/status.js';
import { reassignItem } from '../../core/use-cases/reassign.js';
import type { PortalStores, Row, RowContext, TableSpec } from '../adapter/table-resource.js';
import { Components } from '../components/index.js';
import { itemTimelineHtml } from './timeline.js';
import { NAV, inEntities, tableResource } from './common.js';

/** Each row's RAG by core's rule, with its tenant's own today (by the clock) and amber window, and whether it is still open. */
async function addRag(rows: Row[], ctx: RowContext): Promise<void> {
  const settings = await ctx.lookups.ragSettings([...new Set(rows.map((r) => String(r.tenant_id)))]);
  for (const row of rows) {
    const s = settings.get(String(row.tenant_id));
    row.open = isOpen(row.status as InstanceStatus);
    if (s) row.rag = ragOf(row.status as InstanceStatus, String(row.due_date), todayIn(s.timezone, ctx.now), s.amberWindowDays);
  }
}

/**
 * The obligation as the law in force for each row's period names it: "Tax audit report (Form 26)
 * · s.63, Income-tax Act, 2025 · TY 2026-27", and the period as people say it ("Nov 2026", not 2026-11).
 */
async function addObligation(rows: Row[], ctx: RowContext): Promise<void> {
  const labels = await ctx.lookups.itemLabels(rows.map((r) => String(r.id)));
  for (const row of rows) {
    const label = labels.get(String(row.id));
    if (!label) continue;
    row.obligation = [label.title, [label.section, label.law].filter(Boolean).join(', '), periodWords(label.period)].join(' · ');
    row.period = periodWords(label.period);
  }
}

/** Each row's name as people read it (its title wherever an item is named: lists, references, pages). */
async function addName(rows: Row[], ctx: RowContext): Promise<void> {
  const names = await ctx.lookups.itemNames(rows.map((r) => String(r.id)));
  for (const row of rows) row.item = names.get(String(row.id)) ?? null;
}

/** The MCA fee waiver beside the due date (which it leaves alone): "No additional fee until 31 Jan 2026 (MCA General Circular 08/2025)". */
async function addFeeWaiver(rows: Row[], ctx: RowContext): Promise<void> {
  const waivers = await ctx.lookups.feeWaivers(rows.map((r) => String(r.id)));
  for (const row of rows) {
    const waiver = waivers.get(String(row.id));
    if (waiver) row.fee_waiver = feeWaiverPhrase(waiver).replace(/^n/, 'N');
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
    // The GSTIN, TAN, … the item is owed per (empty: the entity's own item).
    { path: 'registration_id', reference: 'registrations', editable: false },
    // "GSTR-3B (monthly) · Demo Manufacturing · 27AABCD1234F1Z5 · Nov 2026": the item's name, never a code or a period key.
    { path: 'item', virtual: true, isTitle: true },
    { path: 'master_id', reference: 'compliance_masters', editable: false },
    { path: 'obligation', virtual: true },
    { path: 'period', virtual: true },
    { path: 'period_key', editable: false },
    { path: 'period_start', type: 'date', editable: false },
    { path: 'period_end', type: 'date', editable: false },
    { path: 'statutory_due_date', type: 'date', editable: false },
    { path: 'extended_due_date', type: 'date', editable: false },
    { path: 'extension_reference', editable: false },
    { path: 'working_due_date', type: 'date', editable: false },
    { path: 'due_date', type: 'date', editable: false },
    { path: 'fee_waiver', virtual: true },
    { path: 'status', values: STATUSES, editable: false },
    { path: 'rag', values: ['red', 'amber', 'green'], virtual: true },
    { path: 'open', type: 'boolean', virtual: true },
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
  // core's ragOf as index-friendly SQL conditions (a test holds the result equal to the RAG shown per row).
  virtualFilters: { rag: 'instance-rag', open: 'instance-open', item: 'instance-name' },
  async augment(rows, ctx, view) {
    await addRag(rows, ctx);
    await addName(rows, ctx);
    if (view === 'show') {
      await addObligation(rows, ctx);
      await addFeeWaiver(rows, ctx);
      for (const row of rows) row.timeline = await itemTimelineHtml(ctx, row);
    }
  },
  writes: {
    objectType: 'instance',
    operations: ['update'],
    // Reassigning is core's use case: who may, the audit entry, and who hears of it.
    change: (records, actor, { id, sent }, now) => reassignItem(records, actor, {
      instanceId: String(id), ownerUserId: sent.owner_user_id as string | null | undefined, approverUserId: sent.approver_user_id as string | null | undefined,
    }, now),
  },
};

export const instancesResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, instancesSpec, {
  navigation: NAV.work,
  actions,
  listProperties: ['item', 'due_date', 'status', 'rag', 'owner_user_id'],
  filterProperties: ['item', 'entity_id', 'registration_id', 'master_id', 'status', 'open', 'rag', 'due_date', 'period_key', 'owner_user_id', 'approver_user_id'],
  editProperties: ['owner_user_id', 'approver_user_id'],
  showProperties: [
    'item', 'master_id', 'obligation', 'entity_id', 'registration_id', 'period', 'period_start', 'period_end', 'statutory_due_date', 'extended_due_date', 'extension_reference',
    'working_due_date', 'due_date', 'fee_waiver', 'status', 'rag', 'owner_user_id', 'approver_user_id', 'filing_reference', 'status_reason',
    'submitted_at', 'decided_at', 'approved_late', 'timeline',
  ],
  properties: {
    item: { description: 'The obligation, the entity (with the registration it is owed per) and the period.' },
    rag: { components: { list: Components.Rag, show: Components.Rag } },
    status: { components: { list: Components.Status, show: Components.Status } },
    timeline: { description: 'Every change to this item and its evidence, and the messages sent about it, in your organisation’s timezone.' },
    obligation: { description: 'The form, section, law and period name in force for this period.' },
    open: { description: 'Pending, submitted or rejected: still to be filed or approved.' },
    fee_waiver: { description: 'An MCA fee waiver for this period: the due date and RAG stay; only the additional fee is waived until this date.' },
  },
});
