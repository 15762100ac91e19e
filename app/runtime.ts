import path from 'node:path';
import type { Config } from '../core/config.js';
import { createDatabase, type Database } from '../core/infra/db/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../core/infra/db/embedded.js';
import { migrateLatest } from '../core/infra/db/migrator.js';
import { createLogger, type Logger } from '../core/infra/logger.js';
import { createServices, type Services } from './services.js';

/**
 * The composition root: wires the real adapters once, for the server, the workers and the CLI
 * alike. Tests wire the same pieces against their own databases.
 */
export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  /** The database URL in use (the embedded server's when DATABASE_URL is unset), for worker threads. */
  databaseUrl: string;
  services: Services;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  options: { migrate?: boolean; logger?: Logger; databaseUrl?: string } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  let embedded: EmbeddedPostgres | undefined;
  let url = options.databaseUrl ?? config.database.url;
  if (!url) {
    const started = Date.now();
    const pgLog = logger.child({ module: 'embedded-postgres' });
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(config.dataDir),
      port: config.embeddedPostgres.port,
      onLog: (message) => pgLog.debug(message.trim()),
    });
    url = embedded.url();
    logger.info(
      { ms: Date.now() - started, dataDir: path.resolve(config.dataDir, 'pg'), attached: !embedded.startedHere },
      embedded.startedHere ? 'embedded PostgreSQL started' : 'attached to the embedded PostgreSQL already running',
    );
  }
  const dbLog = logger.child({ module: 'db' });
  const db = createDatabase({ url, poolMax: config.database.poolMax, warn: (message) => dbLog.warn(message) });
  try {
    if (options.migrate) {
      const applied = await migrateLatest(db.owner);
      if (applied.length > 0) logger.info({ applied }, 'database migrated');
    }
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw error;
  }
  const services = createServices(config, db, logger);
  return {
    config,
    logger,
    db,
    databaseUrl: url,
    services,
    async close() {
      await services.close();
      await db.close();
      await embedded?.stop();
    },
  };
}
