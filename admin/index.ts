import AdminJSExpress from '@adminjs/express';
import AdminJS from 'adminjs';
import express, { type Request, type Router } from 'express';
import type { Redis } from 'ioredis';
import type { Database } from '../infra/db/database.js';
import type { Logger } from '../infra/logger.js';
import type { Clock, EvidenceStorage } from '../core/ports/index.js';
import { portalWork } from '../infra/portal/portal-work.js';
import { portalAssets } from './assets.js';
import { ACTION_LABELS } from './actions/preview-confirm.js';
import { IMPORTERS, IMPORT_COLUMNS, importAction } from './actions/imports.js';
import { applyExtensionAction, assignApplicableAction, newExtensionAction, reopenItemAction, retryNotificationAction, trackingStartAction, verifyChainAction } from './actions/work-actions.js';
import { authenticate } from './auth.js';
import { Components, componentLoader } from './components/index.js';
import { dashboardHandler } from './dashboard.js';
import { evidenceDownloadRoute } from '../infra/http/evidence-download-route.js';
import { portalDownloads } from '../infra/portal/evidence-download.js';
import { ACTION_WORDS, LOGIN_WORDS, PAGE_TITLES, PORTAL_LABELS } from './locale.js';
import { assignmentsResource } from './resources/assignments.resource.js';
import { reminderSchedulesResource } from './resources/reminder-schedules.resource.js';
import { entitiesResource } from './resources/entities.resource.js';
import { entityEventsResource } from './resources/entity-events.resource.js';
import { registrationsResource } from './resources/registrations.resource.js';
import { extensionsResource } from './resources/extensions.resource.js';
import { holidaysResource } from './resources/holidays.resource.js';
import { instancesResource } from './resources/instances.resource.js';
import { mastersResource } from './resources/masters.resource.js';
import { rolesResource, usersResource } from './resources/people.resource.js';
import { auditResource, evidenceResource, notificationsResource } from './resources/records.resource.js';
import { tenantsResource } from './resources/tenants.resource.js';
import { portalSecurityHeaders } from '../infra/http/security-headers.js';
import { sameOriginOnly } from '../infra/http/same-origin.js';
import { portalBodies } from './body.js';
import { sessionGuard } from '../infra/portal/session-guard.js';
import type { PortalAdmin } from './scope.js';
import { SESSION_COOKIE, sessionSecret, type Sessions, type WebPerson } from '../infra/portal/sessions.js';
import { createSignInLimits } from '../infra/cache/sign-in-limits.js';

export interface PortalDeps {
  db: Database;
  /** The site's sessions (shared with the web pages). */
  sessions: Sessions;
  /** Where the portal is served: requests that change something must come from this origin. */
  publicUrl: string;
  logger: Logger;
  production: boolean;
  /** Sessions are signed with a key derived from it. */
  appSecret: string;
  /** Secure cookies (and a trusted proxy) when the public URL is https. */
  secureCookies: boolean;
  redis: Redis | undefined;
  storage: EvidenceStorage;
  /** Where the portal's "now" comes from (today's RAG and dashboard, generation, extensions, reassignment notices). */
  clock: Clock;
  /** Where AdminJS writes the bundle of custom components (a path without dot-folders). */
  bundleDir: string;
}

export interface Portal {
  router: Router;
}

const ROOT = '/admin';

function buildAdmin(db: Database, clock: Clock): AdminJS {
  const stores = { db, clock };
  const actions = { work: portalWork(db), clock };
  return new AdminJS({
    rootPath: ROOT,
    componentLoader,
    branding: { companyName: 'Compliance OS', withMadeWithLove: false, logo: false },
    dashboard: { handler: dashboardHandler(db, clock), component: Components.Dashboard },
    resources: [
      tenantsResource(stores, { trackingStart: trackingStartAction(actions) }),
      entitiesResource(stores, { assignApplicable: assignApplicableAction(actions) }),
      entityEventsResource(stores),
      registrationsResource(stores),
      usersResource(stores, { importUsers: importAction(actions, IMPORTERS.people, IMPORT_COLUMNS.people) }),
      rolesResource(stores),
      mastersResource(stores, { importMasters: importAction(actions, IMPORTERS.masters, IMPORT_COLUMNS.masters) }),
      assignmentsResource(stores),
      reminderSchedulesResource(stores),
      holidaysResource(stores, { importHolidays: importAction(actions, IMPORTERS.holidays, IMPORT_COLUMNS.holidays) }),
      extensionsResource(stores, { applyNew: newExtensionAction(actions), apply: applyExtensionAction(actions) }),
      instancesResource(stores, { reopen: reopenItemAction(actions) }),
      evidenceResource(stores),
      auditResource(stores, { verifyChain: verifyChainAction(actions) }),
      notificationsResource(stores, { retry: retryNotificationAction(actions) }),
    ],
    locale: {
      language: 'en',
      translations: {
        en: {
          // The login page speaks of the product, not of the framework under it.
          components: { Login: LOGIN_WORDS },
          actions: { ...ACTION_LABELS, ...ACTION_WORDS, retry: 'Retry' },
          properties: {
            tenant_id: 'Tenant', entity_id: 'Entity', master_id: 'Obligation', user_id: 'Person', instance_id: 'Item',
            owner_user_id: 'Preparer', approver_user_id: 'Approver', recipient_user_id: 'Recipient', uploaded_by: 'Uploaded by',
            reviewed_by: 'Reviewed by', rag: 'RAG', pan: 'PAN', cin: 'CIN', gstins: 'GSTINs', gst_mode: 'GST mode', registration_id: 'Registration', owed_per: 'Owed per',
            slack_channel_id: 'Slack channel', slack_user_id: 'Slack member id', teams_user_id: 'Teams user id',
            teams_channel_id: 'Teams channel', sha256: 'SHA-256', period: 'Period', period_key: 'Period key (as 2026-11 or FY2026-27-Q3)', due_date: 'Due (effective)',
            fiscal_year: 'Financial year', event_date: 'Date', holiday_date: 'Date', extended_due_date: 'Extended to',
            obligation: 'Form, section and law', fee_waiver: 'Fee waiver', days_before: 'Days before the due date', reminder_days: 'Notice (days before)',
          },
          labels: PORTAL_LABELS,
          resources: PAGE_TITLES,
        },
      },
    },
  });
}

/**
 * The admin portal at /admin: AdminJS with email + password sign-in, signed sessions in
 * PostgreSQL, secure cookies behind https. In front of AdminJS's own routes: security headers,
 * the session, a guard that ends sessions that should no longer stand, cross-site request
 * refusal, sign-in limits, and request bodies read only where they are needed.
 */
export async function buildPortal(deps: PortalDeps): Promise<Portal> {
  const admin = buildAdmin(deps.db, deps.clock);
  // AdminJS's production scripts and the portal's components, bundled now, compressed and cached.
  const assets = await portalAssets(admin, deps.bundleDir);
  const log = deps.logger.child({ module: 'portal' });
  const limits = createSignInLimits(deps.redis);
  const sessionOptions = deps.sessions.options;
  const secret = sessionSecret(deps.appSecret);
  const loginPath = `${ROOT}/login`;

  const router = express.Router();
  router.use(portalSecurityHeaders(deps.secureCookies));
  router.use(assets.router);
  router.use(deps.sessions.middleware);
  router.use(sessionGuard(deps.db, log, loginPath));
  router.use(sameOriginOnly({ publicUrl: deps.publicUrl, sensitiveReads: [/^\/logout$/, /^\/evidence\/[^/]+\/download$/] }));
  router.use(portalBodies());
  router.post('/login', async (req, res, next) => {
    const verdict = await limits.attempt(String((req as { fields?: Record<string, string> }).fields?.email ?? ''), req.ip ?? 'unknown');
    if (verdict.allowed) return next();
    log.warn({ ip: req.ip }, 'portal sign-in refused by the sign-in limits');
    res.status(429).set('Retry-After', String(verdict.retryAfterSeconds))
      .send(await admin.renderLogin({ action: loginPath, errorMessage: verdict.message }));
  });

  AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      cookieName: SESSION_COOKIE,
      cookiePassword: secret,
      authenticate: async (email: string, password: string, context?: { req: Request }) => {
        const address = String(email ?? '').trim().toLowerCase();
        const client = context?.req.ip ?? 'unknown';
        const found = await authenticate(deps.db, address, String(password ?? ''));
        if (!found) {
          await limits.failed(address, client);
          log.warn({ ip: client }, 'portal sign-in refused');
          return null;
        }
        await limits.succeeded(address, client);
        // A new session id at sign-in, so an id planted before it is worthless.
        const req = context?.req;
        if (req?.session) await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
        // A tenant's admin or auditor is also signed in to the web pages (My work, item pages).
        if (req?.session && found.kind === 'tenant') req.session.person = webPersonOf(found, 'password');
        log.info({ admin: found.id, kind: found.kind }, 'portal sign-in');
        return found;
      },
    },
    router,
    sessionOptions,
  );
  router.get('/evidence/:id/download', evidenceDownloadRoute(deps.storage, log, portalDownloads(deps.db)));
  return { router };
}

/** The web pages' view of a tenant admin or auditor signed in to the portal. */
const webPersonOf = (admin: PortalAdmin, via: WebPerson['via']): WebPerson => ({
  id: admin.id, tenantId: admin.tenantId!, email: admin.email, name: admin.title, via, signedInAt: admin.signedInAt, credentialsChangedAt: admin.credentialsChangedAt,
});
