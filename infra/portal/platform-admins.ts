import bcrypt from 'bcryptjs';
import type { Database } from '../db/database.js';

/**
 * Creates the named platform admin, or sets their password when it changed (a restart with the
 * same password leaves their sessions standing: their credentials did not change).
 */
export async function ensurePlatformAdmin(db: Database, named: { email: string; password: string }): Promise<void> {
  await db.withSystem(async (trx) => {
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
