import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * How often someone may try to sign in, counted in Redis when configured (shared by every web
 * process), else in this process:
 * - per client address, every attempt (whoever it names): stops one machine guessing widely;
 * - per account and address, failures: stops guessing one account from one machine, without
 *   letting a stranger lock the real person out from elsewhere;
 * - per account, failures from anywhere: a brake on guessing one account from many machines,
 *   set high enough that one machine alone can never trigger it.
 * Accounts are counted by a hash of the address typed, whether or not such an account exists,
 * so a refusal says nothing about who has an account.
 */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  attemptsPerClient: 30,
  failuresPerAccountAndClient: 5,
  failuresPerAccount: 100,
} as const;

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string };

export interface SignInLimits {
  /** Counts an attempt and says whether it may go ahead. */
  attempt(email: string, client: string): Promise<SignInVerdict>;
  failed(email: string, client: string): Promise<void>;
  succeeded(email: string, client: string): Promise<void>;
}

interface Counter {
  add(key: string): Promise<{ count: number; ttlSeconds: number }>;
  read(key: string): Promise<{ count: number; ttlSeconds: number }>;
  clear(key: string): Promise<void>;
}

const MAX_LOCAL_KEYS = 100_000;

function localCounter(windowSeconds: number, now: () => number): Counter {
  const entries = new Map<string, { count: number; until: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.until > now()) return entry;
    entries.delete(key);
    return undefined;
  };
  const view = (entry: { count: number; until: number } | undefined) =>
    ({ count: entry?.count ?? 0, ttlSeconds: entry ? Math.ceil((entry.until - now()) / 1000) : 0 });
  return {
    async add(key) {
      const entry = live(key) ?? { count: 0, until: now() + windowSeconds * 1000 };
      entry.count += 1;
      entries.delete(key);
      entries.set(key, entry);
      // Oldest first: a flood of made-up addresses cannot grow this without bound.
      while (entries.size > MAX_LOCAL_KEYS) entries.delete(entries.keys().next().value!);
      return view(entry);
    },
    async read(key) {
      return view(live(key));
    },
    async clear(key) {
      entries.delete(key);
    },
  };
}

function redisCounter(redis: Redis, windowSeconds: number, fallback: Counter): Counter {
  const result = (count: unknown, ttl: unknown) => ({ count: Number(count ?? 0), ttlSeconds: Math.max(Number(ttl ?? 0), 0) });
  return {
    async add(key) {
      try {
        const replies = await redis.multi().incr(key).expire(key, windowSeconds, 'NX').ttl(key).exec();
        if (!replies) throw new Error('transaction aborted');
        return result(replies[0]![1], replies[2]![1]);
      } catch {
        return fallback.add(key);
      }
    },
    async read(key) {
      try {
        const [count, ttl] = await Promise.all([redis.get(key), redis.ttl(key)]);
        return result(count, ttl);
      } catch {
        return fallback.read(key);
      }
    },
    async clear(key) {
      await Promise.all([redis.del(key).catch(() => undefined), fallback.clear(key)]);
    },
  };
}

const digest = (text: string) => createHash('sha256').update(text.trim().toLowerCase()).digest('hex').slice(0, 32);

export function createSignInLimits(redis: Redis | undefined, limits = SIGN_IN_LIMITS, now = () => Date.now()): SignInLimits {
  const local = localCounter(limits.windowSeconds, now);
  const counter = redis ? redisCounter(redis, limits.windowSeconds, local) : local;
  const keys = (email: string, client: string) => ({
    client: `sign-in:client:${client}`,
    pair: `sign-in:pair:${digest(email)}:${client}`,
    account: `sign-in:account:${digest(email)}`,
  });
  const wait = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
  return {
    async attempt(email, client) {
      const k = keys(email, client);
      const fromClient = await counter.add(k.client);
      if (fromClient.count > limits.attemptsPerClient) {
        return { allowed: false, retryAfterSeconds: fromClient.ttlSeconds, message: `Too many sign-in attempts from your network. Wait ${wait(fromClient.ttlSeconds)} minute(s) and try again.` };
      }
      const [pair, account] = await Promise.all([counter.read(k.pair), counter.read(k.account)]);
      if (pair.count >= limits.failuresPerAccountAndClient) {
        return { allowed: false, retryAfterSeconds: pair.ttlSeconds, message: `Too many failed sign-ins for this address. Wait ${wait(pair.ttlSeconds)} minute(s) and try again, or ask your administrator to reset your password.` };
      }
      if (account.count >= limits.failuresPerAccount) {
        return { allowed: false, retryAfterSeconds: account.ttlSeconds, message: `Sign-in to this address is paused after many failed attempts. Wait ${wait(account.ttlSeconds)} minute(s) and try again.` };
      }
      return { allowed: true };
    },
    async failed(email, client) {
      const k = keys(email, client);
      await Promise.all([counter.add(k.pair), counter.add(k.account)]);
    },
    async succeeded(email, client) {
      await counter.clear(keys(email, client).pair);
    },
  };
}
