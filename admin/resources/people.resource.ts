import type { ActionResponse, ResourceOptions, ResourceWithOptions } from 'adminjs';
import bcrypt from 'bcryptjs';
import { ROLES } from '../../core/engine/access.js';
import { parseRecord, roleAssignmentSchema, userSchema } from '../../core/setup/records.js';
import type { PortalStores, TableSpec } from '../adapter/table-resource.js';
import { NAV, inEntities, tableResource, tenantOf } from './common.js';

/** People of a tenant. A password is only needed by those who use the portal (admins, auditors). */
export const usersSpec: TableSpec = {
  id: 'users',
  table: 'users',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'name', isTitle: true },
    { path: 'email' },
    { path: 'slack_user_id' },
    { path: 'teams_user_id' },
    { path: 'is_active', type: 'boolean' },
    { path: 'password', type: 'password', virtual: true, editable: true },
    { path: 'created_at', type: 'datetime', editable: false },
  ],
  defaultSort: { column: 'name', direction: 'asc' },
  writes: {
    objectType: 'user',
    operations: ['create', 'update', 'delete'],
    async parse(input, _op, ctx) {
      const { password, ...values } = parseRecord(userSchema, input);
      const withHash = password ? { ...values, password_hash: await bcrypt.hash(password, 10) } : values;
      return tenantOf(withHash, input, ctx);
    },
  },
};

/** AdminJS echoes the submitted form back with the saved record: the password never goes back. */
const dropPassword = async (response: ActionResponse) => {
  const params = (response as { record?: { params?: Record<string, unknown> } }).record?.params;
  if (params) delete params.password;
  return response;
};

export const usersResource = (stores: PortalStores, actions: ResourceOptions['actions'] = {}): ResourceWithOptions => tableResource(stores, usersSpec, {
  navigation: NAV.setup,
  listProperties: ['name', 'email', 'slack_user_id', 'is_active'],
  filterProperties: ['name', 'email', 'slack_user_id', 'is_active', 'tenant_id'],
  editProperties: ['tenant_id', 'name', 'email', 'slack_user_id', 'teams_user_id', 'is_active', 'password'],
  showProperties: ['name', 'email', 'slack_user_id', 'teams_user_id', 'is_active', 'created_at'],
  properties: {
    password: { description: 'Only for people who sign in to the portal (tenant admins, auditors). At least 12 characters with 6 different ones, not a well-known password nor your email name: a few words of your own. Leave empty to keep the current one.' },
    slack_user_id: { description: 'Linked automatically by email the first time the person uses Slack; set it here to link by hand.' },
    teams_user_id: { description: 'Their Microsoft Entra object id (Entra admin center → Users → Object ID). Linked automatically by the email on the Teams roster the first time they write to the app; set it here to link by hand.' },
  },
  actions: { ...actions, new: { after: dropPassword }, edit: { after: dropPassword } } as ResourceOptions['actions'],
});

/** Who holds which role, tenant-wide (no entity) or for one entity. */
export const rolesSpec: TableSpec = {
  id: 'role_assignments',
  table: 'role_assignments',
  scope: 'tenant',
  columns: [
    { path: 'id', isId: true, type: 'uuid' },
    { path: 'tenant_id', reference: 'tenants' },
    { path: 'user_id', reference: 'users', isTitle: true },
    { path: 'role', values: ROLES.filter((r) => r !== 'platform_admin') },
    { path: 'entity_id', reference: 'entities' },
    { path: 'created_at', type: 'datetime', editable: false },
  ],
  entityScope: inEntities('role_assignments.entity_id'),
  defaultSort: { column: 'created_at', direction: 'asc' },
  writes: {
    objectType: 'role_assignment',
    operations: ['create', 'update', 'delete'],
    parse: (input, _op, ctx) => {
      const values = parseRecord(roleAssignmentSchema, input);
      return tenantOf({ ...values, entity_id: values.entity_id ?? null }, input, ctx);
    },
  },
};

export const rolesResource = (stores: PortalStores): ResourceWithOptions => tableResource(stores, rolesSpec, {
  navigation: NAV.setup,
  listProperties: ['user_id', 'role', 'entity_id'],
  filterProperties: ['user_id', 'role', 'entity_id'],
  editProperties: ['tenant_id', 'user_id', 'role', 'entity_id'],
  properties: { entity_id: { description: 'Leave empty for the whole tenant.' } },
});
