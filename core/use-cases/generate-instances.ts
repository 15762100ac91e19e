import { systemActor, type Actor } from '../engine/access.js';
import { todayIn, type IsoDate } from '../engine/dates.js';
import { generationWindow, type GenerationWindow } from '../engine/schedule.js';
import type { EngineUnit } from '../ports/index.js';
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
 * Creates the tenant's items for the current FY plus its horizon, as of a day (by default the
 * tenant's own today). Idempotent: a second run creates nothing; a run that creates items is audited.
 */
export async function generateInstances(
  unit: Pick<EngineUnit, 'tenantId' | 'timezone' | 'dating' | 'audit'>,
  actor: Actor,
  input: { asOf?: IsoDate },
  now: Date,
): Promise<GenerationResult> {
  const asOf = input.asOf ?? todayIn(unit.timezone, now);
  const settings = await unit.dating.generationSettings();
  const window = generationWindow(asOf, settings.horizonMonths, settings.trackingStartDate);
  const { created, overdue, scheduleRows } = await unit.dating.generate(window, asOf);
  if (created > 0) {
    await unit.audit.append([{
      actor: actorRef(actor), action: 'instances.generated', objectType: 'tenant', objectId: unit.tenantId,
      after: { asOf, created, overdue, ...window },
    }]);
  }
  return { asOf, created, overdue, scheduleRows, window };
}
