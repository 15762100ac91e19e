import type { Database } from '../db/database.js';

/** A run that has said nothing for this long is taken to have died with its worker. */
const STALE_AFTER = '2 hours';

/**
 * Claims a job's schedule slot: true for exactly one caller however many schedulers fire the
 * same tick. A failed or abandoned slot may be claimed again. With `exclusive`, a slot is not
 * claimed while another slot of the same job is still running, so long runs never overlap.
 */
export async function claimSlot(db: Database, job: string, slot: string, worker: string, options: { exclusive?: boolean } = {}): Promise<number | null> {
  return db.withSystem(async (trx) => {
    await trx.raw("SELECT pg_advisory_xact_lock(hashtextextended('job:' || ?, 0))", [job]);
    if (options.exclusive) {
      const busy = await trx('job_runs')
        .where({ job, status: 'running' }).whereNot({ slot })
        .andWhere('started_at', '>', trx.raw(`now() - interval '${STALE_AFTER}'`)).first('id');
      if (busy) return null;
    }
    const { rows } = await trx.raw(
      `INSERT INTO job_runs (job, slot, worker) VALUES (?, ?, ?)
       ON CONFLICT (job, slot) DO UPDATE SET status = 'running', worker = EXCLUDED.worker, started_at = now(), finished_at = NULL, error = NULL
       WHERE job_runs.status = 'failed' OR (job_runs.status = 'running' AND job_runs.started_at < now() - interval '${STALE_AFTER}')
       RETURNING id`,
      [job, slot, worker],
    );
    return rows[0]?.id ?? null;
  });
}

export async function finishSlot(db: Database, id: number, outcome: { error?: unknown; stats?: Record<string, unknown> }): Promise<void> {
  await db.withSystem((trx) =>
    trx('job_runs').where({ id }).update({
      status: outcome.error ? 'failed' : 'succeeded',
      finished_at: new Date(),
      error: outcome.error ? String((outcome.error as Error).message ?? outcome.error).slice(0, 2000) : null,
      stats: outcome.stats ? JSON.stringify(outcome.stats) : null,
    }),
  );
}

/** Runs `work` if this caller wins the slot; returns its stats, or null when another caller has it. */
export async function inSlot<T extends Record<string, unknown>>(
  db: Database, job: string, slot: string, worker: string, work: () => Promise<T>, options: { exclusive?: boolean } = {},
): Promise<T | null> {
  const id = await claimSlot(db, job, slot, worker, options);
  if (id === null) return null;
  try {
    const stats = await work();
    await finishSlot(db, id, { stats });
    return stats;
  } catch (error) {
    await finishSlot(db, id, { error });
    throw error;
  }
}
