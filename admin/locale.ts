import { ROLE_LABELS } from '../core/engine/role-labels.js';
import type { EntityType, GstMode } from '../core/engine/applicability.js';
import { STATE_NAMES } from '../core/engine/states.js';
import { STATUS_LABEL } from '../core/engine/status.js';

/** Each table as the portal names it: one row, and the list (also its menu entry). */
const NAMES: Record<string, { one: string; many: string }> = {
  tenants: { one: 'Tenant', many: 'Tenants' },
  entities: { one: 'Entity', many: 'Entities' },
  entity_events: { one: 'Entity event', many: 'Entity events' },
  registrations: { one: 'Registration', many: 'Registrations' },
  users: { one: 'Person', many: 'People' },
  role_assignments: { one: 'Role', many: 'Roles' },
  compliance_masters: { one: 'Obligation', many: 'Obligation library' },
  assignments: { one: 'Assignment', many: 'Assignments' },
  reminder_schedules: { one: 'Notice schedule', many: 'Notice schedules' },
  holidays: { one: 'Holiday', many: 'Holidays' },
  due_date_overrides: { one: 'Extension', many: 'Extensions' },
  compliance_instances: { one: 'Item', many: 'Items' },
  evidence: { one: 'Evidence version', many: 'Evidence' },
  audit_log: { one: 'Audit entry', many: 'Audit log' },
  notifications: { one: 'Notification', many: 'Notifications' },
};

/**
 * AdminJS's labels: the tables' names, and the words shown for stored values (AdminJS looks a
 * value up as labels.<column>.<value>): roles by name ("Preparer", not owner), an item's status
 * as the chat and web pages say it, states and union territories by name (the code is stored).
 */
export const PORTAL_LABELS = {
  ...Object.fromEntries(Object.entries(NAMES).map(([id, name]) => [id, name.many])),
  role: ROLE_LABELS,
  status: STATUS_LABEL,
  state: STATE_NAMES,
  entity_type: {
    company: 'Company', opc: 'One person company (OPC)', llp: 'LLP', partnership: 'Partnership firm', proprietorship: 'Proprietorship', trust: 'Trust', branch: 'Branch',
  } satisfies Record<EntityType, string>,
  gst_mode: {
    monthly: 'Monthly', qrmp: 'Quarterly (QRMP)', composition: 'Composition', none: 'Not registered for GST', isd: 'Input Service Distributor (ISD)',
  } satisfies Record<GstMode, string>,
};

/** Actions as the breadcrumbs name them (they take no table's own words): "Items / Details", not "Items / Show". */
export const ACTION_WORDS = { show: 'Details' };

/** Per-action words for a table whose actions mean something of their own. */
const OWN_ACTIONS: Record<string, Record<string, string>> = {
  // Editing an item is reassigning its preparer and approver: nothing else about it changes here.
  compliance_instances: { edit: 'Reassign' },
};

/**
 * Page titles (and the buttons that open them) in words: "Items", "Item details", "Edit entity",
 * "New person", where AdminJS would say List, Show, Edit and New on every page.
 */
export const PAGE_TITLES = Object.fromEntries(Object.entries(NAMES).map(([id, { one, many }]) => [id, {
  actions: { list: many, show: `${one} details`, edit: `Edit ${one.toLowerCase()}`, new: `New ${one.toLowerCase()}`, ...OWN_ACTIONS[id] },
}]));

/** AdminJS's login page: who signs in here, and where everyone else goes. */
export const LOGIN_WORDS = {
  welcomeHeader: 'Compliance OS',
  welcomeMessage: 'Tenant admins and auditors sign in here with their password. Preparers, approvers, the CFO and viewers: open /sign-in for a link by email (or Sign in with Slack).',
  properties: { email: 'Email', password: 'Password' },
  loginButton: 'Login',
};
