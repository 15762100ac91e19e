import type { ResourceWithOptions } from 'adminjs';
import { ValidationError } from '../../core/errors.js';
import { parseRecord, reminderScheduleSchema } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, tableResource, tenantOf } from './common.js';

/**
 * A tenant's own notice for an obligation ("30, 14, 7, 3": reminded 30, 14, 7 and 3 days before the
 * due date), over the obligation's default (weeks for annual filings, days for monthly ones).
 */
export const reminderSchedulesSpec: TableSpec = {
  id: 'reminder_schedules',
  table: 'reminder_schedules',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'master_id', reference: 'compliance_masters', isTitle: true },
    { path: 'days_before' },
    { path: 'updated_at', type: 'datetime', editable: false },
  ],
  defaultSort: { column: 'updated_at', direction: 'desc' },
  writes: {
    objectType: 'reminder_schedule',
    operations: ['create', 'update', 'delete'],
    parse: async (input, _op, ctx) => {
      const values = tenantOf(parseRecord(reminderScheduleSchema, input), input, ctx);
      const tenantId = ctx.tenantId ?? String(values.tenant_id);
      if (!(await ctx.lookups.masterInLibraryOf(String(values.master_id), tenantId))) {
        throw new ValidationError('That obligation is not in the library or this tenant’s own list.', { details: { fields: { master_id: 'choose an obligation from the library or this tenant’s own' } } });
      }
      return values;
    },
  },
};

export const reminderSchedulesResource = (stores: PortalStores): ResourceWithOptions => tableResource(stores, reminderSchedulesSpec, {
  navigation: NAV.library,
  listProperties: ['master_id', 'days_before', 'updated_at'],
  filterProperties: ['master_id'],
  editProperties: ['tenant_id', 'master_id', 'days_before'],
  properties: {
    days_before: { description: 'Days before the due date on which the preparer is reminded, e.g. 30, 14, 7, 3 (at most 8, each 0–120). The due-day and overdue reminders stay as they are.' },
  },
});
