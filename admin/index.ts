import { createHmac } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import AdminJSExpress from '@adminjs/express';
import AdminJS from 'adminjs';
import connectPgSimple from 'connect-pg-simple';
import type { Request, Router } from 'express';
import session from 'express-session';
import pg from 'pg';
import type { Redis } from 'ioredis';
import type { Database } from '../core/infra/db/database.js';
import type { Logger } from '../core/infra/logger.js';
import type { EvidenceStorage } from '../core/infra/storage/storage.js';
import { ACTION_LABELS } from './actions/preview-confirm.js';
import { IMPORTERS, IMPORT_COLUMNS, importAction } from './actions/imports.js';
import { applyExtensionAction, assignApplicableAction, newExtensionAction, retryNotificationAction, verifyChainAction } from './actions/work-actions.js';
import { authenticate } from './auth.js';
import { Components, componentLoader } from './components/index.js';
import { dashboardHandler } from './dashboard.js';
import { evidenceDownloadRoute } from './download.js';
import { assignmentsResource } from './resources/assignments.resource.js';
import { entitiesResource } from './resources/entities.resource.js';
import { entityEventsResource } from './resources/entity-events.resource.js';
import { extensionsResource } from './resources/extensions.resource.js';
import { holidaysResource } from './resources/holidays.resource.js';
import { instancesResource } from './resources/instances.resource.js';
import { mastersResource } from './resources/masters.resource.js';
import { rolesResource, usersResource } from './resources/people.resource.js';
import { auditResource, evidenceResource, notificationsResource } from './resources/records.resource.js';
import { tenantsResource } from './resources/tenants.resource.js';
import { createLoginThrottle } from './throttle.js';

export interface PortalDeps {
  db: Database;
  /** For the session store's own small pool. */
  databaseUrl: string;
  logger: Logger;
  production: boolean;
  /** Sessions are signed with a key derived from it. */
  appSecret: string;
  /** Secure cookies (and a trusted proxy) when the public URL is https. */
  secureCookies: boolean;
  redis: Redis | undefined;
  storage: EvidenceStorage;
  /** Where AdminJS writes the bundle of custom components (a path without dot-folders). */
  bundleDir: string;
}

export interface Portal {
  router: Router;
  close(): Promise<void>;
}

const ROOT = '/admin';
const SESSION_HOURS = 8;

function buildAdmin(db: Database): AdminJS {
  return new AdminJS({
    rootPath: ROOT,
    componentLoader,
    branding: { companyName: 'Compliance OS', withMadeWithLove: false, logo: false },
    dashboard: { handler: dashboardHandler(db), component: Components.Dashboard },
    resources: [
      tenantsResource(db),
      entitiesResource(db, { assignApplicable: assignApplicableAction(db) }),
      entityEventsResource(db),
      usersResource(db, { importUsers: importAction(db, IMPORTERS.people, IMPORT_COLUMNS.people) }),
      rolesResource(db),
      mastersResource(db, { importMasters: importAction(db, IMPORTERS.masters, IMPORT_COLUMNS.masters) }),
      assignmentsResource(db),
      holidaysResource(db, { importHolidays: importAction(db, IMPORTERS.holidays, IMPORT_COLUMNS.holidays) }),
      extensionsResource(db, { applyNew: newExtensionAction(db), apply: applyExtensionAction(db) }),
      instancesResource(db),
      evidenceResource(db),
      auditResource(db, { verifyChain: verifyChainAction(db) }),
      notificationsResource(db, { retry: retryNotificationAction(db) }),
    ],
    locale: {
      language: 'en',
      translations: {
        en: {
          actions: { ...ACTION_LABELS, retry: 'Retry' },
          properties: {
            tenant_id: 'Tenant', entity_id: 'Entity', master_id: 'Obligation', user_id: 'Person', instance_id: 'Item',
            owner_user_id: 'Preparer', approver_user_id: 'Approver', recipient_user_id: 'Recipient', uploaded_by: 'Uploaded by',
            reviewed_by: 'Reviewed by', rag: 'RAG', pan: 'PAN', cin: 'CIN', gstins: 'GSTINs', gst_mode: 'GST mode',
            slack_channel_id: 'Slack channel', slack_user_id: 'Slack member id', teams_user_id: 'Teams user id',
            teams_channel_id: 'Teams channel', sha256: 'SHA-256', period_key: 'Period', due_date: 'Due (effective)',
            fiscal_year: 'Financial year', event_date: 'Date', holiday_date: 'Date', extended_due_date: 'Extended to',
          },
          labels: {
            tenants: 'Tenants', entities: 'Entities', entity_events: 'AGM dates', users: 'People', role_assignments: 'Roles',
            compliance_masters: 'Obligation library', assignments: 'Assignments', holidays: 'Holidays', due_date_overrides: 'Extensions',
            compliance_instances: 'Items', evidence: 'Evidence', audit_log: 'Audit log', notifications: 'Notifications',
          },
        },
      },
    },
  });
}

/**
 * The admin portal at /admin: AdminJS with email + password sign-in, sessions in PostgreSQL,
 * secure cookies behind https, failed sign-ins throttled per address and per IP.
 */
export async function buildPortal(deps: PortalDeps): Promise<Portal> {
  // Development bundles custom components on first request: drop a bundle left by older code.
  if (!deps.production) await rm(path.join(deps.bundleDir, 'bundle.js'), { force: true });
  const admin = buildAdmin(deps.db);
  if (deps.production) {
    // Bundle the custom components before serving, once: the router's own call then skips it.
    await admin.initialize();
    process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  }
  const throttle = createLoginThrottle(deps.redis);
  const pool = new pg.Pool({ connectionString: deps.databaseUrl, max: 2, options: '-c role=compliance_app' });
  const PgStore = connectPgSimple(session);
  const store = new PgStore({ pool, tableName: 'admin_sessions', createTableIfMissing: false, pruneSessionInterval: 15 * 60 });
  const secret = createHmac('sha256', deps.appSecret).update('admin-session').digest('hex');
  const log = deps.logger.child({ module: 'portal' });

  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      cookieName: 'compliance_os_admin',
      cookiePassword: secret,
      maxRetries: { count: 20, duration: 60 },
      authenticate: async (email: string, password: string, context?: { req: Request }) => {
        const address = String(email ?? '').trim().toLowerCase();
        if (await throttle.isLocked(address)) {
          throw new Error('Too many failed sign-ins for this address: wait 15 minutes and try again.');
        }
        const found = await authenticate(deps.db, address, String(password ?? ''));
        if (!found) {
          await throttle.recordFailure(address);
          log.warn({ ip: context?.req.ip }, 'portal sign-in refused');
          return null;
        }
        await throttle.reset(address);
        // A new session id at sign-in, so an id planted before it is worthless.
        const req = context?.req;
        if (req?.session) await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
        log.info({ admin: found.id, kind: found.kind }, 'portal sign-in');
        return found;
      },
    },
    null,
    {
      secret,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: deps.secureCookies,
      cookie: { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, maxAge: SESSION_HOURS * 3600 * 1000, path: ROOT },
    },
  ) as Router;
  router.get('/evidence/:id/download', evidenceDownloadRoute(deps.db, deps.storage, log));
  return {
    router,
    async close() {
      store.close();
      await pool.end();
    },
  };
}

