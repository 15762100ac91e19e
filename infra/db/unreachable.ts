import { AppError } from '../../core/errors.js';

/** Socket errors of a database connection that was refused, cut or never made. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
/** PostgreSQL's own: shutting down or starting up, too many connections. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What pg says when the connection ends under it or cannot be made in time. */
const CONNECTION_LOST = /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/**
 * Whether an error means the database could not be reached (refused, cut, shutting down, or no
 * connection free in the pool in time), as opposed to one of our refusals (AppError) or a bug.
 * Every edge (Slack, Teams, the portal, jobs) tells people "try again" on the same test.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  // Read by shape, not by class: socket errors can come from another realm (vm contexts), where instanceof Error fails.
  if (typeof error !== 'object' || error === null || error instanceof AppError || depth > 3) return false;
  const { code, name, message, errors, cause } = error as { code?: unknown; name?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  if (name === 'KnexTimeoutError' || (typeof message === 'string' && CONNECTION_LOST.test(message))) return true;
  const inner = [...(Array.isArray(errors) ? errors : []), cause];
  return inner.some((e) => isDatabaseUnreachable(e, depth + 1));
}
