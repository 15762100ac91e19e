import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll } from '@jest/globals';
import { childEnv } from './child-env.js';

/*
 * Node processes a test file starts (servers, workers). Whatever is still running when the file
 * ends — a test that failed before stopping it — is stopped here, so a failing test never leaves
 * a server behind and Jest still exits on its own.
 */
const running = new Set<ChildProcess>();

afterAll(async () => {
  await Promise.all([...running].map(async (child) => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const late = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(late);
  }));
});

/** `node <args>` with only `env` (and the test's clock), its output piped or ignored; tracked until it exits. */
export function spawnNode(args: string[], env: Record<string, string>, output: 'pipe' | 'ignore' = 'pipe'): ChildProcess {
  const child = spawn(process.execPath, args, { env: childEnv(env), stdio: ['ignore', output, output] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}
