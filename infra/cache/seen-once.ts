import type { Redis } from 'ioredis';

/**
 * "Seen before?" for deliveries that may arrive twice (Slack retries an event it thinks was not
 * received): true the second time an id is offered within `ttlMs`. Shared through Redis when
 * it is up, else remembered by this process.
 */
export function seenOnce(redis: () => Redis | undefined, prefix: string, ttlMs: number): (id: string) => Promise<boolean> {
  const seen = new Map<string, number>();
  return async (id) => {
    const client = redis();
    if (client?.status === 'ready') {
      try {
        return (await client.set(`${prefix}:${id}`, '1', 'PX', ttlMs, 'NX')) === null;
      } catch {
        // fall through to this process's memory
      }
    }
    const now = Date.now();
    for (const [key, at] of seen) if (now - at > ttlMs) seen.delete(key);
    if (seen.has(id)) return true;
    seen.set(id, now);
    return false;
  };
}
