import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-click acknowledgement links: the token names tenant, item and user, expires, and is
 * signed with the app secret, so it cannot be forged or pointed at another item.
 */
export interface AckClaim {
  tenantId: string;
  instanceId: string;
  userId: string;
  expiresAt: number;
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

export function createAckToken(secret: string, claim: AckClaim): string {
  const body = Buffer.from(JSON.stringify([claim.tenantId, claim.instanceId, claim.userId, claim.expiresAt])).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export type AckTokenProblem = 'malformed' | 'bad_signature' | 'expired';

export function verifyAckToken(secret: string, token: string, now: Date): AckClaim | AckTokenProblem {
  const [body, signature] = token.split('.');
  if (!body || !signature) return 'malformed';
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad_signature';
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (!Array.isArray(parts) || parts.length !== 4) return 'malformed';
  const [tenantId, instanceId, userId, expiresAt] = parts as [string, string, string, number];
  if (expiresAt < now.getTime()) return 'expired';
  return { tenantId, instanceId, userId, expiresAt };
}
