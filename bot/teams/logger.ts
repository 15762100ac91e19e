import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { TeamsLogger } from './deps.js';

/**
 * The SDK's logger interface onto the product's. Each argument is logged as its String(): the
 * SDK logs axios errors, whose request config carries the bot's bearer token, and activity
 * bodies at debug, so no object is ever handed to the structured logger whole.
 */
const REFUSED_TOKEN = /^JWT (verification|validation) failed/;

export function teamsLogger(logger: TeamsLogger, name = 'teams'): ILogger {
  const log = logger.child({ module: name });
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? `${m.name}: ${m.message}` : String(m))).join(' ');
  const self: ILogger = {
    // A refused token is someone else's mistake (or attempt), not ours: a warning, not an error.
    error: (...msg: unknown[]) => (REFUSED_TOKEN.test(line(msg)) ? log.warn(line(msg)) : log.error(line(msg))),
    warn: (...msg: unknown[]) => log.warn(line(msg)),
    info: (...msg: unknown[]) => log.info(line(msg)),
    debug: (...msg: unknown[]) => log.debug(line(msg)),
    trace: (...msg: unknown[]) => log.debug(line(msg)),
    log: (level: LogLevel, ...msg: unknown[]) => self[level](...msg),
    child: (child: string) => teamsLogger(logger, `${name}/${child}`),
  };
  return self;
}
