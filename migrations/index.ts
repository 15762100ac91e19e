import type { Knex } from 'knex';
import * as initialSchema from './20261126000000_initial_schema.js';
import * as masterTenantGuard from './20261126120000_master_tenant_guard.js';
import * as leastPrivilege from './20261201000000_least_privilege.js';
import * as jobHeartbeat from './20261201000100_job_heartbeat.js';
import * as auditIntegrity from './20261201000200_audit_integrity.js';
import * as sharedHolidays from './20261202000000_shared_holidays.js';
import * as reliefKindsAndPlaces from './20261202010000_relief_kinds_and_places.js';
import * as registrations from './20261202020000_registrations.js';
import * as recordedEvents from './20261202030000_recorded_events.js';
import * as instanceMasterGuard from './20261202040000_instance_master_guard_per_statement.js';
import * as noticeSchedules from './20261202050000_notice_schedules_and_escalation_batches.js';
import * as signInLinks from './20261203010000_sign_in_links.js';
import * as teamsTenants from './20261204010000_teams_tenants.js';
import * as reminderClaims from './20261205010000_reminder_claims.js';
import * as teamsUploadPrompts from './20261206010000_teams_upload_prompts.js';
import * as teamsHomeCards from './20261206020000_teams_home_cards.js';

/**
 * Every migration, in order. Listing them here (rather than scanning a folder) lets the same
 * code run under tsx, Jest and the compiled build, and records the same names in all three.
 * A test checks that every file in this folder is listed.
 */
export const migrations: Record<string, Knex.Migration> = {
  '20261126000000_initial_schema': initialSchema,
  '20261126120000_master_tenant_guard': masterTenantGuard,
  '20261201000000_least_privilege': leastPrivilege,
  '20261201000100_job_heartbeat': jobHeartbeat,
  '20261201000200_audit_integrity': auditIntegrity,
  '20261202000000_shared_holidays': sharedHolidays,
  '20261202010000_relief_kinds_and_places': reliefKindsAndPlaces,
  '20261202020000_registrations': registrations,
  '20261202030000_recorded_events': recordedEvents,
  '20261202040000_instance_master_guard_per_statement': instanceMasterGuard,
  '20261202050000_notice_schedules_and_escalation_batches': noticeSchedules,
  '20261203010000_sign_in_links': signInLinks,
  '20261204010000_teams_tenants': teamsTenants,
  '20261205010000_reminder_claims': reminderClaims,
  '20261206010000_teams_upload_prompts': teamsUploadPrompts,
  '20261206020000_teams_home_cards': teamsHomeCards,
};
