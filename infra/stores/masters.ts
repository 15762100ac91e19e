import type { Knex } from 'knex';
import { masterSchema, type Master } from '../../core/engine/master.js';
import type { StoredMaster } from '../../core/engine/schedule.js';

export interface MasterRow {
  id: string;
  tenant_id: string | null;
  code: string;
  name: string;
  category: string;
  law: string;
  section: string | null;
  authority: string;
  frequency: string;
  rule_versions: unknown;
  holiday_policy: string;
  owed_per: string;
  applicability: unknown;
  description: string | null;
  sources: string | null;
}

export function toMasterRow(master: Master): Omit<MasterRow, 'id' | 'tenant_id'> {
  return {
    code: master.code, name: master.name, category: master.category, law: master.law, section: master.section ?? null,
    authority: master.authority, frequency: master.frequency, rule_versions: JSON.stringify(master.ruleVersions),
    holiday_policy: master.holidayPolicy, owed_per: master.owedPer, applicability: JSON.stringify(master.applicability),
    description: master.description ?? null, sources: master.sources ?? null,
  };
}

/** A stored master, validated again on the way out: a bad row fails loudly, not on a wrong date. */
export function fromMasterRow(row: MasterRow): StoredMaster {
  const master = masterSchema.parse({
    code: row.code, name: row.name, category: row.category, law: row.law, section: row.section ?? undefined,
    authority: row.authority, frequency: row.frequency, ruleVersions: row.rule_versions, holidayPolicy: row.holiday_policy, owedPer: row.owed_per,
    applicability: row.applicability, description: row.description ?? undefined, sources: row.sources ?? undefined,
  });
  return { ...master, id: row.id };
}

/**
 * Parsed masters by their row's content: every tenant's generation reads the same library rows,
 * and checking each again per tenant was a fixed cost of every run. A row that changed in any
 * column the master is made of is parsed, and checked, afresh. (Parsed masters are never mutated.)
 */
const parsed = new Map<string, StoredMaster>();
const PARSED_MAX = 5000;
function parsedMaster(row: MasterRow): StoredMaster {
  const key = JSON.stringify([row.id, row.code, row.name, row.category, row.law, row.section, row.authority, row.frequency,
    row.rule_versions, row.holiday_policy, row.owed_per, row.applicability, row.description, row.sources]);
  let master = parsed.get(key);
  if (!master) {
    if (parsed.size >= PARSED_MAX) parsed.clear();
    master = fromMasterRow(row);
    parsed.set(key, master);
  }
  return master;
}

/** Masters visible to the transaction's tenant (the shared library plus its own), active only. */
export async function loadMasters(trx: Knex.Transaction, where: { ids?: string[]; codes?: string[] } = {}): Promise<StoredMaster[]> {
  const query = trx('compliance_masters').where('is_active', true);
  if (where.ids) query.whereIn('id', where.ids);
  if (where.codes) query.whereIn('code', where.codes);
  const rows: MasterRow[] = await query.select('*');
  // A tenant's own master shadows a library master with the same code.
  const byCode = new Map<string, MasterRow>();
  for (const row of rows) if (!byCode.has(row.code) || row.tenant_id) byCode.set(row.code, row);
  return [...byCode.values()].map(parsedMaster);
}
