import { requireRole, type Actor } from '../engine/access.js';
import { isValidIsoDate, type IsoDate } from '../engine/dates.js';
import { EXTENSION_KINDS, extensionScopeSchema, type ExtensionKind } from '../engine/master.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { endSentence } from '../sentences.js';
import type { DateChange, EngineUnit } from '../ports/index.js';
import { actorRef } from './instance-guard.js';
import { redateOpenItems } from './redate-open-items.js';

export interface ExtensionInput {
  code: string;
  periodKey: string;
  /** 'extension' (default) moves the due date; 'fee_waiver' keeps it and waives the additional fee until the date. */
  kind?: ExtensionKind;
  extendedDueDate: IsoDate;
  reference: string;
  note?: string;
  /** Only for principal places of business in these states (two-letter codes) / districts; empty or absent: everywhere. */
  states?: string[];
  districts?: string[];
}

/** The place a relief is limited to, checked; empty lists mean everywhere. */
function scopeOf(input: ExtensionInput): { states: string[] | null; districts: string[] | null } {
  const given = (list?: string[]) => (list && list.length > 0 ? list : undefined);
  const parsed = extensionScopeSchema.safeParse({ states: given(input.states), districts: given(input.districts) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(`${String(issue.path[0])}: ${endSentence(issue.message)} Leave it empty for every ${String(issue.path[0]) === 'states' ? 'state' : 'district'}.`);
  }
  return { states: parsed.data.states ?? null, districts: parsed.data.districts ?? null };
}

type ExtensionUnit = Pick<EngineUnit, 'extensions' | 'dating' | 'audit' | 'outbox'>;

/** Checks and records the extension (master + period → new date, with its reference); returns the master. */
async function recordExtension(unit: ExtensionUnit, actor: Actor, input: ExtensionInput, now: Date): Promise<string> {
  requireRole(actor, ['tenant_admin'], null, 'apply a due-date extension');
  if (input.kind !== undefined && !EXTENSION_KINDS.includes(input.kind)) {
    throw new ValidationError(`Kind "${String(input.kind)}" is not one of ${EXTENSION_KINDS.join(', ')}: extension moves the due date, fee_waiver keeps it and waives the additional fee.`);
  }
  const scope = scopeOf(input);
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
    masterId, periodKey: input.periodKey, kind: input.kind ?? 'extension', extendedDueDate: input.extendedDueDate, reference: input.reference.trim(),
    note: input.note ?? null, appliedAt: now, ...scope,
  });
  return masterId;
}

/**
 * A tenant admin records a government extension for the tenant and every open item it covers
 * moves (audited, owners told); the extension itself goes on the audit chain with how many moved.
 * A fee waiver is recorded the same way and moves nothing: items show it beside their due date.
 */
export async function applyExtension(unit: ExtensionUnit, actor: Actor, input: ExtensionInput, now: Date): Promise<DateChange[]> {
  const masterId = await recordExtension(unit, actor, input, now);
  // The audit says what was stored: the places as scopeOf normalised them, not as typed.
  const { states, districts } = scopeOf(input);
  const moved = await redateOpenItems(unit, actor, { masterIds: [masterId] });
  await unit.audit.append([{
    actor: actorRef(actor), action: 'extension.applied', objectType: 'master', objectId: masterId,
    after: {
      code: input.code, periodKey: input.periodKey, kind: input.kind ?? 'extension', extendedDueDate: input.extendedDueDate, reference: input.reference.trim(),
      ...(states ? { states } : {}), ...(districts ? { districts } : {}), moved: moved.length,
    },
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
