import { createSignedToken, verifySignedToken, type TokenProblem } from './signed-token.js';

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

export const createAckToken = (secret: string, claim: AckClaim): string =>
  createSignedToken(secret, 'ack', { t: claim.tenantId, i: claim.instanceId, u: claim.userId }, claim.expiresAt);

export function verifyAckToken(secret: string, token: string, now: Date): AckClaim | TokenProblem {
  const claim = verifySignedToken<{ t: string; i: string; u: string }>(secret, 'ack', token, now);
  if (typeof claim === 'string') return claim;
  return { tenantId: claim.t, instanceId: claim.i, userId: claim.u, expiresAt: claim.exp };
}
