/**
 * One error type for faults, with a closed set of codes. Expected business outcomes (a decline, an
 * insufficient limit, a failed verification) are values, not AppErrors.
 *
 * The HTTP mapping lives in one table (`httpStatusOf`), used by the HTTP server's error handler; the CLI
 * maps the same codes to exit codes (`exitCodeOf`).
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // malformed request: unparsable JSON, unreadable file
  'VALIDATION_FAILED', // well-formed input that breaks a rule: wrong type, unknown field, bad checksum
  'UNAUTHENTICATED', // missing or unknown credentials
  'FORBIDDEN', // authenticated, but the role or owner may not do this
  'NOT_FOUND',
  'GONE', // it existed and was removed for good (an erased customer's personal data)
  'CONFLICT', // state conflict: duplicate, already decided, concurrent change
  'IDEMPOTENCY_MISMATCH', // same idempotency key, different request body
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'URI_TOO_LONG', // a path or one of its parameters is longer than the server reads
  'RATE_LIMITED', // too many requests (or failed sign-ins) from one client; retry after the window
  'UNPROCESSABLE', // valid input that the current state cannot accept (over limit, window closed)
  'MIGRATION_CHECKSUM_MISMATCH',
  'MIGRATION_FAILED',
  'UNAVAILABLE', // a dependency is down; retry later
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One violated rule on one field, e.g. `{field: 'amount', rule: 'max-2-decimals', message: ...}`. */
export interface FieldIssue {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly issues?: readonly FieldIssue[];
  readonly cause?: unknown;
  /** Extra machine-readable details, safe to show to the caller (never PII). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }

  /** A validation failure on one field, naming the field and the rule. */
  static invalid(field: string, rule: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ field, rule, message }] });
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('NOT_FOUND', `${what} ${id} not found`, { details: { resource: what, id } });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  GONE: 410,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  URI_TOO_LONG: 414,
  RATE_LIMITED: 429,
  UNPROCESSABLE: 422,
  MIGRATION_CHECKSUM_MISMATCH: 500,
  MIGRATION_FAILED: 500,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The one table from error codes to HTTP statuses. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/**
 * Exit codes of the CLI. 0 is success; 1 an unexpected fault; 2 a usage error (commander's own);
 * the rest follow the error code so scripts can tell "your input is wrong" from "try again later".
 */
const EXIT_CODE: Readonly<Record<ErrorCode, number>> = {
  BAD_REQUEST: 3,
  VALIDATION_FAILED: 3,
  UNAUTHENTICATED: 4,
  FORBIDDEN: 4,
  NOT_FOUND: 5,
  GONE: 5,
  CONFLICT: 6,
  IDEMPOTENCY_MISMATCH: 6,
  PAYLOAD_TOO_LARGE: 3,
  UNSUPPORTED_MEDIA_TYPE: 3,
  URI_TOO_LONG: 3,
  RATE_LIMITED: 9,
  UNPROCESSABLE: 7,
  MIGRATION_CHECKSUM_MISMATCH: 8,
  MIGRATION_FAILED: 8,
  UNAVAILABLE: 9,
  INTERNAL: 1,
};

export function exitCodeOf(code: ErrorCode): number {
  return EXIT_CODE[code];
}
