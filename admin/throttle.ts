import type { Redis } from 'ioredis';

const MAX_FAILURES = 5;
const WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins per email address: after five in 15 minutes the address is locked out until
 * the window passes, whoever tries. Counted in Redis when configured (shared by every web
 * process), else in this process.
 */
export interface LoginThrottle {
  isLocked(email: string): Promise<boolean>;
  recordFailure(email: string): Promise<void>;
  reset(email: string): Promise<void>;
}

export function createLoginThrottle(redis: Redis | undefined, now = () => Date.now()): LoginThrottle {
  const local = new Map<string, { count: number; since: number }>();
  const key = (email: string) => `login-failures:${email.trim().toLowerCase()}`;
  const localCount = (email: string) => {
    const entry = local.get(key(email));
    if (!entry || now() - entry.since > WINDOW_SECONDS * 1000) return 0;
    return entry.count;
  };
  return {
    async isLocked(email) {
      if (redis) {
        const count = await redis.get(key(email)).catch(() => null);
        if (count !== null) return Number(count) >= MAX_FAILURES;
      }
      return localCount(email) >= MAX_FAILURES;
    },
    async recordFailure(email) {
      const count = localCount(email);
      local.set(key(email), { count: count + 1, since: count === 0 ? now() : local.get(key(email))!.since });
      if (redis) {
        await redis.multi().incr(key(email)).expire(key(email), WINDOW_SECONDS, 'NX').exec().catch(() => undefined);
      }
    },
    async reset(email) {
      local.delete(key(email));
      if (redis) await redis.del(key(email)).catch(() => undefined);
    },
  };
}
