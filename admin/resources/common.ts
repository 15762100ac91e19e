import type { ActionContext, ResourceOptions, ResourceWithOptions } from 'adminjs';
import { ValidationError } from '../../core/errors.js';
import type { EntityScope } from '../../infra/portal/table-shape.js';
import { Components } from '../components/index.js';
import { TableResource, type PortalStores, type RowContext, type TableSpec } from '../adapter/table-resource.js';
import type { PortalAdmin } from '../scope.js';

export const NAV = {
  setup: { name: 'Setup', icon: 'Settings' },
  library: { name: 'Obligations', icon: 'Book' },
  work: { name: 'Work', icon: 'CheckSquare' },
  records: { name: 'Records', icon: 'Archive' },
} as const;

export const adminOf = (context: Pick<ActionContext, 'currentAdmin'>) => context.currentAdmin as unknown as PortalAdmin | undefined;
/** Auditors read; tenant and platform admins change setup. */
export const canChange = (context: Pick<ActionContext, 'currentAdmin'>) => {
  const role = adminOf(context)?.role;
  return role === 'tenant_admin' || role === 'platform_admin';
};

/** Changing a row of the tenant's own (a shared library row, tenant_id empty, is read-only). */
export const ownRowChange = (context: ActionContext) => canChange(context) && Boolean(context.record?.params.tenant_id);
export const isPlatform = (context: Pick<ActionContext, 'currentAdmin'>) => adminOf(context)?.kind === 'platform';

/**
 * The standard actions a table offers, from what its writes allow and who is signed in: the
 * UI hides what the adapter would refuse anyway (the adapter, core and the database still check).
 */
function standardActions(spec: TableSpec): ResourceOptions['actions'] {
  const ops = spec.writes?.operations ?? [];
  const allowed = (op: 'create' | 'update' | 'delete') => (context: ActionContext) =>
    ops.includes(op) && canChange(context) && (!spec.writes?.platformOnly?.includes(op) || isPlatform(context));
  return {
    new: { isAccessible: allowed('create') },
    edit: { isAccessible: allowed('update') },
    delete: { isAccessible: allowed('delete') },
    bulkDelete: { isAccessible: allowed('delete') },
  };
}

export function tableResource(stores: PortalStores, spec: TableSpec, options: ResourceOptions): ResourceWithOptions {
  return {
    resource: new TableResource(spec, stores),
    options: {
      ...(spec.defaultSort ? { sort: { sortBy: spec.defaultSort.column, direction: spec.defaultSort.direction } } : {}),
      ...options,
      properties: withPlainDates(spec, options.properties ?? {}),
      actions: mergeActions(standardActions(spec) ?? {}, options.actions ?? {}),
    },
  };
}

/**
 * Date columns are typed and filtered as YYYY-MM-DD text and sent as typed, with no browser time
 * zone in between, and read as 7 Dec 2026; moments (datetime columns) are shown with the time
 * zone they are in. A resource may still give such a column options of its own.
 */
function withPlainDates(spec: TableSpec, own: NonNullable<ResourceOptions['properties']>): NonNullable<ResourceOptions['properties']> {
  const properties = { ...own };
  const date = Components.PlainDate;
  for (const c of spec.columns.filter((column) => column.type === 'date')) {
    properties[c.path] = { ...own[c.path], components: { edit: date, filter: date, list: date, show: date, ...own[c.path]?.components } };
  }
  for (const c of spec.columns.filter((column) => column.type === 'datetime')) {
    properties[c.path] = { ...own[c.path], components: { list: Components.Moment, show: Components.Moment, ...own[c.path]?.components } };
  }
  return properties;
}

/** A tenant admin's rows are always their own tenant's; a platform admin names the tenant. */
export function tenantOf(values: Record<string, unknown>, input: Record<string, unknown>, ctx: Pick<RowContext, 'tenantId'>): Record<string, unknown> {
  if (ctx.tenantId) return values;
  const tenantId = typeof input.tenant_id === 'string' ? input.tenant_id : '';
  if (!tenantId) throw new ValidationError('Choose the tenant this belongs to.', { details: { fields: { tenant_id: 'choose the tenant' } } });
  return { ...values, tenant_id: tenantId };
}

/** Per-action merge: a resource's own options for `edit` add to the standard access rule, not replace it. */
function mergeActions(base: NonNullable<ResourceOptions['actions']>, own: NonNullable<ResourceOptions['actions']>): ResourceOptions['actions'] {
  const merged: Record<string, object> = { ...base };
  for (const [name, options] of Object.entries(own)) merged[name] = { ...(merged[name] ?? {}), ...options };
  return merged as ResourceOptions['actions'];
}

/** Rows whose `column` names one of the entities. */
export const inEntities = (column: string): EntityScope => ({ entities: column });

/** Rows whose `column` names an item of one of the entities. */
export const ofEntityItems = (column: string): EntityScope => ({ items: column });
