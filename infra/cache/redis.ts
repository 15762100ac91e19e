import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * Redis is optional: it caches status summaries and shares the outbound rate limit between
 * workers. Connected so that no caller ever waits on it for long (ioredis's defaults wait
 * ~70 s when Redis is down): no offline queue, one retry, a short command timeout. Every use
 * falls back to the database or to in-process state when a command fails.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 300,
    connectTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 500, 5000),
  });
  let warned = false;
  redis.on('error', (error) => {
    if (!warned) logger.warn({ err: error.message }, 'Redis unavailable: falling back to the database');
    warned = true;
  });
  redis.on('ready', () => {
    if (warned) logger.info('Redis reachable again');
    warned = false;
  });
  redis.connect().catch(() => undefined);
  return redis;
}

/** Status summaries by tenant, invalidated by bumping the tenant's version on any status change. */
export interface SummaryCache {
  get<T>(tenantId: string, key: string, compute: () => Promise<T>): Promise<T>;
  invalidate(tenantId: string): Promise<void>;
}

const TTL_SECONDS = 300;

export function createSummaryCache(redis: Redis | undefined): SummaryCache {
  if (!redis) return { get: (_t, _k, compute) => compute(), invalidate: async () => undefined };
  const versionKey = (tenantId: string) => `summary-version:${tenantId}`;
  return {
    async get(tenantId, key, compute) {
      let cacheKey: string | undefined;
      try {
        const version = (await redis.get(versionKey(tenantId))) ?? '0';
        cacheKey = `summary:${tenantId}:${version}:${key}`;
        const hit = await redis.get(cacheKey);
        if (hit) return JSON.parse(hit);
      } catch {
        return compute(); // Redis down: the database answers
      }
      const value = await compute();
      redis.set(cacheKey, JSON.stringify(value), 'EX', TTL_SECONDS).catch(() => undefined);
      return value;
    },
    async invalidate(tenantId) {
      // If Redis is down now, entries written before expire within TTL_SECONDS.
      await redis.incr(versionKey(tenantId)).catch(() => undefined);
    },
  };
}

/** At most `perSecond` sends per bucket per second, shared by all workers when Redis is there. */
export interface RateLimiter {
  acquire(bucket: string): Promise<void>;
}

export function createRateLimiter(redis: Redis | undefined, perSecond: number): RateLimiter {
  const local = new Map<string, { second: number; count: number }>();
  const countLocally = (bucket: string, second: number) => {
    const slot = local.get(bucket);
    const count = slot && slot.second === second ? slot.count + 1 : 1;
    local.set(bucket, { second, count });
    return count;
  };
  return {
    async acquire(bucket) {
      for (;;) {
        const now = Date.now();
        const second = Math.floor(now / 1000);
        let count: number;
        try {
          if (!redis) throw new Error('no redis');
          const key = `rate:${bucket}:${second}`;
          const [[, n]] = (await redis.multi().incr(key).pexpire(key, 2000).exec()) as [[null, number], unknown];
          count = n;
        } catch {
          count = countLocally(bucket, second);
        }
        if (count <= perSecond) return;
        await new Promise((resolve) => setTimeout(resolve, 1000 - (now % 1000) + 1));
      }
    },
  };
}
