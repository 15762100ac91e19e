import knexPkg from 'knex';
import type { Knex } from 'knex';
import pg from 'pg';
import { ValidationError } from '../../core/errors.js';

const { knex } = knexPkg;

// DATE columns hold calendar dates (due dates): keep them as 'YYYY-MM-DD' strings rather than
// letting pg turn them into midnight in the server's timezone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// bigint counters (audit seq, byte sizes) fit comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

const CONNECT_TIMEOUT_MS = 5_000;
const ACQUIRE_TIMEOUT_MS = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A transaction bound to one tenant: row-level security shows it that tenant's rows only. */
export interface TenantTx {
  readonly trx: Knex.Transaction;
  readonly tenantId: string;
}

export interface Database {
  /**
   * The only way code reaches tenant data: runs `work` in one transaction in which the
   * database sees only `tenantId`'s rows.
   */
  withTenant<T>(tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T>;
  /** Platform-level work (tenants list, shared library, cross-tenant jobs), said explicitly. */
  withSystem<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  /** The restricted pool, for reads that need no tenant (health checks). */
  readonly app: Knex;
  /** The schema owner's pool, for migrations and maintenance only. */
  readonly owner: Knex;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** What the application connects as: a login role that is only a member of the compliance_* roles. */
  url: string;
  /** The schema owner, for migrations and maintenance only (default: url). */
  ownerUrl?: string;
  poolMax?: number;
  /** Where knex's own warnings go (connection errors, deprecations). */
  warn?: (message: string) => void;
}

export function createDatabase({ url, ownerUrl = url, poolMax = 10, warn = () => undefined }: DatabaseOptions): Database {
  const log = { warn, error: warn, deprecate: warn, debug: () => undefined };
  const owner = knex({ client: 'pg', connection: ownerUrl, pool: { min: 0, max: 2 }, log });
  const app = knex({
    client: 'pg',
    // A database that does not answer (a network partition, not a refusal) fails a request in
    // seconds instead of holding it, and the person is told to try again.
    connection: { connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
    log,
    pool: {
      min: 0,
      max: poolMax,
      // Every application connection runs as the restricted role, so forgetting a tenant
      // means seeing nothing rather than everything.
      afterCreate: (conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) => {
        conn.query('SET ROLE compliance_app', (err: Error | null) => done(err, conn));
      },
    },
  });

  return {
    app,
    owner,
    async withTenant(tenantId, work) {
      if (!UUID.test(tenantId)) throw new ValidationError(`Not a tenant id: ${JSON.stringify(tenantId)}`);
      return app.transaction(async (trx) => {
        await trx.raw("SELECT set_config('app.tenant_id', ?, true)", [tenantId]);
        return work({ trx, tenantId });
      });
    },
    async withSystem(work) {
      return app.transaction(async (trx) => {
        await trx.raw('SET LOCAL ROLE compliance_platform');
        return work(trx);
      });
    },
    async close() {
      await Promise.all([app.destroy(), owner.destroy()]);
    },
  };
}
