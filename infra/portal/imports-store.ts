import type { Master } from '../../core/engine/master.js';
import type { TenantTx } from '../db/database.js';
import { toMasterRow } from '../stores/masters.js';

type Inserted = Promise<{ id: string; after: Record<string, unknown> }>;

/** What the CSV imports check rows against (the tenant's existing records) and how they store a row. */
export interface ImportStore {
  /** Existing holidays as `${date}|${state or ''}`. */
  holidayKeys(): Promise<Set<string>>;
  insertHoliday(v: { holiday_date: string; name: string; state?: string }): Inserted;
  /** The tenant's entities by lower-case name. */
  entityIdsByName(): Promise<Map<string, string>>;
  /** People's emails, lower-case. */
  emails(): Promise<Set<string>>;
  slackUserIds(): Promise<Set<string>>;
  /** A person with their one role (tenant-wide, or for one entity). */
  insertPerson(v: { email: string; name: string; role: string; entityId?: string; slack_user_id?: string }): Inserted;
  /** Codes of the tenant's own masters. */
  ownMasterCodes(): Promise<Set<string>>;
  insertMaster(v: Master): Inserted;
}

export function importStore({ trx, tenantId }: TenantTx): ImportStore {
  return {
    async holidayKeys() {
      return new Set((await trx('holidays').where({ tenant_id: tenantId }).select('holiday_date', 'state')).map((h) => `${h.holiday_date}|${h.state ?? ''}`));
    },
    async insertHoliday(v) {
      const [row] = await trx('holidays').insert({ tenant_id: tenantId, holiday_date: v.holiday_date, name: v.name, state: v.state ?? null }).returning(['id', 'holiday_date', 'name', 'state']);
      return { id: row.id, after: row };
    },
    async entityIdsByName() {
      return new Map((await trx('entities').where({ tenant_id: tenantId }).select('id', 'name')).map((e) => [e.name.toLowerCase(), e.id as string]));
    },
    async emails() {
      return new Set((await trx('users').where({ tenant_id: tenantId }).pluck('email')).map((e: string) => e.toLowerCase()));
    },
    async slackUserIds() {
      return new Set<string>(await trx('users').where({ tenant_id: tenantId }).whereNotNull('slack_user_id').pluck('slack_user_id'));
    },
    async insertPerson(v) {
      const [user] = await trx('users').insert({ tenant_id: tenantId, email: v.email, name: v.name, slack_user_id: v.slack_user_id ?? null }).returning(['id', 'email', 'name']);
      await trx('role_assignments').insert({ tenant_id: tenantId, user_id: user.id, role: v.role, entity_id: v.entityId ?? null });
      return { id: user.id, after: { ...user, role: v.role, entityId: v.entityId ?? null } };
    },
    async ownMasterCodes() {
      return new Set<string>(await trx('compliance_masters').where({ tenant_id: tenantId }).pluck('code'));
    },
    async insertMaster(v) {
      const [row] = await trx('compliance_masters').insert({ ...toMasterRow(v), tenant_id: tenantId }).returning(['id', 'code', 'name', 'frequency']);
      return { id: row.id, after: row };
    },
  };
}
