import type { ResourceWithOptions } from 'adminjs';
import { entityEventSchema, parseRecord } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, inEntities, tableResource, tenantOf } from './common.js';

/** Dated events per entity and financial year that obligations count from: the AGM. */
export const entityEventsSpec: TableSpec = {
  id: 'entity_events',
  table: 'entity_events',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'entity_id', reference: 'entities', isTitle: true },
    { path: 'kind', values: ['agm'] },
    { path: 'fiscal_year' },
    { path: 'event_date', type: 'date' },
  ],
  entityScope: inEntities('entity_events.entity_id'),
  defaultSort: { column: 'event_date', direction: 'desc' },
  writes: {
    objectType: 'entity_event',
    operations: ['create', 'update', 'delete'],
    parse: (input, _op, ctx) => tenantOf(parseRecord(entityEventSchema, input), input, ctx),
    // Items counted from the AGM (AOC-4, MGT-7, ADT-1) move with it (core re-dates them), audited and their owners told.
  },
};

export const entityEventsResource = (stores: PortalStores): ResourceWithOptions => tableResource(stores, entityEventsSpec, {
  navigation: NAV.setup,
  listProperties: ['entity_id', 'kind', 'fiscal_year', 'event_date'],
  editProperties: ['tenant_id', 'entity_id', 'kind', 'fiscal_year', 'event_date'],
  properties: { fiscal_year: { description: 'e.g. FY2025-26: the AGM held for that year' } },
});
