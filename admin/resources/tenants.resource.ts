import type { ResourceWithOptions } from 'adminjs';
import { newTenantSchema, parseRecord, tenantSettingsSchema } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, tableResource } from './common.js';

const SETTINGS = [
  'name', 'timezone', 'amber_window_days', 'reminder_days_before', 'escalation_after_days', 'escalation_repeat_days',
  'working_hours_start', 'working_hours_end', 'generation_horizon_months', 'tracking_start_date', 'slack_channel_id',
];

/** Tenants: platform admins create and close them; a tenant admin sees and tunes their own. */
export const tenantsSpec: TableSpec = {
  id: 'tenants',
  table: 'tenants',
  scope: 'tenants',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'slug' },
    { path: 'name', isTitle: true },
    { path: 'timezone' },
    { path: 'amber_window_days', type: 'number' },
    { path: 'reminder_days_before', type: 'number' },
    { path: 'escalation_after_days', type: 'number' },
    { path: 'escalation_repeat_days', type: 'number' },
    { path: 'working_hours_start', type: 'number' },
    { path: 'working_hours_end', type: 'number' },
    { path: 'generation_horizon_months', type: 'number' },
    { path: 'tracking_start_date', type: 'date' },
    { path: 'slack_channel_id' },
    { path: 'is_active', type: 'boolean' },
    { path: 'created_at', type: 'datetime', editable: false },
  ],
  defaultSort: { column: 'name', direction: 'asc' },
  writes: {
    objectType: 'tenant',
    operations: ['create', 'update', 'delete'],
    platformOnly: ['create', 'delete'],
    parse(input, op, ctx) {
      if (op === 'create') return parseRecord(newTenantSchema, input);
      const settings = parseRecord(tenantSettingsSchema, input);
      // Only the platform opens and closes a tenant.
      return ctx.admin.kind === 'platform' && input.is_active !== undefined ? { ...settings, is_active: String(input.is_active) === 'true' } : settings;
    },
  },
};

export const tenantsResource = (stores: PortalStores): ResourceWithOptions => tableResource(stores, tenantsSpec, {
  navigation: NAV.setup,
  listProperties: ['name', 'slug', 'timezone', 'amber_window_days', 'is_active'],
  editProperties: ['slug', ...SETTINGS, 'is_active'],
  showProperties: ['name', 'slug', ...SETTINGS.slice(1), 'is_active', 'created_at'],
  filterProperties: ['name', 'slug', 'is_active'],
});
