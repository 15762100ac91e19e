import type { Database } from '../db/database.js';

/**
 * A running slot refreshes its heartbeat this often while its work runs; one silent for 20
 * seconds is taken to have died with its worker (killed, crashed, host gone), and its job is
 * free again. Heartbeats are real time on the database's clock (now()), whatever moment the job
 * is told it runs at.
 */
export const HEARTBEAT_EVERY_MS = 5_000;
/** SQL: the holder of a running slot beat within the last 20 seconds. */
const HOLDER_ALIVE = "job_runs.heartbeat_at > now() - interval '20 seconds'";

/**
 * Claims a job's schedule slot: true for exactly one caller however many schedulers fire the
 * same tick. A failed slot, or one whose holder stopped beating, may be claimed again. With
 * `exclusive`, a slot is not claimed while another slot of the same job is held by a live
 * worker, so long runs never overlap.
 */
export async function claimSlot(db: Database, job: string, slot: string, worker: string, options: { exclusive?: boolean } = {}): Promise<number | null> {
  return db.withSystem(async (trx) => {
    await trx.raw("SELECT pg_advisory_xact_lock(hashtextextended('job:' || ?, 0))", [job]);
    if (options.exclusive) {
      const busy = await trx('job_runs').where({ job, status: 'running' }).whereNot({ slot }).whereRaw(HOLDER_ALIVE).first('id');
      if (busy) return null;
    }
    const { rows } = await trx.raw(
      `INSERT INTO job_runs (job, slot, worker) VALUES (?, ?, ?)
       ON CONFLICT (job, slot) DO UPDATE
         SET status = 'running', worker = EXCLUDED.worker, started_at = now(), heartbeat_at = now(), finished_at = NULL, error = NULL
       WHERE job_runs.status = 'failed' OR (job_runs.status = 'running' AND NOT ${HOLDER_ALIVE})
       RETURNING id`,
      [job, slot, worker],
    );
    return rows[0]?.id ?? null;
  });
}

/** Says a claimed slot's worker is still alive. */
export async function beat(db: Database, id: number): Promise<void> {
  await db.withSystem((trx) => trx('job_runs').where({ id, status: 'running' }).update({ heartbeat_at: trx.fn.now() }));
}

export async function finishSlot(db: Database, id: number, outcome: { error?: unknown; stats?: Record<string, unknown> }): Promise<void> {
  await db.withSystem((trx) =>
    trx('job_runs').where({ id }).update({
      status: outcome.error ? 'failed' : 'succeeded',
      finished_at: trx.fn.now(),
      heartbeat_at: trx.fn.now(),
      error: outcome.error ? String((outcome.error as Error).message ?? outcome.error).slice(0, 2000) : null,
      stats: outcome.stats ? JSON.stringify(outcome.stats) : null,
    }),
  );
}

/**
 * Runs `work` if this caller wins the slot, beating every few seconds until it ends; returns its
 * stats, or null when another caller has it.
 */
export async function inSlot<T extends Record<string, unknown>>(
  db: Database, job: string, slot: string, worker: string, work: () => Promise<T>, options: { exclusive?: boolean } = {},
): Promise<T | null> {
  const id = await claimSlot(db, job, slot, worker, options);
  if (id === null) return null;
  // A missed beat (the database briefly unreachable) is not the work's failure: the next one counts.
  const heartbeat = setInterval(() => void beat(db, id).catch(() => undefined), HEARTBEAT_EVERY_MS);
  heartbeat.unref(); // the heartbeat never keeps a finished process alive
  try {
    const stats = await work();
    await finishSlot(db, id, { stats });
    return stats;
  } catch (error) {
    await finishSlot(db, id, { error });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/** The job slots of this database, as the jobs take them. */
export const jobSlots = (db: Database) => ({
  inSlot: <T extends Record<string, unknown>>(job: string, slot: string, worker: string, work: () => Promise<T>, options?: { exclusive?: boolean }) =>
    inSlot(db, job, slot, worker, work, options),
});
