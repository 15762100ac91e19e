import { BaseRecord, BaseResource, flat, type ActionContext, type Filter, type ParamsType } from 'adminjs';
import type { Knex } from 'knex';
import { appendAudit } from '../../infra/audit/audit-store.js';
import type { Database } from '../../infra/db/database.js';
import { ForbiddenError, NotFoundError } from '../../core/errors.js';
import { authoriseSetupChange, type SetupChange, type SetupOperation } from '../../core/use-cases/setup-records.js';
import { actorOf, entityReach, inScope, narrowToTenant, portalAdminOf, tenantTx, type PortalAdmin } from '../scope.js';
import { ColumnProperty, type Column } from './columns.js';
import { applyFilters } from './filters.js';
import { toAdminError } from './errors.js';

export type Row = Record<string, unknown> & { id: string };

export interface ScopeContext {
  trx: Knex.Transaction;
  /** The signed-in tenant user's tenant; null for a platform admin. */
  tenantId: string | null;
  admin: PortalAdmin;
}

/** How the portal may change a table's rows; absent means read-only. */
export interface RecordWrites {
  /** The audit object type (entity, user, …). */
  objectType: string;
  operations: readonly SetupOperation[];
  /** Validates portal input into column values; throws core's ValidationError with `details.fields`. */
  parse(input: Record<string, unknown>, op: 'create' | 'update', ctx: ScopeContext, existing?: Row): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Operations only platform admins may do (creating and deleting tenants). */
  platformOnly?: readonly SetupOperation[];
  /** Runs after the row is written, in the same transaction (e.g. a role grant's side effects). */
  after?(row: Row, op: SetupOperation, ctx: ScopeContext, before?: Row): Promise<void>;
}

export interface TableSpec {
  id: string;
  table: string;
  /**
   * tenant: rows carry tenant_id and row-level security shows the signed-in tenant's only.
   * shared: the shared library (tenant_id NULL) plus the tenant's own rows.
   * tenants: the tenants table itself (a tenant user sees their own row).
   */
  scope: 'tenant' | 'shared' | 'tenants';
  columns: Column[];
  defaultSort?: { column: string; direction: 'asc' | 'desc' };
  /** Filters on virtual columns, translated to SQL (e.g. the RAG). */
  virtualFilters?: Record<string, (query: Knex.QueryBuilder, value: string, ctx: ScopeContext) => void>;
  /**
   * Narrows reads to some entities, for people whose portal role is held for those entities
   * only (row-level security has already narrowed them to their tenant).
   */
  entityScope?: (query: Knex.QueryBuilder, entityIds: string[]) => void;
  /** Fills virtual columns of loaded rows. */
  augment?(rows: Row[], ctx: ScopeContext, view: 'list' | 'show'): Promise<void>;
  writes?: RecordWrites;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 500;

/**
 * The rows a list asks for, from the limit and offset AdminJS works out of ?perPage and ?page as
 * they came (page=-1 is offset -20, perPage=abc is NaN): a page size that is not a whole number
 * from 1 is the default, a negative offset is the first page, one past the end an empty page.
 */
function pageOf(limit: unknown, offset: unknown): { limit: number; offset: number } {
  const size = typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 ? Math.min(limit, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const skip = typeof offset === 'number' && Number.isFinite(offset) && offset > 0 ? Math.min(Math.floor(offset), Number.MAX_SAFE_INTEGER) : 0;
  return { limit: size, offset: skip };
}

/**
 * An AdminJS resource over one PostgreSQL table. Every query runs inside the signed-in admin's
 * scope (row-level security for tenant users), so lists, counts, searches, shows, edits,
 * deletes and bulk actions reach only what that admin may see, whatever ids a URL carries.
 * Writes go through core's setup rule and land on the tenant's audit chain in the same
 * transaction.
 */
export class TableResource extends BaseResource {
  private readonly props: ColumnProperty[];

  constructor(readonly spec: TableSpec, private readonly db: Database) {
    super(spec);
    // AdminJS builds a Date from every field of type `date` it is sent, and new Date('2026-02-30')
    // is 2 March: it is told date columns are text. They are edited and filtered as YYYY-MM-DD
    // text (PlainDate), checked by core, and stored as the very day typed.
    this.props = spec.columns.map((c, i) => new ColumnProperty(c.type === 'date' ? { ...c, type: 'string' } : c, i));
  }

  override databaseName(): string { return 'postgresql'; }
  override databaseType(): string { return 'postgresql'; }
  override id(): string { return this.spec.id; }
  override properties(): ColumnProperty[] { return this.props; }
  override property(path: string): ColumnProperty | null { return this.props.find((p) => p.path() === path) ?? null; }

  private run<T>(context: ActionContext | undefined, work: (ctx: ScopeContext) => Promise<T>): Promise<T> {
    const admin = portalAdminOf(context);
    return inScope(this.db, admin, (trx, tenantId, fresh) => work({ trx, tenantId, admin: fresh })).catch((error: unknown) => {
      throw toAdminError(error);
    });
  }

  private readableColumns(): string[] {
    return this.spec.columns.filter((c) => !c.virtual).map((c) => c.path);
  }

  /** The table as this person may read it: their tenant (by RLS), and their entities if scoped to some. */
  private table(ctx: ScopeContext): Knex.QueryBuilder {
    const query = ctx.trx(this.spec.table);
    const reach = entityReach(ctx.admin);
    if (reach && this.spec.entityScope) this.spec.entityScope(query, reach);
    return query;
  }

  private filtered(ctx: ScopeContext, filter: Filter): Knex.QueryBuilder {
    const query = this.table(ctx);
    applyFilters(query, this.spec, filter, ctx);
    return query;
  }

  /** Records as the portal shows them: jsonb columns as indented JSON text (edited as text too). */
  private toRecords(rows: Row[]): BaseRecord[] {
    const json = this.spec.columns.filter((c) => c.json).map((c) => c.path);
    return rows.map((row) => {
      for (const c of json) row[c] = row[c] === null || row[c] === undefined ? '' : JSON.stringify(row[c], null, 2);
      return new BaseRecord(row as ParamsType, this);
    });
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    return this.run(context, async (ctx) => {
      const [row] = await this.filtered(ctx, filter).count({ n: '*' });
      return Number(row?.n ?? 0);
    });
  }

  override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } }, context?: ActionContext): Promise<BaseRecord[]> {
    return this.run(context, async (ctx) => {
      const query = this.filtered(ctx, filter).select(this.readableColumns());
      const sortable = this.props.find((p) => p.path() === options.sort?.sortBy && p.isSortable());
      const sort = sortable ? { column: sortable.path(), direction: options.sort?.direction === 'desc' ? 'desc' : 'asc' } : this.spec.defaultSort;
      if (sort) query.orderBy(sort.column, sort.direction);
      query.orderBy('id'); // a stable order, so pages never overlap
      const page = pageOf(options.limit, options.offset);
      query.limit(page.limit).offset(page.offset);
      const rows: Row[] = await query;
      await this.spec.augment?.(rows, ctx, 'list');
      return this.toRecords(rows);
    });
  }

  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    if (!UUID.test(String(id))) return null;
    return this.run(context, async (ctx) => {
      const row: Row | undefined = await this.table(ctx).where({ id }).first(this.readableColumns());
      if (!row) return null;
      await this.spec.augment?.([row], ctx, 'show');
      return this.toRecords([row])[0]!;
    });
  }

  override async findMany(ids: (string | number)[], context?: ActionContext): Promise<BaseRecord[]> {
    const valid = ids.map(String).filter((id) => UUID.test(id));
    if (valid.length === 0) return [];
    return this.run(context, async (ctx) => {
      const rows: Row[] = await this.table(ctx).whereIn('id', valid).select(this.readableColumns());
      await this.spec.augment?.(rows, ctx, 'list');
      return this.toRecords(rows);
    });
  }

  override async create(params: Record<string, unknown>, context?: ActionContext): Promise<ParamsType> {
    return this.write('create', undefined, params, context);
  }

  override async update(id: string, params: Record<string, unknown>, context?: ActionContext): Promise<ParamsType> {
    return this.write('update', id, params, context);
  }

  override async delete(id: string, context?: ActionContext): Promise<void> {
    await this.write('delete', id, {}, context);
  }

  private async write(op: SetupOperation, id: string | undefined, params: Record<string, unknown>, context?: ActionContext): Promise<ParamsType> {
    const writes = this.spec.writes;
    return this.run(context, async (ctx) => {
      if (!writes?.operations.includes(op)) throw new ForbiddenError(`The portal does not ${op} ${this.spec.id}.`);
      const existing: Row | undefined = id && UUID.test(id) ? await this.table(ctx).where({ id }).forUpdate().first('*') : undefined;
      if (op !== 'create' && !existing) throw new NotFoundError('That record does not exist in your organisation.');
      const actor = actorOf(ctx.admin);
      // Core's rule for setup changes, asked about the record as it stands (before) and as written (after).
      const ruling = (row: Record<string, unknown> | undefined, rowTenant: string | null): SetupChange => ({
        objectType: writes.objectType, op, objectId: String(row?.id ?? id ?? 'new'),
        entityId: ((row ?? existing)?.entity_id as string | null | undefined) || null,
        platformOnly: writes.platformOnly?.includes(op),
        sharedLibrary: this.spec.scope === 'shared' && (existing ? !existing.tenant_id : !rowTenant),
        before: existing, after: op === 'delete' ? undefined : row,
      });
      // An edit changes what it names: fields it leaves out keep their stored values.
      const sent = flat.unflatten(params) as Record<string, unknown>;
      const input = op === 'update' ? { ...this.readable(existing!), ...sent } : sent;
      // Refused before the input is even read when the person may not make this change at all.
      authoriseSetupChange(actor, ruling(existing ?? input, this.rowTenant(ctx, existing, input)));
      const values = op === 'delete' ? {} : await writes.parse(input, op, ctx, existing);
      const rowTenant = this.rowTenant(ctx, existing, values);
      // A platform admin writes a tenant's rows in that tenant's scope, so hooks see only its data.
      if (!ctx.tenantId && rowTenant && this.spec.scope !== 'tenants') await narrowToTenant(ctx.trx, rowTenant);
      const table = ctx.trx(this.spec.table);
      let row: Row;
      if (op === 'create') {
        [row] = await table.insert({ ...values, ...(this.spec.scope === 'tenants' ? {} : { tenant_id: rowTenant }) }).returning('*');
      } else if (op === 'update') {
        [row] = await table.where({ id }).update(values).returning('*');
      } else {
        await table.where({ id }).delete();
        row = existing!;
      }
      // Asked again about what was written (an edit may move a record to another entity): a
      // refusal here rolls the write back; otherwise its answer is the audit entry.
      const entry = authoriseSetupChange(actor, ruling(op === 'delete' ? undefined : row, rowTenant));
      const chainTenant = this.spec.scope === 'tenants' ? row.id : rowTenant;
      if (chainTenant) await appendAudit(tenantTx(ctx.trx, chainTenant), entry);
      await writes.after?.(row, op, ctx, existing);
      // Only what the portal shows goes back to the browser (never a password hash).
      return this.readable(row) as ParamsType;
    });
  }

  private readable(row: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(this.readableColumns().map((c) => [c, row[c]]));
  }

  /** The tenant a written row belongs to: the admin's own, or for a platform admin the row's. */
  private rowTenant(ctx: ScopeContext, existing: Row | undefined, values: Record<string, unknown>): string | null {
    if (this.spec.scope === 'tenants') return (existing?.id as string | undefined) ?? null;
    if (ctx.tenantId) return ctx.tenantId;
    return ((existing?.tenant_id ?? values.tenant_id) as string | null | undefined) ?? null;
  }
}
