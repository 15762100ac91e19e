import type { Knex } from 'knex';
import type { Actor } from '../../core/engine/access.js';
import { actorOf, entityReach, type PortalAdmin } from '../../core/engine/portal-access.js';
import type { Clock, SetupRecordStore, StoredRecord } from '../../core/ports/index.js';
import { appendAudit } from '../audit/audit-store.js';
import type { Database } from '../db/database.js';
import { createEngineUnit } from '../stores/engine-unit.js';
import { portalLookups, type PortalLookups } from './lookups.js';
import { inScope, narrowToTenant, type ScopeTx } from './scope.js';
import { applyFilters, scopeToEntities, type FilterElement } from './table-filters.js';
import { isSortable, type TableShape } from './table-shape.js';

export type Row = StoredRecord;

/** What a resource's own code gets while it checks input or fills computed columns. */
export interface RowContext {
  /** The signed-in tenant user's tenant; null for a platform admin. */
  tenantId: string | null;
  /** The admin as they stand now. */
  admin: PortalAdmin;
  /** The product's moment (the clock's). */
  now: Date;
  lookups: PortalLookups;
}

export interface TableDefinition extends TableShape {
  /** Fills virtual columns of loaded rows. */
  augment?(rows: Row[], ctx: RowContext, view: 'list' | 'show'): Promise<void>;
}

export interface ListOptions {
  /** As the portal worked them out of ?page and ?perPage (any value: odd ones give a sane page). */
  limit?: unknown;
  offset?: unknown;
  sort?: { sortBy?: string; direction?: 'asc' | 'desc' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 500;

/**
 * The rows a list asks for, from the limit and offset the portal works out of ?perPage and ?page as
 * they came (page=-1 is offset -20, perPage=abc is NaN): a page size that is not a whole number
 * from 1 is the default, a negative offset is the first page, one past the end an empty page.
 */
function pageOf(limit: unknown, offset: unknown): { limit: number; offset: number } {
  const size = typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 ? Math.min(limit, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const skip = typeof offset === 'number' && Number.isFinite(offset) && offset > 0 ? Math.min(Math.floor(offset), Number.MAX_SAFE_INTEGER) : 0;
  return { limit: size, offset: skip };
}

/** The columns the portal reads and shows (never a virtual one; never a password hash: it has no column). */
export const readableColumns = (shape: TableShape): string[] => shape.columns.filter((c) => !c.virtual).map((c) => c.path);

/**
 * One table in the signed-in admin's scope: every query runs inside it (row-level security for
 * tenant users, and their entities when their portal role is per entity), so lists, counts,
 * searches, shows, edits, deletes and bulk actions reach only what that admin may see, whatever
 * ids a URL carries.
 */
export class TableStore {
  constructor(readonly definition: TableDefinition, private readonly db: Database, private readonly clock: Clock) {}

  private context(scope: ScopeTx): RowContext {
    return { tenantId: scope.tenantId, admin: scope.admin, now: this.clock.now(), lookups: portalLookups(scope.trx) };
  }

  /** The table as this person may read it: their tenant (by RLS), and their entities if scoped to some. */
  private table(scope: ScopeTx): Knex.QueryBuilder {
    const query = scope.trx(this.definition.table);
    const reach = entityReach(scope.admin);
    if (reach && this.definition.entityScope) scopeToEntities(query, this.definition.entityScope, reach);
    return query;
  }

  private filtered(scope: ScopeTx, filters: FilterElement[]): Knex.QueryBuilder {
    const query = this.table(scope);
    applyFilters(query, this.definition, filters, { tenantId: scope.tenantId, now: this.clock.now() });
    return query;
  }

  count(admin: PortalAdmin, filters: FilterElement[]): Promise<number> {
    return inScope(this.db, admin, async (scope) => {
      const [row] = await this.filtered(scope, filters).count({ n: '*' });
      return Number(row?.n ?? 0);
    });
  }

  find(admin: PortalAdmin, filters: FilterElement[], options: ListOptions): Promise<Row[]> {
    return inScope(this.db, admin, async (scope) => {
      const query = this.filtered(scope, filters).select(readableColumns(this.definition));
      const sortable = this.definition.columns.find((c) => c.path === options.sort?.sortBy && isSortable(c));
      const sort = sortable ? { column: sortable.path, direction: options.sort?.direction === 'desc' ? 'desc' : 'asc' } : this.definition.defaultSort;
      if (sort) query.orderBy(sort.column, sort.direction);
      query.orderBy('id'); // a stable order, so pages never overlap
      const page = pageOf(options.limit, options.offset);
      query.limit(page.limit).offset(page.offset);
      const rows: Row[] = await query;
      await this.definition.augment?.(rows, this.context(scope), 'list');
      return rows;
    });
  }

  async findOne(admin: PortalAdmin, id: string): Promise<Row | null> {
    if (!UUID.test(String(id))) return null;
    return inScope(this.db, admin, async (scope) => {
      const row: Row | undefined = await this.table(scope).where({ id }).first(readableColumns(this.definition));
      if (!row) return null;
      await this.definition.augment?.([row], this.context(scope), 'show');
      return row;
    });
  }

  async findMany(admin: PortalAdmin, ids: (string | number)[]): Promise<Row[]> {
    const valid = ids.map(String).filter((id) => UUID.test(id));
    if (valid.length === 0) return [];
    return inScope(this.db, admin, async (scope) => {
      const rows: Row[] = await this.table(scope).whereIn('id', valid).select(readableColumns(this.definition));
      await this.definition.augment?.(rows, this.context(scope), 'list');
      return rows;
    });
  }

  /** Runs a change to this table's records in the admin's scope: the records as core's port, the row context, the admin as actor. */
  change<T>(admin: PortalAdmin, work: (records: SetupRecordStore, ctx: RowContext, actor: Actor) => Promise<T>): Promise<T> {
    return inScope(this.db, admin, (scope) => work(this.records(scope), this.context(scope), actorOf(scope.admin)));
  }

  private records(scope: ScopeTx): SetupRecordStore {
    const { trx } = scope;
    const { table } = this.definition;
    return {
      tenantId: scope.tenantId,
      lock: async (id) => {
        if (!UUID.test(id)) return undefined;
        const row = await this.table(scope).where({ id }).forUpdate().first('*');
        // A shared row (tenant_id NULL) is readable but, under row-level security, not lockable by a tenant:
        // it is read as it stands, so core's setup rule can say why it cannot be changed.
        if (row || this.definition.scope !== 'shared') return row;
        return this.table(scope).where({ id }).whereNull('tenant_id').first('*');
      },
      enterTenant: (tenantId) => narrowToTenant(trx, tenantId),
      insert: async (values) => (await trx(table).insert(values).returning('*'))[0],
      update: async (id, values) => (await trx(table).where({ id }).update(values).returning('*'))[0],
      async remove(id) {
        await trx(table).where({ id }).delete();
      },
      async audit(tenantId, entries) {
        await appendAudit({ trx, tenantId }, entries);
      },
      unitOf: (tenantId) => createEngineUnit({ trx, tenantId }),
    };
  }
}
