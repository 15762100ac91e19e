import type { Filter } from 'adminjs';
import type { Knex } from 'knex';
import type { ScopeContext, TableSpec } from './table-resource.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Translates AdminJS's list filters and search into parameterised SQL: exact matches for ids,
 * references, choices and flags; ranges for dates; case-insensitive contains for text.
 * A value that cannot match (an id that is not a UUID) matches nothing rather than erroring.
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
    if (value && typeof value === 'object') {
      const { from, to } = value as { from?: string; to?: string };
      if (from) query.where(name, '>=', from);
      if (to) query.where(name, type === 'datetime' ? '<' : '<=', type === 'datetime' ? query.client.raw("?::date + interval '1 day'", [to]) : to);
      continue;
    }
    const text = String(value);
    if (column.isArray) query.whereRaw('? = ANY(??)', [text, name]);
    else if (type === 'reference' || type === 'uuid' || column.isId) {
      if (UUID.test(text)) query.where(name, text);
      else query.whereRaw('false');
    } else if (type === 'boolean') query.where(name, text === 'true');
    else if (type === 'number' || type === 'float') query.where(name, Number(text));
    else if (column.values || type === 'date') query.where(name, text);
    else query.whereRaw('?? ILIKE ?', [name, `%${escapeLike(text)}%`]);
  }
}
