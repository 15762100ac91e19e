import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import { STATE_CODES } from '../../core/engine/states.js';
import { holidaySchema, parseRecord } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, ownRowChange, tableResource, tenantOf } from './common.js';

/**
 * Holidays "next working day" obligations move past: the published government lists shipped with
 * the library (no tenant, read-only, each with its source) and the tenant's own (optionally for one state).
 */
export const holidaysSpec: TableSpec = {
  id: 'holidays',
  table: 'holidays',
  scope: 'shared',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'holiday_date', type: 'date' },
    { path: 'state', values: STATE_CODES },
    { path: 'name', isTitle: true },
    { path: 'source', type: 'textarea', editable: false },
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
    // Shipped rows are refused by core's setup rule, whatever the channel or crafted request.
  },
};

/**
 * Shipped holidays are read-only for everyone: the buttons appear on a tenant's own rows only.
 * Hidden rather than inaccessible, so a request made anyway gets core's refusal saying why.
 */
export const holidaysResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, holidaysSpec, {
  navigation: NAV.setup,
  listProperties: ['holiday_date', 'name', 'state', 'tenant_id'],
  filterProperties: ['holiday_date', 'name', 'state', 'tenant_id'],
  editProperties: ['tenant_id', 'holiday_date', 'name', 'state'],
  showProperties: ['holiday_date', 'name', 'state', 'tenant_id', 'source'],
  properties: {
    state: { description: 'The state or union territory it is a holiday in; empty for a holiday in every state.' },
    tenant_id: { description: 'Empty for the published government lists shipped with the product (read-only; see the source).' },
  },
  actions: { edit: { isVisible: ownRowChange }, delete: { isVisible: ownRowChange }, ...actions },
});
