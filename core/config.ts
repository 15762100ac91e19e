import { z } from 'zod';
import { ConfigError } from './errors.js';
import { passwordProblem, secretProblem } from './setup/password.js';
import { refuseWith } from './setup/refine.js';
import { parseTimestamp } from './engine/dates.js';

/** What is wrong with a CLOCK_AT value, if anything (it must name a moment that exists). */
function timestampProblem(value: string): string | undefined {
  try {
    parseTimestamp(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lower = (value: string) => value.toLowerCase();

/**
 * Every setting the product reads, parsed once at boot from the environment. Nothing else
 * reads process.env. Each variable is documented in README.md and .env.example.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// connection URL')
    .optional(),
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// connection URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  DEMO_SEED: z.enum(['auto', 'off']).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL').optional(),
  SENDGRID_API_KEY: z.string().min(10).optional(),
  SENDGRID_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  EMAIL_FROM: z.email().default('compliance@localhost.localdomain'),
  APP_SECRET: z.string().min(32, { error: 'must be at least 32 characters (e.g. openssl rand -hex 32)', abort: true }).superRefine(refuseWith(secretProblem)).optional(),
  OUTBOUND_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(20),
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  ENCRYPTION_KEY: z.string().regex(/^[0-9a-f]{64}$/i, { error: 'must be 64 hex characters (32 bytes): openssl rand -hex 32', abort: true }).superRefine(refuseWith(secretProblem)).optional(),
  SLACK_SIGNING_SECRET: z.string().min(16).optional(),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must be a bot token (xoxb-…)').optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SLACK_OAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must be an app-level token (xapp-…)').optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(2).default('us-east-1'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['on', 'off']).default('off'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_SERVER_SIDE_ENCRYPTION: z.enum(['on', 'off']).default('on'),
  EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(500).default(25),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().superRefine(refuseWith((password) => passwordProblem(password))).optional(),
  ADMIN_BUNDLE_DIR: z.string().min(1).default('admin-bundle'),
  PORTAL: z.enum(['on', 'off']).default('on'),
  TRUST_PROXY: z.string().min(1).optional(),
  CLOCK_AT: z.string().superRefine(refuseWith(timestampProblem)).optional(),
  SLACK_CLIENT_ID: z.string().min(5).optional(),
  SLACK_CLIENT_SECRET: z.string().min(8).optional(),
  TEAMS_APP_ID: z.string().regex(GUID, 'must be the bot\'s Microsoft App ID (a GUID: Azure Bot resource → Configuration)').optional(),
  TEAMS_APP_PASSWORD: z.string().min(8, 'must be the app registration\'s client secret (Entra ID → App registrations → Certificates & secrets)').optional(),
  TEAMS_TENANT_ID: z.string().regex(GUID, 'must be the Entra (Azure AD) tenant id the bot is registered in (a GUID)').transform(lower).optional(),
  TEAMS_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).optional(),
  TEAMS_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
  TEAMS_FILE_HOST: z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'must be a host name, optionally with a port (127.0.0.1:4600)').optional(),
  // Read only to be refused: the Teams SDK would read it itself and stop checking tokens.
  DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: z.string().optional(),
});

/** The Teams settings that point it at a local fake instead of Microsoft's endpoints. */
const TEAMS_FAKE_SETTINGS = ['TEAMS_OPENID_METADATA_URL', 'TEAMS_TOKEN_URL', 'TEAMS_FILE_HOST'] as const;
const TEAMS_CREDENTIALS = ['TEAMS_APP_ID', 'TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID'] as const;

export type Env = Record<string, string | undefined>;

export interface Config {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number; publicUrl: string };
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /**
   * url: what the application connects as (a login role that is only a member of the
   * compliance_* roles, in production); ownerUrl: the schema owner, for migrations only.
   */
  database: { url: string | undefined; ownerUrl: string | undefined; poolMax: number };
  embeddedPostgres: { port: number };
  dataDir: string;
  /** Seed the demo tenant when the database has no tenants yet. */
  seedDemoWhenEmpty: boolean;
  redisUrl: string | undefined;
  email: { sendgridApiKey: string | undefined; sendgridApiUrl: string | undefined; from: string };
  /** Signs one-click links (escalation acknowledgements). Generated under DATA_DIR in development. */
  appSecret: string | undefined;
  outboundRatePerSecond: number;
  /** Run the background jobs inside `npm start` (off when a separate `npm run worker` runs them). */
  schedulerInProcess: boolean;
  /** Evidence files: S3 (or compatible) when S3_BUCKET is set, else a folder under DATA_DIR. */
  storage:
    | { kind: 's3'; bucket: string; region: string; endpoint: string | undefined; forcePathStyle: boolean; accessKeyId: string | undefined; secretAccessKey: string | undefined; serverSideEncryption: boolean }
    | { kind: 'local'; dir: string };
  evidenceMaxBytes: number;
  /** Encrypts tokens at rest. Generated under DATA_DIR in development. */
  encryptionKey: string | undefined;
  /** The admin portal at /admin; the platform admin named in the environment is created or updated on start. */
  portal: { enabled: boolean; platformAdmin: { email: string; password: string } | undefined; bundleDir: string; secureCookies: boolean };
  /**
   * Which proxies may tell us the client's address (X-Forwarded-For) and protocol: Express's
   * `trust proxy` value (hop count, addresses or subnets), or false to trust none.
   */
  trustProxy: number | string | false;
  /**
   * Development and tests only: the moment the process's clock starts at (it then runs on in
   * real time), so a run can be placed on any date. Undefined: the real time.
   */
  clockAt: Date | undefined;
  /** Slack is on when a signing secret is set. */
  slack: {
    signingSecret: string;
    botToken: string | undefined;
    apiUrl: string | undefined;
    /** Where Slack's authorize pages are (the install's and Sign in with Slack's): https://slack.com, or a local fake. */
    oauthUrl: string;
    /** Socket Mode (no public URL needed) when an app-level token is set. */
    appToken: string | undefined;
    /** OAuth install for many workspaces and Sign in with Slack, when the app's client id and secret are set. */
    oauth: { clientId: string; clientSecret: string } | undefined;
  } | undefined;
  /**
   * Teams is on when the bot's app id, client secret and Entra tenant are set (a one-customer
   * deployment; per-tenant bindings say which Entra tenant is which tenant).
   */
  teams: {
    appId: string;
    appPassword: string;
    /** The Entra tenant the bot is registered in (single-tenant bots ask it for their tokens). */
    tenantId: string;
    /** Development and tests only: a fake's signing keys, token endpoint and file host. */
    fake: { openIdMetadataUrl: string | undefined; tokenUrl: string | undefined; fileHost: string | undefined };
  } | undefined;
}

/** Parses the environment, reporting every bad variable at once. Empty strings count as unset. */
export function parseConfig(env: Env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const c = result.data;
  const problems: string[] = [];
  if (c.NODE_ENV === 'production' && !c.DATABASE_URL) {
    problems.push('DATABASE_URL: required when NODE_ENV=production (the embedded database is for development)');
  }
  if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: set both, or neither to use the default AWS credentials');
  }
  if (Boolean(c.SLACK_CLIENT_ID) !== Boolean(c.SLACK_CLIENT_SECRET)) {
    problems.push('SLACK_CLIENT_ID / SLACK_CLIENT_SECRET: set both for the OAuth install, or neither');
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (Slack signs every request; see README, Slack)');
  }
  if (c.NODE_ENV === 'production' && (c.SLACK_SIGNING_SECRET || c.TEAMS_APP_ID) && !c.ENCRYPTION_KEY) {
    problems.push('ENCRYPTION_KEY: required in production when Slack or Teams is configured (tokens and app credentials are encrypted at rest)');
  }
  problems.push(...teamsProblems(c));
  if (c.NODE_ENV === 'production' && !c.APP_SECRET) {
    problems.push('APP_SECRET: required when NODE_ENV=production (it signs acknowledgement links)');
  }
  if (c.NODE_ENV === 'production' && c.CLOCK_AT) {
    problems.push('CLOCK_AT: not allowed when NODE_ENV=production (it moves the product\'s clock; it is for development and tests)');
  }
  if (c.DATABASE_OWNER_URL && !c.DATABASE_URL) {
    problems.push('DATABASE_OWNER_URL: set DATABASE_URL too (the owner connection is for migrations; the application needs its own)');
  }
  const trustProxy = parseTrustProxy(c.TRUST_PROXY);
  if (trustProxy === undefined) {
    problems.push('TRUST_PROXY: use a hop count (1), "loopback", or addresses / subnets separated by commas (10.0.0.0/8,127.0.0.1)');
  }
  if (Boolean(c.ADMIN_EMAIL) !== Boolean(c.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL / ADMIN_PASSWORD: set both to create the platform admin, or neither');
  }
  const adminPasswordProblem = c.ADMIN_PASSWORD && c.ADMIN_EMAIL ? passwordProblem(c.ADMIN_PASSWORD, c.ADMIN_EMAIL) : undefined;
  if (adminPasswordProblem) problems.push(`ADMIN_PASSWORD: ${adminPasswordProblem}`);
  if (/(^|\/)\./.test(c.ADMIN_BUNDLE_DIR)) {
    problems.push('ADMIN_BUNDLE_DIR: no folder in the path may start with a dot (Express will not serve files from it)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const hostForUrl = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST;
  return {
    env: c.NODE_ENV,
    http: { host: c.HOST, port: c.PORT, publicUrl: (c.PUBLIC_URL ?? `http://${hostForUrl}:${c.PORT}`).replace(/\/$/, '') },
    logLevel: c.LOG_LEVEL,
    database: { url: c.DATABASE_URL, ownerUrl: c.DATABASE_OWNER_URL, poolMax: c.DATABASE_POOL_MAX },
    embeddedPostgres: { port: c.EMBEDDED_PG_PORT },
    dataDir: c.DATA_DIR,
    seedDemoWhenEmpty: (c.DEMO_SEED ?? (c.NODE_ENV === 'production' ? 'off' : 'auto')) === 'auto',
    redisUrl: c.REDIS_URL,
    email: { sendgridApiKey: c.SENDGRID_API_KEY, sendgridApiUrl: c.SENDGRID_API_URL, from: c.EMAIL_FROM },
    appSecret: c.APP_SECRET,
    outboundRatePerSecond: c.OUTBOUND_RATE_PER_SECOND,
    schedulerInProcess: c.SCHEDULER === 'on',
    encryptionKey: c.ENCRYPTION_KEY,
    storage: c.S3_BUCKET
      ? {
        kind: 's3', bucket: c.S3_BUCKET, region: c.S3_REGION, endpoint: c.S3_ENDPOINT, forcePathStyle: c.S3_FORCE_PATH_STYLE === 'on',
        accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY, serverSideEncryption: c.S3_SERVER_SIDE_ENCRYPTION === 'on',
      }
      : { kind: 'local', dir: `${c.DATA_DIR.replace(/\/$/, '')}/evidence` },
    evidenceMaxBytes: c.EVIDENCE_MAX_MB * 1024 * 1024,
    portal: {
      enabled: c.PORTAL === 'on',
      platformAdmin: c.ADMIN_EMAIL && c.ADMIN_PASSWORD ? { email: c.ADMIN_EMAIL, password: c.ADMIN_PASSWORD } : undefined,
      bundleDir: c.ADMIN_BUNDLE_DIR,
      // Production serves the portal behind https (a proxy that sets X-Forwarded-Proto): cookies are Secure.
      secureCookies: c.NODE_ENV === 'production' || (c.PUBLIC_URL ?? '').startsWith('https://'),
    },
    trustProxy: trustProxy ?? false,
    clockAt: c.CLOCK_AT ? parseTimestamp(c.CLOCK_AT) : undefined,
    slack: c.SLACK_SIGNING_SECRET
      ? {
        signingSecret: c.SLACK_SIGNING_SECRET, botToken: c.SLACK_BOT_TOKEN, apiUrl: c.SLACK_API_URL, appToken: c.SLACK_APP_TOKEN,
        oauthUrl: (c.SLACK_OAUTH_URL ?? 'https://slack.com').replace(/\/+$/, ''),
        oauth: c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET ? { clientId: c.SLACK_CLIENT_ID, clientSecret: c.SLACK_CLIENT_SECRET } : undefined,
      }
      : undefined,
    teams: c.TEAMS_APP_ID && c.TEAMS_APP_PASSWORD && c.TEAMS_TENANT_ID
      ? {
        appId: c.TEAMS_APP_ID, appPassword: c.TEAMS_APP_PASSWORD, tenantId: c.TEAMS_TENANT_ID,
        fake: { openIdMetadataUrl: c.TEAMS_OPENID_METADATA_URL, tokenUrl: c.TEAMS_TOKEN_URL, fileHost: c.TEAMS_FILE_HOST },
      }
      : undefined,
  };
}

/**
 * Teams needs all three credentials (an app id alone would make the SDK try a managed identity;
 * without the tenant a single-tenant bot's tokens are refused). The fake endpoints, and the SDK's
 * switch that stops checking tokens, would let anyone post as Teams: never in production.
 */
function teamsProblems(c: z.infer<typeof schema>): string[] {
  const problems: string[] = [];
  const missing = TEAMS_CREDENTIALS.filter((name) => !c[name]);
  if (missing.length > 0 && missing.length < TEAMS_CREDENTIALS.length) {
    problems.push(`${TEAMS_CREDENTIALS.join(' / ')}: set all three to turn Teams on (the bot's app id, its client secret and the Entra tenant it is registered in), or none; missing: ${missing.join(', ')}`);
  }
  for (const name of TEAMS_FAKE_SETTINGS) {
    if (!c[name]) continue;
    if (c.NODE_ENV === 'production') problems.push(`${name}: not allowed when NODE_ENV=production (it points Teams at a local fake; production uses Microsoft's endpoints)`);
    else if (missing.length === TEAMS_CREDENTIALS.length) problems.push(`${name}: set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID too (it is for running Teams against a local fake)`);
  }
  if (c.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS) {
    problems.push('DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: not supported: every request to /api/messages must carry a token signed for the bot (to run against a fake Teams, set TEAMS_OPENID_METADATA_URL; see README, Microsoft Teams)');
  }
  return problems;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const ADDRESS_OR_SUBNET = /^[0-9a-f.:]+(\/\d{1,3})?$/i;

/** TRUST_PROXY as Express's `trust proxy` setting; undefined when it is not one. */
function parseTrustProxy(value: string | undefined): number | string | false | undefined {
  if (value === undefined || value === 'off' || value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.length > 0 && parts.every((p) => PROXY_NAMES.has(p) || ADDRESS_OR_SUBNET.test(p)) ? parts.join(',') : undefined;
}
