/**
 * Typed errors with a stable code and a message fit to show a user. Each edge (Slack reply,
 * HTTP status, job log, CLI exit) maps them once, by class; the code tells refusals apart.
 */
export interface ErrorOptions {
  code?: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;
  constructor(defaultCode: string, message: string, options: ErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    this.code = options.code ?? defaultCode;
    this.details = options.details;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super('validation_failed', message, options);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super('not_found', message, options);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super('forbidden', message, options);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super('conflict', message, options);
  }
}

export class ConfigError extends AppError {
  constructor(readonly problems: string[]) {
    super('config_invalid', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
