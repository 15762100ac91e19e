import { daysBetween, type IsoDate } from './dates.js';
import { isOpen, type InstanceStatus } from './status.js';

export type Rag = 'red' | 'amber' | 'green';

/**
 * red: open past its effective due date. amber: open and due within the amber window, or
 * rejected. green: done (approved or not applicable), or due beyond the window.
 * `today` is the date in the tenant's timezone.
 */
export function ragOf(status: InstanceStatus, dueDate: IsoDate, today: IsoDate, amberWindowDays: number): Rag {
  if (!isOpen(status)) return 'green';
  if (today > dueDate) return 'red';
  if (status === 'rejected' || daysBetween(today, dueDate) <= amberWindowDays) return 'amber';
  return 'green';
}
