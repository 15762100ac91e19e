import { requireRole, type Actor } from '../../core/engine/access.js';
import { isValidIsoDate, type IsoDate } from '../../core/engine/dates.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { actorRef } from '../../core/use-cases/instance-guard.js';
import { appendAudit } from '../audit/audit-store.js';
import type { TenantTx } from '../db/database.js';
import { loadMasters } from '../stores/masters.js';
import { recomputeOpenInstances, type DateChange } from './recompute.js';

export interface ExtensionInput {
  code: string;
  periodKey: string;
  extendedDueDate: IsoDate;
  reference: string;
  note?: string;
}

/**
 * Records a government extension for the tenant (master + period → new date, with the
 * notification reference) and moves every open instance it covers. With `preview`, nothing is
 * written: the list says which items would move.
 */
export async function applyExtension(tx: TenantTx, input: ExtensionInput, actor: Actor, options: { preview?: boolean } = {}): Promise<DateChange[]> {
  requireRole(actor, ['tenant_admin'], null, 'apply a due-date extension');
  if (!isValidIsoDate(input.extendedDueDate)) {
    throw new ValidationError(`${input.extendedDueDate} is not a real date: use YYYY-MM-DD.`);
  }
  if (input.reference.trim().length < 3) {
    throw new ValidationError('Give the notification or circular that grants the extension (e.g. "Notification 17/2025-CT").');
  }
  const [master] = await loadMasters(tx.trx, { codes: [input.code] });
  if (!master) throw new NotFoundError(`No obligation with code ${input.code}. Check the code in the obligation library.`);
  const exists = await tx.trx('compliance_instances').where({ tenant_id: tx.tenantId, master_id: master.id, period_key: input.periodKey }).first('id');
  if (!exists) {
    throw new NotFoundError(`No ${input.code} item for period ${input.periodKey} in your organisation. Period keys look like 2026-11, FY2026-27-Q3 or FY2026-27.`);
  }
  const row = {
    tenant_id: tx.tenantId, master_id: master.id, period_key: input.periodKey, extended_due_date: input.extendedDueDate,
    reference: input.reference.trim(), note: input.note ?? null, applied_at: new Date(),
  };
  await tx.trx('due_date_overrides').insert(row).onConflict(['tenant_id', 'master_id', 'period_key']).merge();
  const moved = await recomputeOpenInstances(tx, { masterIds: [master.id] }, actor, options);
  if (options.preview) {
    // Roll back the override written for the preview by leaving through an error the caller never sees.
    throw new PreviewRollback(moved);
  }
  await appendAudit(tx, {
    actor: actorRef(actor), action: 'extension.applied', objectType: 'master', objectId: master.id,
    after: { code: input.code, periodKey: input.periodKey, extendedDueDate: input.extendedDueDate, reference: row.reference, moved: moved.length },
  });
  return moved;
}

/** Carries a preview's result out of a transaction that must not commit. */
export class PreviewRollback extends Error {
  constructor(readonly moved: DateChange[]) {
    super('preview');
  }
}

/** Which open instances an extension would move, without changing anything (a savepoint is rolled back). */
export async function previewExtension(tx: TenantTx, input: ExtensionInput, actor: Actor): Promise<DateChange[]> {
  try {
    await tx.trx.transaction((savepoint) => applyExtension({ trx: savepoint, tenantId: tx.tenantId }, input, actor, { preview: true }));
  } catch (error) {
    if (error instanceof PreviewRollback) return error.moved;
    throw error;
  }
  return [];
}
