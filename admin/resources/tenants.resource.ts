import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import { formatDate, todayIn } from '../../core/engine/dates.js';
import { defaultTrackingStart } from '../../core/engine/schedule.js';
import { ValidationError } from '../../core/errors.js';
import { newTenantSchema, parseRecord, tenantSettingsSchema } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, tableResource } from './common.js';

const SETTINGS = [
  'name', 'timezone', 'amber_window_days', 'reminder_days_before', 'escalation_after_days', 'escalation_repeat_days',
  'working_hours_start', 'working_hours_end', 'generation_horizon_months', 'tracking_start_date', 'slack_channel_id',
];

/**
 * An earlier tracking start makes every item due in between, most of them overdue on arrival:
 * not from the edit form, which cannot show how many, but from the action that previews them.
 */
function refuseEarlierTrackingStart(wanted: string | undefined, stored: string | null | undefined): void {
  if (!wanted || !stored || wanted >= stored) return;
  const problem = `Moving the tracking start earlier (from ${formatDate(stored)} to ${formatDate(wanted)}) makes the items due in between, many already overdue: use "Change tracking start" on this tenant, which shows how many before anything is made.`;
  throw new ValidationError(problem, { details: { fields: { tracking_start_date: problem } } });
}

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
    parse(input, op, ctx, existing) {
      if (op === 'create') {
        const tenant = parseRecord(newTenantSchema, input);
        // A new tenant tracks from the first of its month (its own time zone, the clock's today) unless told otherwise.
        return { ...tenant, tracking_start_date: tenant.tracking_start_date ?? defaultTrackingStart(todayIn(tenant.timezone, ctx.now)) };
      }
      const settings = parseRecord(tenantSettingsSchema, input);
      refuseEarlierTrackingStart(settings.tracking_start_date, existing?.tracking_start_date as string | null | undefined);
      // Only the platform opens and closes a tenant.
      return ctx.admin.kind === 'platform' && input.is_active !== undefined ? { ...settings, is_active: String(input.is_active) === 'true' } : settings;
    },
  },
};

export const tenantsResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, tenantsSpec, {
  navigation: NAV.setup,
  listProperties: ['name', 'slug', 'timezone', 'amber_window_days', 'is_active'],
  editProperties: ['slug', ...SETTINGS, 'is_active'],
  showProperties: ['name', 'slug', ...SETTINGS.slice(1), 'is_active', 'created_at'],
  filterProperties: ['name', 'slug', 'is_active'],
  properties: {
    tracking_start_date: { description: 'Items due before this day are not made. A new tenant starts on the first of the current month unless another day is given; to move it earlier use "Change tracking start", which shows what it would make first.' },
  },
  actions,
});
