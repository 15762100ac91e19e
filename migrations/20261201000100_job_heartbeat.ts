import type { Knex } from 'knex';

/**
 * A running schedule slot says it is alive every few seconds (heartbeat_at, database time), so
 * a worker killed mid-job is known dead within seconds instead of blocking its job for hours.
 * Runs recorded before this column existed were last heard from when they started or finished.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE job_runs ADD COLUMN heartbeat_at timestamptz;
    UPDATE job_runs SET heartbeat_at = coalesce(finished_at, started_at);
    ALTER TABLE job_runs ALTER COLUMN heartbeat_at SET DEFAULT now(), ALTER COLUMN heartbeat_at SET NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE job_runs DROP COLUMN heartbeat_at');
}
