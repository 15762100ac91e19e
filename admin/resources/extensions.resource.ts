import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, tableResource } from './common.js';
import { EXTENSION_KINDS } from '../../core/engine/master.js';

/**
 * Government relief per master and period: extensions (a new due date, for everywhere or only for
 * some states / districts) and MCA fee waivers (the due date stays; no additional fee until the
 * date). Recorded and applied through the Apply action, which shows the open items that move
 * before anything changes.
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
    { path: 'kind', values: EXTENSION_KINDS },
    { path: 'extended_due_date', type: 'date' },
    { path: 'reference' },
    { path: 'states', isArray: true },
    { path: 'districts', isArray: true },
    { path: 'note', type: 'textarea' },
    { path: 'applied_at', type: 'datetime' },
    { path: 'created_at', type: 'datetime' },
  ],
  defaultSort: { column: 'created_at', direction: 'desc' },
};

export const extensionsResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, extensionsSpec, {
  id: 'due_date_overrides',
  navigation: NAV.library,
  listProperties: ['master_id', 'period_key', 'kind', 'extended_due_date', 'reference', 'states', 'districts', 'tenant_id', 'applied_at'],
  filterProperties: ['master_id', 'period_key', 'kind', 'extended_due_date', 'reference'],
  properties: {
    tenant_id: { description: 'Empty for extensions shipped with the library.' },
    kind: { description: 'extension: the due date moves to the date. fee_waiver: the due date stays (the item is overdue after it); no additional fee is charged until the date.' },
    extended_due_date: { description: 'The new due date of an extension, or the last day without additional fee of a fee waiver.' },
    states: { description: 'Only for principal places of business in these states (empty: every state).' },
    districts: { description: 'Only for principal places of business in these districts, as entities record them (empty: every district).' },
  },
  actions,
});
