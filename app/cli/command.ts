import type { Config } from '../../core/config.js';
import { calendarDateProblem, parseTimestamp } from '../../core/engine/dates.js';
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

/** A date option: a day that exists in the calendar, as YYYY-MM-DD. */
export function dateOption(values: OptionValues, name: string, required: true): string;
export function dateOption(values: OptionValues, name: string, required?: false): string | undefined;
export function dateOption(values: OptionValues, name: string, required = false): string | undefined {
  const value = required ? requireString(values, name) : optionalString(values, name);
  const problem = value === undefined ? undefined : calendarDateProblem(value);
  if (problem) throw new UsageError(`--${name}: ${problem}`);
  return value;
}

/** A moment option: an ISO timestamp with its offset, on a day that exists (never rolled over by Date). */
export function timestampOption(values: OptionValues, name: string): Date | undefined {
  const value = optionalString(values, name);
  if (value === undefined) return undefined;
  try {
    return parseTimestamp(value);
  } catch (error) {
    throw new UsageError(`--${name}: ${(error as Error).message}`);
  }
}
