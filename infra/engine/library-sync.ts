import type { Extension, Master } from '../../core/engine/master.js';
import type { ShippedHoliday } from '../../core/library/india/holidays/index.js';
import type { HolidaySyncResult, LibraryStore, LibrarySyncResult } from '../../core/ports/index.js';
import type { Knex } from 'knex';
import type { Database } from '../db/database.js';
import { toMasterRow } from '../stores/masters.js';

/** The shared statutory library (rows without a tenant) in PostgreSQL. */
export const libraryStore = (db: Database): LibraryStore => ({
  sync: (masters, extensions) => upsertLibrary(db, masters, extensions),
  syncHolidays: (holidays) => syncSharedHolidays(db, holidays),
});

/**
 * The shared holidays (tenant_id NULL, one copy every tenant reads) made equal to the shipped
 * ones in one statement: upserted by (day, state), renamed in place, and those no longer shipped
 * (a corrected list) removed. Identical rows are not touched, so a second run changes nothing.
 */
async function syncSharedHolidays(db: Database, holidays: ShippedHoliday[]): Promise<HolidaySyncResult> {
  return db.withSystem(async (trx) => {
    const { rows } = await trx.raw(
      `WITH shipped AS (
         SELECT * FROM unnest(?::date[], ?::text[], ?::text[], ?::text[]) AS s(holiday_date, state, name, source)
       ), upserted AS (
         INSERT INTO holidays (tenant_id, holiday_date, state, name, source)
         SELECT NULL, holiday_date, state, name, source FROM shipped
         ON CONFLICT (tenant_id, holiday_date, state) DO UPDATE SET name = EXCLUDED.name, source = EXCLUDED.source
         WHERE (holidays.name, holidays.source) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.source)
         RETURNING (xmax = 0) AS inserted
       ), removed AS (
         DELETE FROM holidays h WHERE h.tenant_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM shipped s WHERE s.holiday_date = h.holiday_date AND s.state IS NOT DISTINCT FROM h.state)
         RETURNING h.id
       )
       SELECT (SELECT count(*) FROM upserted WHERE inserted)::int AS inserted,
              (SELECT count(*) FROM upserted WHERE NOT inserted)::int AS renamed,
              (SELECT count(*) FROM removed)::int AS removed`,
      // pg sends JS arrays (nulls included) as PostgreSQL arrays; knex's binding type just doesn't say so.
      [holidays.map((h) => h.date), holidays.map((h) => h.state) as unknown as string[], holidays.map((h) => h.name), holidays.map((h) => h.source)],
    );
    const { inserted, renamed, removed } = rows[0] as { inserted: number; renamed: number; removed: number };
    return { inserted, renamed, removed, unchanged: holidays.length - inserted - renamed };
  });
}

/**
 * Upserts the shared statutory library by code: new codes are inserted, changed ones updated
 * with library_version + 1, identical ones left alone. Library extensions are made equal to the
 * shipped ones (syncLibraryExtensions). One statement each.
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
    const { rows: extChanges } = await syncLibraryExtensions(trx, extensions, idByCode);
    const extUpserted = extChanges.filter((r: { op: string }) => r.op !== 'removed');
    const changed = new Set<string>([...upserted.filter((r: { inserted: boolean }) => !r.inserted).map((r: { id: string }) => r.id),
      ...extChanges.map((r: { master_id: string }) => r.master_id)]);
    return {
      masters: {
        inserted: upserted.filter((r: { inserted: boolean }) => r.inserted).map((r: { code: string }) => r.code),
        updated: upserted.filter((r: { inserted: boolean }) => !r.inserted).map((r: { code: string }) => r.code),
        unchanged: masters.length - upserted.length,
      },
      extensions: {
        inserted: extUpserted.filter((r: { op: string }) => r.op === 'inserted').length,
        updated: extUpserted.filter((r: { op: string }) => r.op === 'updated').length,
        removed: extChanges.length - extUpserted.length,
        unchanged: extensions.length - extUpserted.length,
      },
      changedMasterIds: [...changed],
    };
  });
}

/**
 * The shared extensions and fee waivers (tenant_id NULL) made equal to the shipped ones in one
 * statement: upserted by master, period, kind and place, and those no longer shipped removed (a
 * relief re-classified, say an extension found to be a fee waiver, must not keep moving dates).
 * Identical rows are not touched, so a second run changes nothing. Returns each changed row's master.
 */
function syncLibraryExtensions(trx: Knex.Transaction, extensions: Extension[], idByCode: Map<string, string>) {
  const column = <T>(pick: (e: Extension) => T) => extensions.map(pick) as unknown as string[];
  return trx.raw(
    `WITH shipped AS (
       SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[])
         AS s(master_id, period_key, kind, extended_due_date, reference, note, states_csv, districts_csv)
     ), rows AS (
       -- unnest cannot carry arrays of arrays: each scope travels as one '|'-joined string.
       SELECT master_id, period_key, kind, extended_due_date, reference, note,
              string_to_array(states_csv, '|') AS states, string_to_array(districts_csv, '|') AS districts
       FROM shipped
     ), upserted AS (
       INSERT INTO due_date_overrides (tenant_id, master_id, period_key, kind, extended_due_date, reference, note, states, districts)
       SELECT NULL, master_id, period_key, kind, extended_due_date, reference, note, states, districts FROM rows
       ON CONFLICT (tenant_id, master_id, period_key, kind, states, districts) DO UPDATE
         SET extended_due_date = EXCLUDED.extended_due_date, reference = EXCLUDED.reference, note = EXCLUDED.note
       WHERE (due_date_overrides.extended_due_date, due_date_overrides.reference, due_date_overrides.note)
         IS DISTINCT FROM (EXCLUDED.extended_due_date, EXCLUDED.reference, EXCLUDED.note)
       RETURNING master_id, CASE WHEN xmax = 0 THEN 'inserted' ELSE 'updated' END AS op
     ), removed AS (
       DELETE FROM due_date_overrides o WHERE o.tenant_id IS NULL AND NOT EXISTS (
         SELECT 1 FROM rows r WHERE r.master_id = o.master_id AND r.period_key = o.period_key AND r.kind = o.kind
           AND r.states IS NOT DISTINCT FROM o.states AND r.districts IS NOT DISTINCT FROM o.districts)
       RETURNING o.master_id, 'removed' AS op
     )
     SELECT * FROM upserted UNION ALL SELECT * FROM removed`,
    [
      column((e) => idByCode.get(e.code)), column((e) => e.periodKey), column((e) => e.kind), column((e) => e.extendedDueDate),
      column((e) => e.reference), column((e) => e.note ?? null), column((e) => e.states?.join('|') ?? null), column((e) => e.districts?.join('|') ?? null),
    ],
  );
}
