import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, tableResource } from './common.js';

/**
 * Government extensions (master + period → new date). Recorded and applied through the Apply
 * action, which shows the open items that move before anything changes.
 */
export const extensionsSpec: TableSpec = {
  id: 'due_date_overrides',
  table: 'due_date_overrides',
  scope: 'shared',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'master_id', reference: 'compliance_masters', isTitle: true },
    { path: 'period_key' },
    { path: 'extended_due_date', type: 'date' },
    { path: 'reference' },
    { path: 'note', type: 'textarea' },
    { path: 'applied_at', type: 'datetime' },
    { path: 'created_at', type: 'datetime' },
  ],
  defaultSort: { column: 'created_at', direction: 'desc' },
};

export const extensionsResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, extensionsSpec, {
  id: 'due_date_overrides',
  navigation: NAV.library,
  listProperties: ['master_id', 'period_key', 'extended_due_date', 'reference', 'tenant_id', 'applied_at'],
  filterProperties: ['master_id', 'period_key', 'extended_due_date', 'reference'],
  properties: { tenant_id: { description: 'Empty for extensions shipped with the library.' } },
  actions,
});
