import { createHmac, timingSafeEqual } from 'node:crypto';
import session from 'express-session';
import pg from 'pg';
import type { Logger } from '../logger.js';

type Callback<T = void> = (error?: unknown, value?: T) => void;

const PRUNE_EVERY_MS = 15 * 60_000;

/**
 * Portal sessions in PostgreSQL (admin_sessions), on a small pool of their own that runs as
 * compliance_session: a role with only this table. Each row is signed with a key derived from
 * the application secret, over its id and its exact JSON; a row whose signature does not match
 * (written or copied by anyone without the secret, e.g. straight into the database) is not a
 * session: it is dropped and the person signs in again.
 */
export class SignedSessionStore extends session.Store {
  private readonly pruner: NodeJS.Timeout;

  constructor(private readonly pool: pg.Pool, private readonly key: Buffer, private readonly log: Logger) {
    super();
    this.pruner = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  private verified(sid: string, json: string, sig: string): boolean {
    const expected = Buffer.from(sessionSignature(this.key, sid, json), 'hex');
    const given = Buffer.from(sig, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    // Expiry by this process's clock, the one that set the cookie's expiry.
    this.pool.query<{ sess: string; sig: string }>('SELECT sess::text AS sess, sig FROM admin_sessions WHERE sid = $1 AND expire > $2', [sid, new Date()])
      .then(async ({ rows }) => {
        const row = rows[0];
        if (!row) return callback(null, null);
        if (!this.verified(sid, row.sess, row.sig)) {
          this.log.warn({ session: sid.slice(0, 8) }, 'portal session refused: its stored signature does not match (altered in the database)');
          await this.pool.query('DELETE FROM admin_sessions WHERE sid = $1', [sid]);
          return callback(null, null);
        }
        return callback(null, JSON.parse(row.sess) as session.SessionData);
      })
      .catch((error: unknown) => callback(error));
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    const json = JSON.stringify(data);
    this.pool.query(
      `INSERT INTO admin_sessions (sid, sess, expire, sig) VALUES ($1, $2::json, $3, $4)
       ON CONFLICT (sid) DO UPDATE SET sess = EXCLUDED.sess, expire = EXCLUDED.expire, sig = EXCLUDED.sig`,
      [sid, json, expiryOf(data), sessionSignature(this.key, sid, json)],
    ).then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    // Only the expiry moves: the signed content stays as it was signed.
    this.pool.query('UPDATE admin_sessions SET expire = $2 WHERE sid = $1', [sid, expiryOf(data)])
      .then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.pool.query('DELETE FROM admin_sessions WHERE sid = $1', [sid]).then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  private async prune(): Promise<void> {
    await this.pool.query('DELETE FROM admin_sessions WHERE expire <= $1', [new Date()]).catch((error: unknown) => {
      this.log.warn({ err: (error as Error).message }, 'could not prune expired portal sessions');
    });
  }

  close(): void {
    clearInterval(this.pruner);
  }
}

/** The signature over a session's id and its exact stored JSON. */
export function sessionSignature(key: Buffer, sid: string, json: string): string {
  return createHmac('sha256', key).update(sid).update('\n').update(json).digest('hex');
}

function expiryOf(data: session.SessionData): Date {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + 86_400_000);
}

/**
 * The session store's own pool, as compliance_session. A connection the server drops (a
 * database restart) is an 'error' event on the pool: logged, never an uncaught exception.
 */
export function sessionPool(databaseUrl: string, log: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: '-c role=compliance_session' });
  pool.on('error', (error) => log.warn({ err: error.message }, 'portal session pool: a connection was lost; it will reconnect'));
  return pool;
}

/** The key that signs stored sessions, derived from the application secret. */
export const sessionStoreKey = (appSecret: string): Buffer => createHmac('sha256', appSecret).update('admin-session-store').digest();
