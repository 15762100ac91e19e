import { requireRole, type Actor } from '../engine/access.js';
import { isValidIsoDate, type IsoDate } from '../engine/dates.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { DateChange, EngineUnit } from '../ports/index.js';
import { actorRef } from './instance-guard.js';
import { redateOpenItems } from './redate-open-items.js';

export interface ExtensionInput {
  code: string;
  periodKey: string;
  extendedDueDate: IsoDate;
  reference: string;
  note?: string;
}

type ExtensionUnit = Pick<EngineUnit, 'extensions' | 'dating' | 'audit' | 'outbox'>;

/** Checks and records the extension (master + period → new date, with its reference); returns the master. */
async function recordExtension(unit: ExtensionUnit, actor: Actor, input: ExtensionInput, now: Date): Promise<string> {
  requireRole(actor, ['tenant_admin'], null, 'apply a due-date extension');
  if (!isValidIsoDate(input.extendedDueDate)) {
    throw new ValidationError(`${input.extendedDueDate} is not a real date: use YYYY-MM-DD.`);
  }
  if (input.reference.trim().length < 3) {
    throw new ValidationError('Give the notification or circular that grants the extension (e.g. "Notification 17/2025-CT").');
  }
  const masterId = await unit.extensions.masterIdByCode(input.code);
  if (!masterId) throw new NotFoundError(`No obligation with code ${input.code}. Check the code in the obligation library.`);
  if (!(await unit.extensions.hasItem(masterId, input.periodKey))) {
    throw new NotFoundError(`No ${input.code} item for period ${input.periodKey} in your organisation. Period keys look like 2026-11, FY2026-27-Q3 or FY2026-27.`);
  }
  await unit.extensions.record({
    masterId, periodKey: input.periodKey, extendedDueDate: input.extendedDueDate, reference: input.reference.trim(), note: input.note ?? null, appliedAt: now,
  });
  return masterId;
}

/**
 * A tenant admin records a government extension for the tenant and every open item it covers
 * moves (audited, owners told); the extension itself goes on the audit chain with how many moved.
 */
export async function applyExtension(unit: ExtensionUnit, actor: Actor, input: ExtensionInput, now: Date): Promise<DateChange[]> {
  const masterId = await recordExtension(unit, actor, input, now);
  const moved = await redateOpenItems(unit, actor, { masterIds: [masterId] });
  await unit.audit.append([{
    actor: actorRef(actor), action: 'extension.applied', objectType: 'master', objectId: masterId,
    after: { code: input.code, periodKey: input.periodKey, extendedDueDate: input.extendedDueDate, reference: input.reference.trim(), moved: moved.length },
  }]);
  return moved;
}

/** Which open items an extension would move, checked as applying it would be; nothing changes. */
export async function previewExtension(unit: ExtensionUnit & Pick<EngineUnit, 'rehearse'>, actor: Actor, input: ExtensionInput, now: Date): Promise<DateChange[]> {
  return unit.rehearse(async (rehearsal) => {
    const masterId = await recordExtension(rehearsal, actor, input, now);
    return rehearsal.dating.redateOpen({ masterIds: [masterId] }, 'preview');
  });
}
