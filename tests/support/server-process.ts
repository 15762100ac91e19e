import { spawnNode } from './children.js';

/**
 * `npm start`'s entry (or another, e.g. the compiled build's) as a real child process with only
 * the given environment, until it prints its banner.
 */
export async function startServerProcess(
  env: Record<string, string>, timeoutMs = 60_000, args: string[] = ['--import', 'tsx', 'app/main.ts'],
): Promise<{ output: () => string; stop(): Promise<number | null> }> {
  const server = spawnNode(args, env);
  let out = '';
  server.stdout!.on('data', (c) => (out += c));
  server.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('Press Ctrl-C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (!out.includes('Press Ctrl-C')) throw new Error(`the server did not start:\n${out}`);
  return {
    output: () => out,
    stop: async () => {
      server.kill('SIGTERM');
      return exited;
    },
  };
}
