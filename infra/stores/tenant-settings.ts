import type { ReminderLadder } from '../../core/engine/reminders.js';
import type { TenantTx } from '../db/database.js';

export interface TenantSettings {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  amberWindowDays: number;
  /** Items due before it are not generated nor escalated; null: the FY's start. */
  trackingStartDate: string | null;
  ladder: ReminderLadder;
}

export async function loadTenantSettings({ trx, tenantId }: TenantTx): Promise<TenantSettings> {
  return settingsOfRow(await trx('tenants').where({ id: tenantId }).first());
}

/** The columns of a tenants row that settings are read from. */
export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  amber_window_days: number;
  tracking_start_date: string | null;
  reminder_days_before: number;
  escalation_after_days: number;
  escalation_repeat_days: number;
  working_hours_start: number;
  working_hours_end: number;
}

/** A tenants row as settings (for queries that read the row with more beside it). */
export function settingsOfRow(t: TenantRow): TenantSettings {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    timezone: t.timezone,
    amberWindowDays: t.amber_window_days,
    trackingStartDate: t.tracking_start_date,
    ladder: {
      timezone: t.timezone,
      daysBefore: t.reminder_days_before,
      escalateAfterDays: t.escalation_after_days,
      repeatEveryDays: t.escalation_repeat_days,
      workingHours: { start: t.working_hours_start, end: t.working_hours_end },
    },
  };
}
