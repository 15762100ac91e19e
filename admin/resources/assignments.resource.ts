import type { ResourceWithOptions } from 'adminjs';
import { ValidationError } from '../../core/errors.js';
import { assignmentSchema, parseRecord } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, inEntities, tableResource, tenantOf } from './common.js';

/** Which obligation applies to which entity, prepared and approved by whom. */
export const assignmentsSpec: TableSpec = {
  id: 'assignments',
  table: 'assignments',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'entity_id', reference: 'entities' },
    { path: 'master_id', reference: 'compliance_masters', isTitle: true },
    { path: 'owner_user_id', reference: 'users' },
    { path: 'approver_user_id', reference: 'users' },
    { path: 'reason' },
    { path: 'is_active', type: 'boolean' },
    { path: 'created_at', type: 'datetime', editable: false },
  ],
  entityScope: inEntities('assignments.entity_id'),
  defaultSort: { column: 'created_at', direction: 'asc' },
  writes: {
    objectType: 'assignment',
    operations: ['create', 'update', 'delete'],
    parse: async (input, _op, ctx) => {
      const v = parseRecord(assignmentSchema, input);
      const values = tenantOf({ ...v, owner_user_id: v.owner_user_id ?? null, approver_user_id: v.approver_user_id ?? null, reason: v.reason ?? null }, input, ctx);
      // The master's foreign key alone would accept another tenant's own obligation (the library is shared).
      const tenantId = ctx.tenantId ?? String(values.tenant_id);
      if (!(await ctx.lookups.masterInLibraryOf(v.master_id, tenantId))) throw new ValidationError('That obligation is not in the library or this tenant’s own list.', { details: { fields: { master_id: 'choose an obligation from the library or this tenant’s own' } } });
      return values;
    },
  },
};

export const assignmentsResource = (stores: PortalStores): ResourceWithOptions => tableResource(stores, assignmentsSpec, {
  navigation: NAV.library,
  listProperties: ['entity_id', 'master_id', 'owner_user_id', 'approver_user_id', 'is_active'],
  filterProperties: ['entity_id', 'master_id', 'owner_user_id', 'approver_user_id', 'is_active'],
  editProperties: ['tenant_id', 'entity_id', 'master_id', 'owner_user_id', 'approver_user_id', 'reason', 'is_active'],
});
