import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import { holidaySchema, parseRecord } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, tableResource, tenantOf } from './common.js';

/** Tenant holidays (optionally for one state): "next working day" obligations move past them. */
export const holidaysSpec: TableSpec = {
  id: 'holidays',
  table: 'holidays',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'holiday_date', type: 'date' },
    { path: 'state' },
    { path: 'name', isTitle: true },
  ],
  defaultSort: { column: 'holiday_date', direction: 'asc' },
  writes: {
    objectType: 'holiday',
    operations: ['create', 'update', 'delete'],
    parse: (input, _op, ctx) => {
      const values = parseRecord(holidaySchema, input);
      return tenantOf({ ...values, state: values.state ?? null }, input, ctx);
    },
    // Open items due on a changed day move to (or back from) the next working day (core re-dates them), audited.
  },
};

export const holidaysResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, holidaysSpec, {
  navigation: NAV.setup,
  listProperties: ['holiday_date', 'name', 'state'],
  filterProperties: ['holiday_date', 'name', 'state'],
  editProperties: ['tenant_id', 'holiday_date', 'name', 'state'],
  properties: { state: { description: 'Two-letter state code, or empty for every state' } },
  actions,
});
