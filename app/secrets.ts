import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';

/**
 * The secret that signs one-click links. Production must set APP_SECRET (config refuses to
 * start without it); in development one is generated once and kept under DATA_DIR.
 */
export function resolveAppSecret(config: Config): string {
  return config.appSecret ?? developmentSecret(config, 'app-secret');
}

/** The key that encrypts tokens at rest (ENCRYPTION_KEY; generated once in development). */
export function resolveEncryptionKey(config: Config): string {
  return config.encryptionKey ?? developmentSecret(config, 'encryption-key');
}

function developmentSecret(config: Config, name: string): string {
  const file = path.resolve(config.dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
