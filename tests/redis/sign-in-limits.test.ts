import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { createSignInLimits } from '../../infra/cache/sign-in-limits.js';

// Runs only where REDIS_URL is set (CI sets it): see jest.config.js.
let redis: Redis;
beforeAll(async () => {
  redis = new Redis(process.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
});
afterAll(() => redis.quit());

describe('sign-in limits in Redis', () => {
  it('are shared by every web process: failures counted by one lock the pair in another', async () => {
    // Two processes' limiters over one Redis; a fresh account so runs never meet.
    const [webA, webB] = [createSignInLimits(redis), createSignInLimits(redis)];
    const email = `person-${randomBytes(4).toString('hex')}@example.com`;
    const client = `203.0.113.${1 + (randomBytes(1)[0]! % 250)}`;
    for (let i = 0; i < 5; i++) {
      expect(await (i % 2 ? webA : webB).attempt(email, client)).toEqual({ allowed: true });
      await (i % 2 ? webA : webB).failed(email, client);
    }
    const refused = await webA.attempt(email, client);
    expect(refused).toMatchObject({ allowed: false, message: expect.stringContaining('Too many failed sign-ins for this address') });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(800);
    // Another client is not locked out of the same account.
    expect(await webB.attempt(email, '198.51.100.77')).toEqual({ allowed: true });
    // No email address is stored in Redis, only its hash.
    expect(await redis.keys(`*${email}*`)).toEqual([]);
  });
});
