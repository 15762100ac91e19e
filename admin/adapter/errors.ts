import { ForbiddenError as AdminForbidden, NotFoundError as AdminNotFound, ValidationError as AdminValidation } from 'adminjs';
import { AppError, ForbiddenError, NotFoundError } from '../../core/errors.js';

interface PgError { code?: string; constraint?: string; column?: string; detail?: string }

/** PostgreSQL's refusals, in words an admin can act on. */
const PG_MESSAGES: Record<string, string> = {
  '23505': 'A record with the same value already exists.',
  '23503': 'It refers to a record that does not exist, or other records still refer to it (remove those first).',
  '23514': 'A value is not allowed here.',
  '23502': 'A required value is missing.',
  '22P02': 'A value has the wrong format.',
  '22003': 'A number is too large (or too small) for this field.',
  '22007': 'A date or time is not valid (use YYYY-MM-DD).',
  '22008': 'A date does not exist in the calendar.',
  '42501': 'The database refused this change.',
};

/**
 * AdminJS's new and edit actions judge the saved record by its field errors alone, so a refusal
 * with none (a database constraint, a rule about the whole record) would be reported as
 * "Successfully created". Such a refusal is also kept under a key no field has.
 */
function refusal(propertyErrors: Record<string, { message: string }>, message: string) {
  return new AdminValidation(Object.keys(propertyErrors).length > 0 ? propertyErrors : { _record: { message } }, { message });
}

/**
 * Maps errors once at the portal's edge: core's typed errors and database refusals become
 * AdminJS errors (field messages under the field, the rest as a notice); anything else is a bug
 * and is left to the error log.
 */
export function toAdminError(error: unknown): unknown {
  if (error instanceof AdminValidation || error instanceof AdminForbidden || error instanceof AdminNotFound) return error;
  if (error instanceof ForbiddenError) return new AdminForbidden(error.message);
  if (error instanceof NotFoundError) return new AdminNotFound(error.message, 'portal');
  if (error instanceof AppError) {
    const fields = (error.details?.fields ?? {}) as Record<string, string>;
    const propertyErrors = Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, { message }]));
    return refusal(propertyErrors, error.message);
  }
  const pg = error as PgError;
  const message = pg?.code ? PG_MESSAGES[pg.code] : undefined;
  if (message) {
    const detail = pg.code === '42501' && pg instanceof Error ? ` ${pg.message}` : pg.detail ? ` (${pg.detail})` : '';
    return refusal({}, `${message}${detail}`);
  }
  return error;
}
