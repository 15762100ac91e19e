import type { Knex } from 'knex';
import { calendarDateProblem } from '../../core/engine/dates.js';
import { OPEN_STATUSES } from '../../core/engine/status.js';
import { ValidationError } from '../../core/errors.js';
import type { EntityScope, TableShape, VirtualFilter } from './table-shape.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One filter of a list as the portal sends it: a column and what it should hold (a value, or a from/to range). */
export interface FilterElement {
  path: string;
  value: unknown;
}

/** What a filter needs to know of the request: the signed-in tenant (null for a platform admin) and the moment. */
export interface FilterContext {
  tenantId: string | null;
  now: Date;
}

/** Narrows a query to rows about some entities (see EntityScope). */
export function scopeToEntities(query: Knex.QueryBuilder, scope: EntityScope, ids: string[]): void {
  if (scope === 'audit') {
    // Entries about the entities themselves, their items and the items' evidence.
    query.where((q) => q
      .whereIn('audit_log.object_id', ids)
      .orWhereIn('audit_log.object_id', (sub: Knex.QueryBuilder) => sub.select(sub.client.raw('id::text')).from('compliance_instances').whereIn('entity_id', ids))
      .orWhereIn('audit_log.object_id', (sub: Knex.QueryBuilder) => sub.select(sub.client.raw('e.id::text')).from('evidence as e')
        .join('compliance_instances as i', function () { this.on('i.tenant_id', 'e.tenant_id').andOn('i.id', 'e.instance_id'); }).whereIn('i.entity_id', ids)));
  } else if ('entities' in scope) {
    query.whereIn(scope.entities, ids);
  } else {
    query.whereIn(scope.items, (sub: Knex.QueryBuilder) => sub.select('id').from('compliance_instances').whereIn('entity_id', ids));
  }
}

/**
 * core's ragOf as index-friendly conditions, with the tenant's own today (by the clock) and amber
 * window: for a tenant user their tenant (one lookup, so the (tenant, due date) index serves the
 * filter); for a platform admin each row's tenant. A test holds the result equal to the RAG shown per row.
 */
function whereRag(query: Knex.QueryBuilder, rag: string, ctx: FilterContext): void {
  const raw = (sql: string, bindings: unknown[]) => query.client.raw(sql, bindings as Knex.RawBinding[]);
  const tenant = ctx.tenantId ? '?' : 'compliance_instances.tenant_id';
  const bindings = [ctx.now, ...(ctx.tenantId ? [ctx.tenantId] : [])];
  const today = raw(`(SELECT (?::timestamptz AT TIME ZONE t.timezone)::date FROM tenants t WHERE t.id = ${tenant})`, bindings);
  const amberEnd = raw(`(SELECT (?::timestamptz AT TIME ZONE t.timezone)::date + t.amber_window_days FROM tenants t WHERE t.id = ${tenant})`, bindings);
  const open = [...OPEN_STATUSES];
  const status = 'compliance_instances.status';
  const due = 'compliance_instances.due_date';
  if (rag === 'red') query.whereIn(status, open).where(due, '<', today);
  else if (rag === 'amber') query.whereIn(status, open).where(due, '>=', today).andWhere((q) => q.where(status, 'rejected').orWhere(due, '<=', amberEnd));
  else if (rag === 'green') query.where((q) => q.whereNotIn(status, open).orWhere((o) => o.where(due, '>=', today).whereNot(status, 'rejected').where(due, '>', amberEnd)));
  else query.whereRaw('false');
}

/** Open (pending, submitted or rejected) or closed, core's isOpen: the dashboard's lists link to the open items of some days. */
function whereOpen(query: Knex.QueryBuilder, value: string): void {
  if (value === 'true') query.whereIn('compliance_instances.status', [...OPEN_STATUSES]);
  else query.whereNotIn('compliance_instances.status', [...OPEN_STATUSES]);
}

/**
 * An item's name as people read and type it: its obligation's name (and code), the entity, the
 * registration and the period ("Nov 2026" as well as its key 2026-11).
 */
const ITEM_WORDS = `concat_ws(' ',
  (SELECT m.name || ' ' || m.code FROM compliance_masters m WHERE m.id = compliance_instances.master_id),
  (SELECT e.name FROM entities e WHERE e.tenant_id = compliance_instances.tenant_id AND e.id = compliance_instances.entity_id),
  (SELECT r.number FROM registrations r WHERE r.tenant_id = compliance_instances.tenant_id AND r.id = compliance_instances.registration_id),
  compliance_instances.period_key,
  CASE WHEN compliance_instances.period_key ~ '^[0-9]{4}-[0-9]{2}$' THEN to_char(to_date(compliance_instances.period_key, 'YYYY-MM'), 'Mon YYYY') END)`;

/** Items whose name holds every word typed, in any order ("3B manufacturing nov"): the search behind picking an item. */
function whereItemNamed(query: Knex.QueryBuilder, value: string): void {
  for (const word of value.split(/[\s·]+/).filter(Boolean).slice(0, 10)) query.whereRaw(`${ITEM_WORDS} ILIKE ?`, [`%${escapeLike(word)}%`]);
}

const VIRTUAL_FILTERS: Record<VirtualFilter, (query: Knex.QueryBuilder, value: string, ctx: FilterContext) => void> = {
  'instance-rag': whereRag,
  'instance-open': whereOpen,
  'instance-name': whereItemNamed,
};

/**
 * Translates the portal's list filters and search into parameterised SQL: exact matches for ids,
 * references, choices and flags; ranges for dates; case-insensitive contains for text.
 * An id that is not a UUID matches nothing rather than erroring; a number that is not one and a
 * day that does not exist are refused saying so, as a form would.
 */
export function applyFilters(query: Knex.QueryBuilder, shape: TableShape, filters: FilterElement[], ctx: FilterContext): void {
  for (const element of filters) {
    const column = shape.columns.find((c) => c.path === element.path);
    if (!column) continue;
    const value = element.value;
    if (column.virtual) {
      const named = shape.virtualFilters?.[column.path];
      if (named) VIRTUAL_FILTERS[named](query, String(value), ctx);
      continue;
    }
    const name = `${shape.table}.${column.path}`;
    const type = column.type ?? (column.reference ? 'reference' : 'string');
    const day = (text: unknown) => (type === 'date' ? filterDay(column.path, text) : String(text));
    if (value && typeof value === 'object') {
      const { from, to } = value as { from?: string; to?: string };
      if (from) query.where(name, '>=', day(from));
      if (to) query.where(name, type === 'datetime' ? '<' : '<=', type === 'datetime' ? query.client.raw("?::date + interval '1 day'", [to]) : day(to));
      continue;
    }
    const text = String(value);
    if (column.isArray) query.whereRaw('? = ANY(??)', [text, name]);
    else if (type === 'reference' || type === 'uuid' || column.isId) {
      if (UUID.test(text)) query.where(name, text);
      else query.whereRaw('false');
    } else if (type === 'boolean') query.where(name, text === 'true');
    else if (type === 'number' || type === 'float') query.where(name, filterNumber(column.path, text));
    else if (type === 'date') query.where(name, day(text));
    else if (column.values) query.where(name, text);
    // JSON is searched as the text the portal shows it as.
    else if (column.json) query.whereRaw('??::text ILIKE ?', [name, `%${escapeLike(text)}%`]);
    else query.whereRaw('?? ILIKE ?', [name, `%${escapeLike(text)}%`]);
  }
}

/** A date with a time of day after it, as a date picker sends local midnight: 2026-10-31T18:30:00Z, 2026-11-01T00:00:00+05:30. */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A day to filter by, checked like a typed date (PostgreSQL's own refusal names no field). A
 * timestamp is read as the day written in it, with no time zone applied by the server (nor by
 * PostgreSQL, which would take the session's): the portal's own filter sends the day as typed.
 */
export function filterDay(path: string, value: unknown): string {
  const sent = String(value).trim();
  const text = TIMESTAMP.exec(sent)?.[1] ?? sent;
  const problem = calendarDateProblem(text);
  if (problem) throw filterRefusal(path, problem);
  return text;
}

function filterNumber(path: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw filterRefusal(path, `${JSON.stringify(text)} is not a number.`);
  return value;
}

const filterRefusal = (path: string, problem: string) => new ValidationError(`${path}: ${problem}`, { details: { fields: { [path]: problem } } });
