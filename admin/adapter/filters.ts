import type { Filter } from 'adminjs';
import type { Knex } from 'knex';
import { calendarDateProblem } from '../../core/engine/dates.js';
import { ValidationError } from '../../core/errors.js';
import type { ScopeContext, TableSpec } from './table-resource.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Translates AdminJS's list filters and search into parameterised SQL: exact matches for ids,
 * references, choices and flags; ranges for dates; case-insensitive contains for text.
 * An id that is not a UUID matches nothing rather than erroring; a number that is not one and a
 * day that does not exist are refused saying so, as a form would.
 */
export function applyFilters(query: Knex.QueryBuilder, spec: TableSpec, filter: Filter, ctx: ScopeContext): void {
  for (const element of Object.values(filter.filters ?? {})) {
    const column = spec.columns.find((c) => c.path === element.path);
    if (!column) continue;
    const value = element.value as unknown;
    if (column.virtual) {
      spec.virtualFilters?.[column.path]?.(query, String(value), ctx);
      continue;
    }
    const name = `${spec.table}.${column.path}`;
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

/** A day to filter by, checked like a typed date (PostgreSQL's own refusal names no field). */
function filterDay(path: string, value: unknown): string {
  const text = String(value);
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
