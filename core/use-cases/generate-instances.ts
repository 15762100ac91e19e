import { createHash } from 'node:crypto';
import { systemActor, type Actor } from '../engine/access.js';
import { todayIn, type IsoDate } from '../engine/dates.js';
import { generationWindow, type GenerationWindow } from '../engine/schedule.js';
import type { EngineUnit, NewWork, NotificationDraft } from '../ports/index.js';
import { actorRef } from './instance-guard.js';

/** Who generates on a schedule, from the CLI or at set-up. */
export const generationActor = systemActor('generate-instances', 'Instance generation');

export interface GenerationResult {
  /** The day generated as of (the tenant's today unless given). */
  asOf: IsoDate;
  created: number;
  /** Of those created, how many were already overdue (due before the day generated as of). */
  overdue: number;
  scheduleRows: number;
  window: GenerationWindow;
}

/**
 * One "new work assigned" message per person per run, whatever number of items and roles. The key
 * names the run by the new items' ids: ids are never reused, so a later run that makes more items
 * for the same person (even on the same day) has a key of its own, and a run that makes nothing
 * sends nothing. The listed ids (the nearest due) are enough for that: each is new to this run.
 */
export function workAssignedNotices(newWork: NewWork[], asOf: IsoDate): NotificationDraft[] {
  return newWork.map((w) => {
    const run = createHash('sha256').update(w.items.map((i) => i.instanceId).sort().join(',')).digest('hex').slice(0, 16);
    return {
      kind: 'work_assigned', to: { kind: 'user', userId: w.userId }, instanceId: null,
      dedupKey: `work_assigned:${w.userId}:${asOf}:${run}`,
      payload: { count: w.count, nearestDue: w.nearestDue, items: w.items },
    };
  });
}

/**
 * Creates the tenant's items for the current FY plus its horizon, as of a day (by default the
 * tenant's own today). Idempotent: a second run creates nothing; a run that creates items is
 * audited, and each person named on them is told once, in the same transaction.
 */
export async function generateInstances(
  unit: Pick<EngineUnit, 'tenantId' | 'timezone' | 'dating' | 'audit' | 'outbox'>,
  actor: Actor,
  input: { asOf?: IsoDate },
  now: Date,
): Promise<GenerationResult> {
  const asOf = input.asOf ?? todayIn(unit.timezone, now);
  const settings = await unit.dating.generationSettings();
  const window = generationWindow(asOf, settings.horizonMonths, settings.trackingStartDate);
  const { created, overdue, scheduleRows, newWork } = await unit.dating.generate(window, asOf);
  if (created > 0) {
    await unit.audit.append([{
      actor: actorRef(actor), action: 'instances.generated', objectType: 'tenant', objectId: unit.tenantId,
      after: { asOf, created, overdue, ...window },
    }]);
  }
  await unit.outbox.enqueue(workAssignedNotices(newWork, asOf));
  return { asOf, created, overdue, scheduleRows, window };
}
