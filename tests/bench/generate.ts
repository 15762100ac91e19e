import { generateForTenant, syncShippedLibrary } from '../support/engine.js';
import { benchDatabase, printResult, seconds } from './harness.js';

/**
 * Instance generation against its physical limit. Builds TENANTS × ENTITIES × ASSIGNMENTS
 * assignments (the library masters plus synthetic monthly ones), generates one FY for every
 * tenant as the daily job would (tenant by tenant, under row-level security), then writes the
 * same rows again with one plain INSERT … SELECT (ratio_to_same_rows_insert), and as many bare
 * rows from generate_series (ratio_to_limit, the narrowest insert the table allows).
 * Every entity has a GSTIN in its state, every third a second one in Tamil Nadu, every other a
 * TAN: GST and TDS items are made per registration.
 */
const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10);
const ASSIGNMENTS = Number(process.env.BENCH_ASSIGNMENTS ?? 40);

export async function benchGenerate(): Promise<void> {
  const { db, close } = await benchDatabase();
  try {
    await syncShippedLibrary(db);
    const owner = db.owner;
    await owner.raw(`
      INSERT INTO compliance_masters (code, name, category, law, authority, frequency, rule_versions)
      SELECT 'BENCH_' || g, 'Synthetic monthly return ' || g, 'Bench', 'Bench Act', 'Bench', 'monthly',
             ('[{"effectiveFrom":"2000-01-01","rule":{"kind":"after_period_end","months":1,"day":' || (10 + g) || '}}]')::jsonb
      FROM generate_series(1, GREATEST(0, ? - 37)) g`, [ASSIGNMENTS]);
    const setupStart = process.hrtime.bigint();
    await owner.raw(`
      INSERT INTO tenants (slug, name, generation_horizon_months, tracking_start_date)
      SELECT 'bench-' || g, 'Bench group ' || g, 11, DATE '2026-04-01' FROM generate_series(1, ?) g`, [TENANTS]);
    await owner.raw(`
      INSERT INTO entities (tenant_id, name, legal_name, entity_type, state, gst_mode)
      SELECT t.id, 'Entity ' || g, 'Entity ' || g || ' Private Limited', 'company', CASE WHEN g % 2 = 0 THEN 'MH' ELSE 'KA' END, 'monthly'
      FROM tenants t CROSS JOIN generate_series(1, ?) g`, [ENTITIES]);
    await owner.raw(`
      WITH e AS (SELECT id, tenant_id, state, row_number() OVER (PARTITION BY tenant_id ORDER BY name) AS n FROM entities),
           g AS (SELECT e.*, s.state AS gst_state FROM e CROSS JOIN LATERAL (VALUES (e.state), (CASE WHEN e.n % 3 = 0 THEN 'TN' END)) s(state) WHERE s.state IS NOT NULL)
      INSERT INTO registrations (tenant_id, entity_id, kind, number, state, gst_mode)
      SELECT tenant_id, id, 'gstin', (CASE gst_state WHEN 'MH' THEN '27' WHEN 'KA' THEN '29' ELSE '33' END) || 'AAAAA' || lpad(n::text, 4, '0') || 'A1Z5', gst_state, 'monthly' FROM g
      UNION ALL
      SELECT tenant_id, id, 'tan', 'BENC' || lpad(n::text, 5, '0') || 'A', NULL, NULL FROM e WHERE n % 2 = 0`);
    await owner.raw(`
      INSERT INTO assignments (tenant_id, entity_id, master_id)
      SELECT e.tenant_id, e.id, m.id FROM entities e
      CROSS JOIN (SELECT id FROM compliance_masters WHERE tenant_id IS NULL ORDER BY code LIMIT ?) m`, [ASSIGNMENTS]);
    await owner.raw('ANALYZE');
    const setupSeconds = seconds(setupStart);

    const tenantIds: string[] = await owner('tenants').orderBy('slug').pluck('id');
    const start = process.hrtime.bigint();
    let rows = 0;
    for (const tenantId of tenantIds) rows += (await generateForTenant(db, tenantId, '2026-04-01')).created;
    const generateSeconds = seconds(start);

    const againStart = process.hrtime.bigint();
    let again = 0;
    for (const tenantId of tenantIds) again += (await generateForTenant(db, tenantId, '2026-04-01')).created;
    const againSeconds = seconds(againStart);

    // The physical limit: the same number of rows, same table, same indexes, one plain statement.
    // The limit, two ways. The same rows: what generation wrote (every column: people, registration,
    // channel, dates), written again by one plain INSERT … SELECT — the physical cost of those rows.
    // A bare insert: as many narrow rows (no people, no registration) from generate_series.
    const columns = `tenant_id, entity_id, master_id, registration_id, period_key, period_start, period_end, statutory_due_date,
      extended_due_date, extension_reference, working_due_date, owner_user_id, approver_user_id, slack_channel_id`;
    await owner.raw(`CREATE TABLE bench_generated AS SELECT ${columns} FROM compliance_instances`);
    const emptyTable = async () => {
      await owner.raw('DELETE FROM notifications; DELETE FROM compliance_instances');
      await owner.raw('VACUUM compliance_instances');
    };
    await emptyTable();
    const sameStart = process.hrtime.bigint();
    const same = await owner.raw(`INSERT INTO compliance_instances (${columns}) SELECT ${columns} FROM bench_generated`);
    const sameSeconds = seconds(sameStart);
    await emptyTable();
    const perAssignment = Math.ceil(rows / (TENANTS * ENTITIES * ASSIGNMENTS));
    const limitStart = process.hrtime.bigint();
    const limit = await owner.raw(`
      INSERT INTO compliance_instances (tenant_id, entity_id, master_id, period_key, period_start, period_end, statutory_due_date)
      SELECT a.tenant_id, a.entity_id, a.master_id, 'P' || g, DATE '2026-04-01', DATE '2026-04-30', DATE '2026-05-20'
      FROM assignments a CROSS JOIN generate_series(1, ?) g
      LIMIT ?`, [perAssignment, rows]);
    const limitSeconds = seconds(limitStart);

    const generateRate = rows / generateSeconds;
    const sameRate = same.rowCount / sameSeconds;
    const limitRate = limit.rowCount / limitSeconds;
    printResult({
      bench: 'generate', tenants: TENANTS, entities: TENANTS * ENTITIES, assignments: TENANTS * ENTITIES * ASSIGNMENTS,
      registrations: Number((await owner('registrations').count({ n: '*' }))[0]!.n),
      setup_seconds: +setupSeconds.toFixed(2), rows, generate_seconds: +generateSeconds.toFixed(2), generate_rows_per_s: Math.round(generateRate),
      second_run_created: again, second_run_seconds: +againSeconds.toFixed(2),
      same_rows_insert_seconds: +sameSeconds.toFixed(2), same_rows_insert_rows_per_s: Math.round(sameRate),
      ratio_to_same_rows_insert: +(generateRate / sameRate).toFixed(3),
      limit_rows: limit.rowCount, limit_seconds: +limitSeconds.toFixed(2), limit_rows_per_s: Math.round(limitRate),
      ratio_to_limit: +(generateRate / limitRate).toFixed(3),
    });
  } finally {
    await close();
  }
}
