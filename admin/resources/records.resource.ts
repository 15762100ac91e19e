import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import { formatBytes } from '../../core/evidence/file-policy.js';
import { Components } from '../components/index.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, ofEntityItems, tableResource } from './common.js';

// These tables have no writes: the portal offers no new, edit or delete on them (see standardActions).

/** Evidence versions: listed, shown and downloaded; never edited or deleted here. */
export const evidenceSpec: TableSpec = {
  id: 'evidence',
  table: 'evidence',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'instance_id', reference: 'compliance_instances' },
    { path: 'version', type: 'number' },
    { path: 'file_name', isTitle: true },
    { path: 'content_type' },
    { path: 'size_bytes', type: 'number' },
    // "245.3 KB": the size as people read it.
    { path: 'size', virtual: true },
    { path: 'sha256' },
    { path: 'uploaded_by', reference: 'users' },
    { path: 'channel', values: ['slack', 'teams', 'portal'] },
    { path: 'review_status', values: ['pending', 'approved', 'rejected', 'superseded'] },
    { path: 'reviewed_by', reference: 'users' },
    { path: 'reviewed_at', type: 'datetime' },
    { path: 'review_reason' },
    { path: 'created_at', type: 'datetime' },
    { path: 'download', type: 'richtext', virtual: true },
  ],
  defaultSort: { column: 'created_at', direction: 'desc' },
  entityScope: ofEntityItems('evidence.instance_id'),
  async augment(rows) {
    for (const row of rows) {
      // The link goes to the portal's authenticated download route (a short-lived signed URL for S3).
      row.download = `<a href="/admin/evidence/${row.id}/download">Download ${String(row.file_name).replace(/[&<>"']/g, '')}</a>`;
      row.size = formatBytes(Number(row.size_bytes));
    }
  },
};

export const evidenceResource = (stores: PortalStores): ResourceWithOptions => tableResource(stores, evidenceSpec, {
  navigation: NAV.work,
  listProperties: ['file_name', 'instance_id', 'version', 'size', 'review_status', 'uploaded_by', 'created_at'],
  properties: { size: { components: { list: Components.NoWrap } } },
  filterProperties: ['instance_id', 'review_status', 'uploaded_by', 'channel', 'file_name', 'sha256', 'created_at'],
  showProperties: ['file_name', 'download', 'instance_id', 'version', 'content_type', 'size', 'sha256', 'uploaded_by', 'channel', 'review_status', 'reviewed_by', 'reviewed_at', 'review_reason', 'created_at'],
});

/** The tamper-evident audit trail, read-only, with the Verify chain action. */
export const auditSpec: TableSpec = {
  id: 'audit_log',
  table: 'audit_log',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'seq', type: 'number' },
    { path: 'occurred_at', type: 'datetime' },
    { path: 'actor_type', values: ['user', 'platform_user', 'system'] },
    { path: 'actor_id' },
    { path: 'actor_label' },
    { path: 'action', isTitle: true },
    { path: 'object_type' },
    { path: 'object_id' },
    { path: 'before', json: true },
    { path: 'after', json: true },
    { path: 'prev_hash' },
    { path: 'hash' },
    // The item an entry is about (itself, or its evidence), named: AdminJS fills in its name from the items.
    { path: 'item', reference: 'compliance_instances', virtual: true },
  ],
  defaultSort: { column: 'occurred_at', direction: 'desc' },
  // Entries about the entities themselves, their items and the items' evidence.
  entityScope: 'audit',
  async augment(rows, ctx) {
    const evidence = await ctx.lookups.itemsOfEvidence(rows.filter((r) => r.object_type === 'evidence').map((r) => String(r.object_id)));
    for (const row of rows) row.item = row.object_type === 'instance' ? row.object_id : row.object_type === 'evidence' ? evidence.get(String(row.object_id)) ?? null : null;
  },
};

export const auditResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, auditSpec, {
  navigation: NAV.records,
  listProperties: ['seq', 'occurred_at', 'actor_label', 'action', 'item', 'object_type'],
  filterProperties: ['action', 'object_type', 'object_id', 'actor_label', 'actor_type', 'occurred_at'],
  sort: { sortBy: 'occurred_at', direction: 'desc' },
  actions,
});

/** The notifications outbox, read-only, with Retry for a failed or dead message. */
export const notificationsSpec: TableSpec = {
  id: 'notifications',
  table: 'notifications',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'channel', values: ['email', 'slack', 'teams'] },
    { path: 'kind', isTitle: true },
    { path: 'recipient_user_id', reference: 'users' },
    { path: 'recipient' },
    { path: 'instance_id', reference: 'compliance_instances' },
    { path: 'status', values: ['pending', 'sent', 'failed', 'dead'] },
    { path: 'attempts', type: 'number' },
    { path: 'next_attempt_at', type: 'datetime' },
    { path: 'sent_at', type: 'datetime' },
    { path: 'last_error' },
    { path: 'created_at', type: 'datetime' },
  ],
  defaultSort: { column: 'created_at', direction: 'desc' },
  entityScope: ofEntityItems('notifications.instance_id'),
};

export const notificationsResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, notificationsSpec, {
  navigation: NAV.records,
  listProperties: ['kind', 'instance_id', 'channel', 'recipient_user_id', 'status', 'attempts', 'created_at'],
  filterProperties: ['kind', 'channel', 'status', 'recipient_user_id', 'instance_id', 'created_at'],
  actions,
});
