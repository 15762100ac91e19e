/**
 * The environment for a process a test starts: only what it is given, plus whatever moves the
 * clock. Debian's faketime works by preloading libfaketime (LD_PRELOAD, FAKETIME*); a child
 * started without them runs on the real clock while the test runs on the fake one, so a request
 * the test signs "now" is stale to the server (Slack refuses signatures over five minutes old).
 * Passing them on gives the test and every process it starts one clock.
 */
export function childEnv(env: Record<string, string> = {}): Record<string, string> {
  const clock = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && (entry[0] === 'LD_PRELOAD' || entry[0].startsWith('FAKETIME')),
  );
  return { PATH: process.env.PATH ?? '', ...Object.fromEntries(clock), ...env };
}
