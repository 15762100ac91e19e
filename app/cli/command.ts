import type { Runtime } from '../runtime.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  /** Words that select the command, e.g. ['audit', 'verify']. */
  words: string[];
  usage: string;
  summary: string;
  /** Options the command accepts, for node:util parseArgs. */
  options: Record<string, { type: 'string' | 'boolean' }>;
  /** Returns the process exit code. */
  run(runtime: Runtime, values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: shown with its usage, exit code 64. */
export class UsageError extends Error {}
