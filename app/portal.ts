import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { Portal } from '../admin/index.js';
import type { Runtime } from './runtime.js';

/**
 * Creates the platform admin named by ADMIN_EMAIL / ADMIN_PASSWORD, or sets their password when
 * it changed (a restart with the same password leaves their sessions standing).
 */
export async function ensurePlatformAdmin(runtime: Runtime): Promise<void> {
  const named = runtime.config.portal.platformAdmin;
  if (!named) return;
  await runtime.db.withSystem(async (trx) => {
    const existing: { id: string; password_hash: string | null; is_active: boolean } | undefined = await trx('platform_users')
      .whereRaw('lower(email) = lower(?)', [named.email]).first('id', 'password_hash', 'is_active');
    if (existing?.is_active && existing.password_hash && (await bcrypt.compare(named.password, existing.password_hash))) return;
    const hash = await bcrypt.hash(named.password, 10);
    await trx.raw(
      `INSERT INTO platform_users (email, name, password_hash) VALUES (?, 'Platform admin', ?)
       ON CONFLICT (lower(email)) DO UPDATE SET password_hash = EXCLUDED.password_hash, is_active = true`,
      [named.email, hash],
    );
  });
}

/**
 * The admin portal, loaded only when served: AdminJS is heavy, and reads where to put its
 * component bundle from the environment when first imported, so that is set just before.
 */
export async function startPortal(runtime: Runtime): Promise<Portal> {
  const { config } = runtime;
  const bundleDir = path.resolve(config.portal.bundleDir);
  process.env.ADMIN_JS_TMP_DIR = bundleDir;
  await ensurePlatformAdmin(runtime);
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
    bundleDir,
  });
}
