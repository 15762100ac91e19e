import path from 'node:path';
import type { Config } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { createDatabase, type Database } from '../infra/db/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../infra/db/embedded.js';
import { migrateLatest, pendingMigrations } from '../infra/db/migrator.js';
import { applicationRolesExist, ensureRuntimeLogin, privilegeProblems } from '../infra/db/roles.js';
import { createLogger, type Logger } from '../infra/logger.js';
import { clockStartingAt, offsetClock, type OffsetClock } from './clock.js';
import { createServices, type Services } from './services.js';

/**
 * The composition root: wires the real adapters once, for the server, the workers and the CLI
 * alike. Tests wire the same pieces against their own databases.
 */
export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  /** The application's database URL (its own login role), for worker threads. */
  databaseUrl: string;
  /** Every "now" of the product's rules comes from here (CLOCK_AT moves it in development). */
  clock: OffsetClock;
  services: Services;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Apply pending migrations (as the schema owner) and check the application role's privileges. */
  migrate?: boolean;
  logger?: Logger;
  /** A worker thread's: the parent's database URL, used as it is. */
  databaseUrl?: string;
  /** A worker thread's: the parent's clock offset, so both agree on the moment. */
  clockOffsetMs?: number;
}

interface Connection {
  appUrl: string;
  ownerUrl: string;
  embedded?: EmbeddedPostgres;
}

/**
 * Where the database is and who to be on it: DATABASE_URL (with DATABASE_OWNER_URL for
 * migrations), or the embedded server, where the application connects as its own login role,
 * never as the superuser that owns the data.
 */
async function connect(config: Config, options: RuntimeOptions, logger: Logger): Promise<Connection> {
  const appUrl = options.databaseUrl ?? config.database.url;
  if (appUrl) return { appUrl, ownerUrl: (options.databaseUrl ? undefined : config.database.ownerUrl) ?? appUrl };
  const started = Date.now();
  const pgLog = logger.child({ module: 'embedded-postgres' });
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(config.dataDir),
    port: config.embeddedPostgres.port,
    onLog: (message) => pgLog.debug(message.trim()),
  });
  logger.info(
    { ms: Date.now() - started, dataDir: path.resolve(config.dataDir, 'pg'), attached: !embedded.startedHere },
    embedded.startedHere ? 'embedded PostgreSQL started' : 'attached to the embedded PostgreSQL already running',
  );
  return { appUrl: embedded.runtimeUrl(), ownerUrl: embedded.url(), embedded };
}

/**
 * The embedded server: migrations as its superuser, then the application's login role is
 * created or brought up to date (once the migrations have made the roles it is a member of).
 */
async function prepareEmbedded(db: Database, embedded: EmbeddedPostgres, migrate: boolean, logger: Logger): Promise<void> {
  if (migrate) {
    const applied = await migrateLatest(db.owner);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
  }
  if (await applicationRolesExist(db.owner)) await ensureRuntimeLogin(db.owner, embedded.runtimePassword);
}

/**
 * Pending migrations run as the owner; then the application's own role is checked. In
 * production a role that could step outside the compliance_* roles (a superuser, an owner of
 * the tables) is refused; in development it is said once.
 */
async function prepareSchema(db: Database, config: Config, logger: Logger): Promise<void> {
  const pending = await pendingMigrations(db.app);
  if (pending.length > 0) {
    const applied = await migrateLatest(db.owner);
    logger.info({ applied }, 'database migrated');
  }
  const problems = await privilegeProblems(db.app);
  if (problems.length === 0) return;
  const advice = 'connect DATABASE_URL as a login role that is only a member of compliance_app, compliance_platform and compliance_session, and give migrations DATABASE_OWNER_URL (see README, Using real services)';
  if (config.env === 'production') throw new ConfigError([`DATABASE_URL: ${problems.join('; ')}: ${advice}`]);
  logger.warn({ problems }, `the application's database role has more power than it needs: ${advice}`);
}

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const connection = await connect(config, options, logger);
  const dbLog = logger.child({ module: 'db' });
  const db = createDatabase({ url: connection.appUrl, ownerUrl: connection.ownerUrl, poolMax: config.database.poolMax, warn: (message) => dbLog.warn(message) });
  try {
    if (connection.embedded) await prepareEmbedded(db, connection.embedded, Boolean(options.migrate), logger);
    else if (options.migrate) await prepareSchema(db, config, logger);
  } catch (error) {
    await db.close();
    await connection.embedded?.stop();
    throw error;
  }
  const clock = options.clockOffsetMs !== undefined ? offsetClock(options.clockOffsetMs) : clockStartingAt(config.clockAt);
  const services = createServices(config, db, logger, clock);
  return {
    config,
    logger,
    db,
    databaseUrl: connection.appUrl,
    clock,
    services,
    async close() {
      await services.close();
      await db.close();
      await connection.embedded?.stop();
    },
  };
}
