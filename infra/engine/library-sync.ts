import type { Extension, Master } from '../../core/engine/master.js';
import type { LibraryStore, LibrarySyncResult } from '../../core/ports/index.js';
import type { Database } from '../db/database.js';
import { toMasterRow } from '../stores/masters.js';

/** The shared statutory library (rows without a tenant) in PostgreSQL. */
export const libraryStore = (db: Database): LibraryStore => ({ sync: (masters, extensions) => upsertLibrary(db, masters, extensions) });

/**
 * Upserts the shared statutory library by code: new codes are inserted, changed ones updated
 * with library_version + 1, identical ones left alone. Library extensions are upserted by
 * code and period. One statement each.
 */
async function upsertLibrary(db: Database, masters: Master[], extensions: Extension[]): Promise<LibrarySyncResult> {
  return db.withSystem(async (trx) => {
    const rows = masters.map((m) => ({ tenant_id: null, ...toMasterRow(m) }));
    const compared = ['name', 'category', 'law', 'section', 'authority', 'frequency', 'rule_versions', 'holiday_policy', 'owed_per', 'applicability', 'description', 'sources'];
    const { rows: upserted } = await trx.raw(
      `? ON CONFLICT (tenant_id, code) DO UPDATE SET ${compared.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
         library_version = compliance_masters.library_version + 1, is_active = true
       WHERE (${compared.map((c) => `compliance_masters.${c}`).join(', ')}) IS DISTINCT FROM (${compared.map((c) => `EXCLUDED.${c}`).join(', ')})
         OR NOT compliance_masters.is_active
       RETURNING id, code, (xmax = 0) AS inserted`,
      [trx('compliance_masters').insert(rows)],
    );
    const ids: { id: string; code: string }[] = await trx('compliance_masters').whereNull('tenant_id').select('id', 'code');
    const idByCode = new Map(ids.map((r) => [r.code, r.id]));
    const extRows = extensions.map((e) => ({
      tenant_id: null, master_id: idByCode.get(e.code), period_key: e.periodKey, extended_due_date: e.extendedDueDate,
      reference: e.reference, note: e.note ?? null,
    }));
    const { rows: extUpserted } = extRows.length === 0 ? { rows: [] } : await trx.raw(
      `? ON CONFLICT (tenant_id, master_id, period_key) DO UPDATE
         SET extended_due_date = EXCLUDED.extended_due_date, reference = EXCLUDED.reference, note = EXCLUDED.note
       WHERE (due_date_overrides.extended_due_date, due_date_overrides.reference) IS DISTINCT FROM (EXCLUDED.extended_due_date, EXCLUDED.reference)
       RETURNING master_id, (xmax = 0) AS inserted`,
      [trx('due_date_overrides').insert(extRows)],
    );
    const changed = new Set<string>([...upserted.filter((r: { inserted: boolean }) => !r.inserted).map((r: { id: string }) => r.id),
      ...extUpserted.map((r: { master_id: string }) => r.master_id)]);
    return {
      masters: {
        inserted: upserted.filter((r: { inserted: boolean }) => r.inserted).map((r: { code: string }) => r.code),
        updated: upserted.filter((r: { inserted: boolean }) => !r.inserted).map((r: { code: string }) => r.code),
        unchanged: masters.length - upserted.length,
      },
      extensions: {
        inserted: extUpserted.filter((r: { inserted: boolean }) => r.inserted).length,
        updated: extUpserted.filter((r: { inserted: boolean }) => !r.inserted).length,
        unchanged: extensions.length - extUpserted.length,
      },
      changedMasterIds: [...changed],
    };
  });
}
