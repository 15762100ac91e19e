import { applyExtensions } from './apply-extensions.js';
import type { Job } from './context.js';
import { dispatchNotifications } from './dispatch-notifications.js';
import { generateInstances } from './generate-instances.js';
import { sendReminders } from './send-reminders.js';
import { weeklyDigest } from './weekly-digest.js';

export interface ScheduledJob {
  name: string;
  run: Job;
  /** Cron in UTC; tenant-local times are decided inside the job, per tenant. */
  cron?: string;
  /** Restart interval for long-running jobs (Bree never starts a second copy while one runs). */
  interval?: string;
  runAtStart?: boolean;
  description: string;
}

/** Every background job and when it runs: the one schedule table. */
export const schedule: ScheduledJob[] = [
  { name: 'generate-instances', run: generateInstances, cron: '5 * * * *', runAtStart: true, description: 'Daily at 00:05 tenant time (checked hourly; once per tenant and local day)' },
  { name: 'send-reminders', run: sendReminders, cron: '0 * * * *', description: "Hourly; reminders go out within each tenant's working hours" },
  { name: 'dispatch-notifications', run: dispatchNotifications, interval: '1m', runAtStart: true, description: 'Continuously; sends due outbox rows within seconds' },
  { name: 'weekly-digest', run: weeklyDigest, cron: '10 * * * *', description: 'Mondays from 09:00 tenant time, to each CFO' },
  { name: 'apply-extensions', run: applyExtensions, cron: '30 0 * * *', runAtStart: true, description: 'At start and daily: library sync and re-dating of open instances' },
];

export const jobNamed = (name: string): ScheduledJob | undefined => schedule.find((j) => j.name === name);
