import type { ResourceWithOptions } from 'adminjs';
import { REGISTRATION_KINDS } from '../../core/engine/master.js';
import { REGISTRATION_GST_MODES } from '../../core/engine/registrations.js';
import { STATE_CODES } from '../../core/engine/states.js';
import { parseRecord, registrationSchema } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, inEntities, tableResource, tenantOf } from './common.js';

/**
 * An entity's registrations: GSTINs (state read from the number, filing mode), TAN, PT and LWF
 * state registrations, PF and ESI codes. Obligations owed per registration get one item each.
 */
export const registrationsSpec: TableSpec = {
  id: 'registrations',
  table: 'registrations',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'entity_id', reference: 'entities' },
    { path: 'kind', values: REGISTRATION_KINDS },
    { path: 'number', isTitle: true },
    { path: 'state', values: STATE_CODES },
    { path: 'gst_mode', values: REGISTRATION_GST_MODES },
    { path: 'district' },
    { path: 'is_active', type: 'boolean' },
    { path: 'created_at', type: 'datetime', editable: false },
  ],
  entityScope: inEntities('registrations.entity_id'),
  defaultSort: { column: 'number', direction: 'asc' },
  writes: {
    objectType: 'registration',
    operations: ['create', 'update', 'delete'],
    parse: (input, _op, ctx) => tenantOf(parseRecord(registrationSchema, input), input, ctx),
    // Core then makes the items it owes (an entity's first of a kind takes over the entity's own) and, on an edit, re-dates them.
  },
};

export const registrationsResource = (stores: PortalStores): ResourceWithOptions => tableResource(stores, registrationsSpec, {
  navigation: NAV.setup,
  listProperties: ['number', 'kind', 'entity_id', 'state', 'gst_mode', 'is_active'],
  filterProperties: ['number', 'kind', 'entity_id', 'state', 'gst_mode', 'is_active'],
  editProperties: ['tenant_id', 'entity_id', 'kind', 'number', 'state', 'gst_mode', 'district', 'is_active'],
  properties: {
    number: { description: 'GSTIN (15 characters, e.g. 27AAACD1234F1Z5), TAN (e.g. MUMD12345E), PT/LWF registration, PF establishment code or ESI employer code' },
    state: { description: 'Read from a GSTIN\'s first two digits; needed for PT and LWF', props: { isClearable: true } },
    gst_mode: { description: 'GSTINs only: monthly, qrmp, composition or isd' },
    district: { description: 'Optional: the principal place of business\'s district' },
    is_active: { description: 'Untick for a cancelled registration: its items stay, no new ones are made' },
  },
});
