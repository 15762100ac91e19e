import type { ResourceOptions, ResourceWithOptions } from 'adminjs';
import { ENTITY_GST_MODES, ENTITY_TYPES, PROFILE_FLAG_MEANINGS } from '../../core/engine/applicability.js';
import { STATE_CODES } from '../../core/engine/states.js';
import { entitySchema, parseRecord } from '../../core/setup/records.js';
import { Components } from '../components/index.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, inEntities, tableResource, tenantOf } from './common.js';


export const entitiesSpec: TableSpec = {
  id: 'entities',
  table: 'entities',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'name', isTitle: true },
    { path: 'legal_name' },
    { path: 'entity_type', values: ENTITY_TYPES },
    { path: 'pan' },
    { path: 'cin' },
    { path: 'gstins', isArray: true, editable: false },
    { path: 'state', values: STATE_CODES },
    { path: 'district' },
    { path: 'gst_mode', values: ENTITY_GST_MODES },
    { path: 'profile', json: true },
    { path: 'slack_channel_id' },
    { path: 'teams_channel_id' },
    { path: 'is_active', type: 'boolean' },
    { path: 'created_at', type: 'datetime', editable: false },
  ],
  entityScope: inEntities('entities.id'),
  defaultSort: { column: 'name', direction: 'asc' },
  writes: {
    objectType: 'entity',
    operations: ['create', 'update', 'delete'],
    parse: (input, _op, ctx) => {
      const values = parseRecord(entitySchema, input);
      return tenantOf({ ...values, profile: JSON.stringify(values.profile) }, input, ctx);
    },
    // A new state brings other state holidays: core re-dates the entity's open "next working day" items.
  },
};

export const entitiesResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, entitiesSpec, {
  navigation: NAV.setup,
  listProperties: ['name', 'entity_type', 'state', 'gst_mode', 'pan', 'is_active'],
  filterProperties: ['name', 'entity_type', 'state', 'gst_mode', 'is_active', 'tenant_id'],
  editProperties: ['tenant_id', 'name', 'legal_name', 'entity_type', 'pan', 'cin', 'state', 'district', 'gst_mode', 'profile', 'slack_channel_id', 'teams_channel_id', 'is_active'],
  properties: {
    gst_mode: { description: 'Follows the principal GSTIN (Registrations) once the entity has one; set here only for an entity with no GSTIN recorded' },
    // One checkbox per flag core knows, each with its meaning, so a new flag is on the form as soon as core has it.
    profile: { description: 'Facts that decide which obligations apply to the entity: tick those that hold.', components: { edit: Components.ProfileFlags, show: Components.ProfileFlags }, custom: { flags: PROFILE_FLAG_MEANINGS } },
    state: { description: 'Of the principal place of business: it decides state taxes, holidays and the GSTR-3B group.' },
    district: { description: 'District of the principal place of business (e.g. Thane), for extensions granted only to some districts. Optional.' },
    teams_channel_id: { description: 'Where this entity\'s item threads go in Teams: the channel\'s id, 19:…@thread.tacv2 (the channel → ⋯ → Get link to channel; the part after /channel/). Add the app to that channel\'s team too.' },
  },
  actions,
});
