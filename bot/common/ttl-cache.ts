/** Chat installations (Slack workspaces, Teams tenant bindings) are re-read at most this often: a re-connected one takes effect within the minute. */
export const INSTALLATION_TTL_MS = 60_000;

/**
 * `load` behind a per-key memory of `ttlMs`: each key is loaded at most once per period,
 * whatever the answer (so a changed value takes effect within the period). When a re-load fails
 * (the database is down) the last value loaded is used until a load succeeds again, so chat
 * requests can still be answered; a key never loaded has nothing to fall back on.
 */
export function cachedFor<T>(ttlMs: number, load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cached = new Map<string, { value: T; at: number }>();
  return async (key) => {
    const hit = cached.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    let value: T;
    try {
      value = await load(key);
    } catch (error) {
      if (hit) return hit.value;
      throw error;
    }
    cached.set(key, { value, at: Date.now() });
    return value;
  };
}
