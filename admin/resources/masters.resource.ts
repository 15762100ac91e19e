import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import { nextDueDates } from '../../core/engine/calendar.js';
import { ENTITY_EVENT_MEANINGS } from '../../core/engine/events.js';
import { formatDate, todayIn } from '../../core/engine/dates.js';
import { HOLIDAY_POLICIES, OWED_PER } from '../../core/engine/master.js';
import { FREQUENCIES } from '../../core/engine/periods.js';
import { ValidationError } from '../../core/errors.js';
import { toMasterRow } from '../../infra/stores/masters.js';
import { fieldProblems, masterColumnOf, masterFromColumns, masterNoticeSchema, parseRecord } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, ownRowChange, tableResource, tenantOf } from './common.js';

/**
 * Validates a tenant master as a whole (rule schema included) and, until the admin confirms,
 * refuses to save with the next 12 due dates under the rule field: the preview before saving.
 */
export function parseTenantMaster(input: Record<string, unknown>, today: string): Record<string, unknown> {
  const result = masterFromColumns.safeParse(input);
  if (!result.success) {
    const fields = Object.fromEntries(Object.entries(fieldProblems(result.error)).map(([k, v]) => [masterColumnOf(k), v]));
    throw new ValidationError(Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; '), { details: { fields } });
  }
  if (String(input.dates_checked) !== 'true') {
    const dates = nextDueDates(result.data, today).map((row) => `${row.periodKey} → ${formatDate(row.workingDueDate)}`);
    const latest = result.data.ruleVersions[result.data.ruleVersions.length - 1]!.rule;
    // A rule counted from each recorded event has no dates of its own to show: say what it does instead.
    const preview = latest.kind === 'after_each_event'
      ? `One item per event recorded on an entity (${ENTITY_EVENT_MEANINGS[latest.event].toLowerCase()}), due ${latest.days === 0 ? 'on the event\'s day' : `${latest.days} days after it`}.`
      : dates.length ? `Next ${dates.length} due dates: ${dates.join(' · ')}` : 'This rule gives no due dates in the next four years.';
    throw new ValidationError(`Check the due dates, tick "Dates checked" and save again. ${preview}`, {
      details: { fields: { rule_versions: preview, dates_checked: 'tick after checking the due dates above' } },
    });
  }
  return { ...toMasterRow(result.data), is_active: String(input.is_active ?? 'true') !== 'false' };
}

/** The obligation library: shared statutory rows (read-only here) and the tenant's own. */
export const mastersSpec: TableSpec = {
  id: 'compliance_masters',
  table: 'compliance_masters',
  scope: 'shared',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'code' },
    { path: 'name', isTitle: true },
    { path: 'category' },
    { path: 'law' },
    { path: 'section' },
    { path: 'authority' },
    { path: 'frequency', values: FREQUENCIES },
    { path: 'rule_versions', json: true },
    { path: 'holiday_policy', values: HOLIDAY_POLICIES },
    { path: 'owed_per', values: OWED_PER },
    { path: 'applicability', json: true },
    { path: 'description', type: 'textarea' },
    { path: 'sources', type: 'textarea' },
    { path: 'library_version', type: 'number', editable: false },
    { path: 'reminder_days' },
    { path: 'is_active', type: 'boolean' },
    { path: 'dates_checked', type: 'boolean', virtual: true, editable: true },
  ],
  defaultSort: { column: 'code', direction: 'asc' },
  writes: {
    objectType: 'master',
    operations: ['create', 'update', 'delete'],
    parse: async (input, _op, ctx) => {
      const { tenant_id: named } = tenantOf({}, input, ctx); // a platform admin must name the tenant
      const timezone = await ctx.lookups.timezoneOf(String(ctx.tenantId ?? named));
      const { reminder_days: days } = parseRecord(masterNoticeSchema, input);
      return tenantOf({ ...parseTenantMaster(input, todayIn(timezone, ctx.now)), reminder_days: days ?? null }, input, ctx);
    },
    // A changed rule re-dates the tenant's open items of this obligation (core does), audited and their owners told.
  },
};

/** Shared library rows are read-only for everyone: the buttons appear on a tenant's own rows only. */
export const mastersResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, mastersSpec, {
  navigation: NAV.library,
  listProperties: ['code', 'name', 'frequency', 'law', 'tenant_id', 'is_active'],
  filterProperties: ['code', 'name', 'category', 'law', 'frequency', 'tenant_id', 'is_active'],
  editProperties: ['tenant_id', 'code', 'name', 'category', 'law', 'section', 'authority', 'frequency', 'rule_versions', 'holiday_policy', 'owed_per', 'applicability', 'description', 'sources', 'reminder_days', 'is_active', 'dates_checked'],
  showProperties: ['code', 'name', 'category', 'law', 'section', 'authority', 'frequency', 'rule_versions', 'holiday_policy', 'owed_per', 'applicability', 'description', 'sources', 'reminder_days', 'tenant_id', 'library_version', 'is_active'],
  properties: {
    tenant_id: { description: 'Empty for the shared statutory library (read-only: it changes with a release).' },
    rule_versions: { description: 'The due-date rule as data, e.g. [{"effectiveFrom":"2017-07-01","rule":{"kind":"after_period_end","months":1,"day":20}}]' },
    dates_checked: { description: 'Saving first shows the next 12 due dates; tick this once they are right.' },
    reminder_days: { description: 'Days before the due date the preparer is reminded, e.g. 30, 14, 7, 3. Empty: by frequency (monthly T-3; quarterly T-14, 7, 3; annual T-30, 14, 7, 3). A tenant can set its own per obligation under Notice schedules.' },
  },
  actions: { edit: { isAccessible: ownRowChange }, delete: { isAccessible: ownRowChange }, ...actions },
});
