/** Slack installations are re-read at most this often: a re-connected token takes effect within the minute. */
export const INSTALLATION_TTL_MS = 60_000;

/**
 * `load` behind a per-key memory of `ttlMs`: each key is loaded at most once per period,
 * whatever the answer (so a changed value takes effect within the period).
 */
export function cachedFor<T>(ttlMs: number, load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cached = new Map<string, { value: T; at: number }>();
  return async (key) => {
    const hit = cached.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = await load(key);
    cached.set(key, { value, at: Date.now() });
    return value;
  };
}
