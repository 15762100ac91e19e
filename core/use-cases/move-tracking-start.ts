import { requireRole, type Actor } from '../engine/access.js';
import { calendarDateProblem, type IsoDate } from '../engine/dates.js';
import { ValidationError } from '../errors.js';
import type { EngineUnit } from '../ports/index.js';
import { generateInstances, type GenerationResult } from './generate-instances.js';
import { actorRef } from './instance-guard.js';

export interface TrackingStartMove {
  from: IsoDate | null;
  to: IsoDate;
  /** The items the new start makes at once (a later start makes none; items already made stay). */
  generated: GenerationResult;
}

type Unit = Pick<EngineUnit, 'tenantId' | 'timezone' | 'dating' | 'audit' | 'outbox'>;

/**
 * A tenant admin moves the day the tenant tracks items from, audited, and the items the new
 * start brings are made at once. Moving it earlier makes every item due in between, many of them
 * overdue on arrival: the portal rehearses this first (EngineUnit.rehearse) and shows how many.
 */
export async function moveTrackingStart(unit: Unit, actor: Actor, input: { day: string }, now: Date): Promise<TrackingStartMove> {
  requireRole(actor, ['tenant_admin'], null, 'change the day this organisation tracks items from');
  const day = input.day.trim();
  const problem = calendarDateProblem(day);
  if (problem) throw new ValidationError(`Tracking start: ${problem}`, { details: { fields: { tracking_start_date: problem } } });
  const from = (await unit.dating.generationSettings()).trackingStartDate;
  if (from !== day) {
    await unit.dating.setTrackingStart(day);
    await unit.audit.append([{
      actor: actorRef(actor), action: 'tenant.tracking_start_moved', objectType: 'tenant', objectId: unit.tenantId,
      before: { trackingStartDate: from }, after: { trackingStartDate: day },
    }]);
  }
  return { from, to: day, generated: await generateInstances(unit, actor, {}, now) };
}
