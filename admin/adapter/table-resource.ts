import { BaseRecord, BaseResource, flat, type ActionContext, type Filter, type ParamsType } from 'adminjs';
import type { Actor } from '../../core/engine/access.js';
import { ForbiddenError } from '../../core/errors.js';
import type { Clock, SetupRecordStore } from '../../core/ports/index.js';
import { changeSetupRecord, type SetupRecordKind } from '../../core/use-cases/change-setup-record.js';
import type { SetupOperation } from '../../core/use-cases/setup-records.js';
import type { Database } from '../../infra/db/database.js';
import type { FilterElement } from '../../infra/portal/table-filters.js';
import { TableStore, readableColumns, type Row, type RowContext, type TableDefinition } from '../../infra/portal/table-store.js';
import { portalAdminOf, type PortalAdmin } from '../scope.js';
import { ColumnProperty, type Column } from './columns.js';
import { toAdminError } from './errors.js';

export type { Row, RowContext };

/** How the portal may change a table's rows; absent means read-only. */
export type RecordWrites = {
  /** The audit object type (entity, user, …). */
  objectType: string;
  operations: readonly SetupOperation[];
  /** Operations only platform admins may do (creating and deleting tenants). */
  platformOnly?: readonly SetupOperation[];
} & (
  | {
    /** Validates portal input into column values; throws core's ValidationError with `details.fields`. */
    parse(input: Record<string, unknown>, op: 'create' | 'update', ctx: RowContext, existing?: Row): Promise<Record<string, unknown>> | Record<string, unknown>;
    change?: never;
  }
  | {
    /** A use case of its own instead of core's generic setup change (reassigning an item). */
    change(records: SetupRecordStore, actor: Actor, request: { id?: string; sent: Record<string, unknown> }, now: Date): Promise<Row>;
    parse?: never;
  }
);

export interface TableSpec extends TableDefinition {
  columns: Column[];
  writes?: RecordWrites;
}

/** The portal's dependencies for its tables and actions. */
export interface PortalStores {
  db: Database;
  clock: Clock;
}

/**
 * Adapts one table of the portal (infra's TableStore, which runs every query in the signed-in
 * admin's scope) to AdminJS's resource interface: records, properties, errors. Writes go through
 * core's setup rule and land on the tenant's audit chain in the same transaction.
 */
export class TableResource extends BaseResource {
  private readonly props: ColumnProperty[];
  private readonly store: TableStore;

  constructor(readonly spec: TableSpec, stores: PortalStores) {
    super(spec);
    this.store = new TableStore(spec, stores.db, stores.clock);
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

  private run<T>(context: ActionContext | undefined, work: (admin: PortalAdmin) => Promise<T>): Promise<T> {
    const admin = portalAdminOf(context);
    return work(admin).catch((error: unknown) => {
      throw toAdminError(error);
    });
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
    return this.run(context, (admin) => this.store.count(admin, filtersOf(filter)));
  }

  override async find(filter: Filter, options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } }, context?: ActionContext): Promise<BaseRecord[]> {
    return this.run(context, async (admin) => this.toRecords(await this.store.find(admin, filtersOf(filter), options)));
  }

  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    return this.run(context, async (admin) => {
      const row = await this.store.findOne(admin, id);
      return row ? this.toRecords([row])[0]! : null;
    });
  }

  override async findMany(ids: (string | number)[], context?: ActionContext): Promise<BaseRecord[]> {
    return this.run(context, async (admin) => this.toRecords(await this.store.findMany(admin, ids)));
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
    return this.run(context, (admin) => this.store.change(admin, async (records, ctx, actor) => {
      if (!writes?.operations.includes(op)) throw new ForbiddenError(`The portal does not ${op} ${this.spec.id}.`);
      const sent = flat.unflatten(params) as Record<string, unknown>;
      if (writes.change) return this.readable(await writes.change(records, actor, { id, sent }, ctx.now)) as ParamsType;
      const kind: SetupRecordKind = {
        objectType: writes.objectType, scope: this.spec.scope, platformOnly: writes.platformOnly,
        parse: (input, parseOp, existing) => writes.parse(input, parseOp, ctx, existing),
      };
      // An edit changes what it names: fields it leaves out keep their stored values.
      const input = (existing: Row | undefined) => (op === 'update' ? { ...this.readable(existing!), ...sent } : sent);
      const { record } = await changeSetupRecord(records, kind, actor, { op, id, input, now: ctx.now });
      // Only what the portal shows goes back to the browser (never a password hash).
      return this.readable(record) as ParamsType;
    }));
  }

  private readable(row: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(readableColumns(this.spec).map((c) => [c, row[c]]));
  }
}

/** AdminJS's list filters as the store takes them. */
const filtersOf = (filter: Filter): FilterElement[] => Object.values(filter.filters ?? {}).map((e) => ({ path: e.path, value: e.value as unknown }));
