import path from 'node:path';
import type { Portal } from '../admin/index.js';
import { ensurePlatformAdmin } from '../infra/portal/platform-admins.js';
import type { Runtime } from './runtime.js';

/**
 * The admin portal, loaded only when served: AdminJS is heavy, and reads where to put its
 * component bundle from the environment when first imported, so that is set just before.
 */
export async function startPortal(runtime: Runtime): Promise<Portal> {
  const { config } = runtime;
  const bundleDir = path.resolve(config.portal.bundleDir);
  process.env.ADMIN_JS_TMP_DIR = bundleDir;
  // The platform admin named by ADMIN_EMAIL / ADMIN_PASSWORD, created or given their new password.
  if (config.portal.platformAdmin) await ensurePlatformAdmin(runtime.db, config.portal.platformAdmin);
  const { buildPortal } = await import('../admin/index.js');
  return buildPortal({
    db: runtime.db,
    databaseUrl: runtime.databaseUrl,
    logger: runtime.logger,
    production: config.env === 'production',
    appSecret: runtime.services.appSecret,
    secureCookies: config.portal.secureCookies,
    publicUrl: config.http.publicUrl,
    redis: runtime.services.redis,
    storage: runtime.services.storage,
    clock: runtime.clock,
    bundleDir,
  });
}
