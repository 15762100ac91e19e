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
  const t = await trx('tenants').where({ id: tenantId }).first();
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
