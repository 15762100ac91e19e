/**
 * Polls until `check` gives a truthy value (sync or async) and returns it: listeners, workers
 * and servers answer after the request that started them has returned.
 */
export async function until<T>(check: () => T | Promise<T>, timeoutMs = 5000, what = 'a condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
