import type { Actor } from '../engine/access.js';
import { ValidationError } from '../errors.js';
import type { EngineUnit } from '../ports/index.js';
import { redateAfterSetupChange } from './redate-after-setup-change.js';
import { authoriseSetupChange } from './setup-records.js';

export interface ImportedRow<T> {
  /** The row's number in the file, as the person sees it. */
  row: number;
  value: T;
}

/**
 * A checked file of tenant-wide setup records (people, obligations, holidays) is imported whole
 * or not at all: core's setup rule once for the file, each row audited with its row number, and
 * afterwards the open items the new records move are re-dated (new holidays).
 */
export async function importSetupRecords<T>(
  unit: Pick<EngineUnit, 'audit' | 'dating' | 'outbox'>,
  actor: Actor,
  input: {
    objectType: string;
    rows: ImportedRow<T>[];
    /** Stores one row; its new record's id and what to audit. */
    insert(value: T): Promise<{ id: string; after: Record<string, unknown> }>;
  },
): Promise<number> {
  const { objectType, rows } = input;
  // Imports add tenant-wide records.
  authoriseSetupChange(actor, { objectType, op: 'create', objectId: 'import', entityId: null });
  const audit = [];
  // Row by row (files are hundreds of rows), so a refusal by the storage names its row.
  for (const { row, value } of rows) {
    try {
      const { id, after } = await input.insert(value);
      audit.push(authoriseSetupChange(actor, { objectType, op: 'create', objectId: id, entityId: null, after: { ...after, importedFromRow: row } }));
    } catch (error) {
      // One transaction: a refusal here undoes the rows before it too. The refusal's detail
      // names the clashing value.
      const detail = (error as { detail?: string }).detail;
      throw new ValidationError(`Nothing was imported: row ${row} was refused${detail ? `: ${detail}` : ' by the database'}.`);
    }
  }
  await unit.audit.append(audit);
  await redateAfterSetupChange(unit, actor, { objectType, op: 'create', recordId: 'import' });
  return rows.length;
}
