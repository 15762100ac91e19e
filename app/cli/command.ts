import type { Config } from '../../core/config.js';
import type { Runtime } from '../runtime.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CommandContext {
  config: Config;
  /** Opens the database (embedded or DATABASE_URL) on first use; the CLI closes it after the command. */
  runtime(): Promise<Runtime>;
  io: CliIo;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  /** Words that select the command, e.g. ['audit', 'verify']. */
  words: string[];
  usage: string;
  summary: string;
  /** Options the command accepts, for node:util parseArgs. */
  options: Record<string, { type: 'string' | 'boolean' }>;
  /** How many positional arguments follow the command words (default none). */
  positionals?: number;
  /** Returns the process exit code. */
  run(ctx: CommandContext, values: OptionValues, positionals: string[]): Promise<number>;
}

/** A mistake in how the command was called: shown with its usage, exit code 64. */
export class UsageError extends Error {}

export function requireString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
