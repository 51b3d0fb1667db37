// The one error type domain code throws. Its code picks the HTTP status and problem type at the
// edge (see problem.ts); nothing else about HTTP leaks into services.

export const APP_ERROR_CODES = {
  invalid: { status: 400, title: 'Your request has invalid fields' },
  bad_request: { status: 400, title: 'Bad request' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'You do not have access to this' },
  password_change_required: { status: 403, title: 'Change your password to continue' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  stale_write: { status: 409, title: 'The record was changed by someone else' },
  gone: { status: 410, title: 'Gone' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'The request cannot be carried out' },
  locked: { status: 423, title: 'Locked' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extra members to put on the problem body (must be safe to show to the caller). */
  extra?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: AppErrorCode;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? APP_ERROR_CODES[code].title, { cause: options.cause });
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extra = options.extra;
  }
}

export const notFound = (what = 'record'): AppError => new AppError('not_found', { detail: `No such ${what}.` });

export const invalid = (field: string, message: string): AppError =>
  new AppError('invalid', { errors: [{ field, message }], detail: `${field}: ${message}` });
