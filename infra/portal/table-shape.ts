/** One column of a table as the portal reads, filters and writes it. */
export interface ColumnShape {
  path: string;
  /** The portal's property type (string, number, date, datetime, boolean, reference, uuid, …). */
  type?: string;
  /** The resource id this column points at (a foreign key). */
  reference?: string;
  isId?: boolean;
  isArray?: boolean;
  /** Values the column may take (a CHECK constraint): filtered exactly. */
  values?: readonly string[];
  /** Written by the portal? Ids, timestamps and computed columns are not. */
  editable?: boolean;
  /** A jsonb column, edited as JSON text. */
  json?: boolean;
  /** Not a table column: computed (e.g. the RAG, a download link). */
  virtual?: boolean;
  isTitle?: boolean;
}

/**
 * Who may read which rows beyond row-level security, for people whose portal role is held for
 * some entities only: rows whose column names one of the entities, rows about an item of one
 * of them, or audit entries about the entities, their items and the items' evidence.
 */
export type EntityScope = { entities: string } | { items: string } | 'audit';

/** Virtual columns the store can filter by in SQL. */
export type VirtualFilter = 'instance-rag' | 'instance-open' | 'instance-name';

export interface TableShape {
  id: string;
  table: string;
  /**
   * tenant: rows carry tenant_id and row-level security shows the signed-in tenant's only.
   * shared: the shared library (tenant_id NULL) plus the tenant's own rows.
   * tenants: the tenants table itself (a tenant user sees their own row).
   */
  scope: 'tenant' | 'shared' | 'tenants';
  columns: ColumnShape[];
  defaultSort?: { column: string; direction: 'asc' | 'desc' };
  entityScope?: EntityScope;
  virtualFilters?: Record<string, VirtualFilter>;
}

/** Sortable: a real column holding one plain value. */
export const isSortable = (column: ColumnShape) => !column.virtual && !column.json && !column.isArray;
