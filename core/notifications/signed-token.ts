import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short signed, expiring tokens for links and OAuth state: `<base64url JSON>.<HMAC>`. The
 * purpose is part of the signature, so a token made for one use is refused for another.
 */
export type TokenProblem = 'malformed' | 'bad_signature' | 'expired';

const sign = (secret: string, purpose: string, body: string) => createHmac('sha256', secret).update(`${purpose}:${body}`).digest('base64url');

export function createSignedToken(secret: string, purpose: string, claim: Record<string, unknown>, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ ...claim, exp: expiresAt })).toString('base64url');
  return `${body}.${sign(secret, purpose, body)}`;
}

export function verifySignedToken<T extends Record<string, unknown>>(secret: string, purpose: string, token: string, now: Date): (T & { exp: number }) | TokenProblem {
  const [body, signature] = token.split('.');
  if (!body || !signature) return 'malformed';
  const expected = Buffer.from(sign(secret, purpose, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad_signature';
  let claim: T & { exp: number };
  try {
    claim = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (typeof claim.exp !== 'number' || claim.exp < now.getTime()) return 'expired';
  return claim;
}
