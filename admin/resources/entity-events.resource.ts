import type { ResourceWithOptions } from 'adminjs';
import { ENTITY_EVENT_KINDS, ENTITY_EVENT_MEANINGS } from '../../core/engine/events.js';
import { entityEventSchema, parseRecord } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, inEntities, tableResource, tenantOf } from './common.js';

/**
 * Dated events of an entity that obligations count from: the AGM (one per FY), a director's
 * mobile, e-mail or address changed, a remittance to a non-resident (any number a year).
 */
export const entityEventsSpec: TableSpec = {
  id: 'entity_events',
  table: 'entity_events',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'entity_id', reference: 'entities', isTitle: true },
    { path: 'kind', values: ENTITY_EVENT_KINDS },
    { path: 'fiscal_year' },
    { path: 'event_date', type: 'date' },
    { path: 'description' },
  ],
  entityScope: inEntities('entity_events.entity_id'),
  defaultSort: { column: 'event_date', direction: 'desc' },
  writes: {
    objectType: 'entity_event',
    operations: ['create', 'update', 'delete'],
    parse: (input, _op, ctx) => tenantOf(parseRecord(entityEventSchema, input), input, ctx),
    // Items counted from the AGM (AOC-4, MGT-7, ADT-1) move with it (core re-dates them), audited and their owners told;
    // any other event makes its own item (DIR-3-KYC update, Forms 15CA/15CB), which moves with the event's date.
  },
};

export const entityEventsResource = (stores: PortalStores): ResourceWithOptions => tableResource(stores, entityEventsSpec, {
  navigation: NAV.setup,
  listProperties: ['entity_id', 'kind', 'event_date', 'description', 'fiscal_year'],
  editProperties: ['tenant_id', 'entity_id', 'kind', 'event_date', 'description', 'fiscal_year'],
  properties: {
    kind: { description: ENTITY_EVENT_KINDS.map((k) => `${k}: ${ENTITY_EVENT_MEANINGS[k]}`).join('; ') },
    description: { description: 'What it was: which director and what changed, or the payee and what the remittance is for (required except for an AGM)' },
    fiscal_year: { description: 'For an AGM, the year it was held for, e.g. FY2025-26; any other event is filed under its date\'s year' },
  },
});
